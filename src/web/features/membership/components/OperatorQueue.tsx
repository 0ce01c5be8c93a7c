// The operator's queue of cluster applications: status segments with counts, search, table, pages.
// The filter lives in the page's URL; this component only reports changes.
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../../../../shared/domain.ts';
import { MembershipStatusBadge } from '../../../components/ui/MembershipStatusBadge.tsx';
import { type QueueColumn, StatusQueue } from '../../../components/ui/StatusQueue.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { QUEUE_PAGE_SIZE, type QueueFilter, type QueueItem, useMembershipQueue } from '../api/membership.ts';

const ALL = 'all';

interface OperatorQueueProps {
  filter: QueueFilter;
  onFilterChange: (change: Partial<QueueFilter>) => void;
}

export function OperatorQueue({ filter, onFilterChange }: OperatorQueueProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const queue = useMembershipQueue(filter);

  const counts = queue.data?.counts ?? {};
  const tabs = [
    {
      value: ALL,
      label: t('queue.allStatuses'),
      count: Object.values(counts).reduce((sum, count) => sum + count, 0),
    },
    ...MEMBERSHIP_STATUSES.map((status) => ({
      value: status,
      label: t(`enums.membershipStatus.${status}`),
      count: counts[status] ?? 0,
    })),
  ];
  const columns: QueueColumn<QueueItem>[] = [
    {
      key: 'organization',
      header: t('queue.organization'),
      cell: (item) => (
        <Link to="/operator/membership/$id" params={{ id: item.id }} className="card-title-link">
          {item.organizationName}
        </Link>
      ),
    },
    { key: 'inn', header: t('organization.inn'), cell: (item) => item.inn },
    { key: 'kind', header: t('queue.kind'), cell: (item) => t(`enums.membershipKind.${item.kind}`) },
    { key: 'status', header: t('queue.status'), cell: (item) => <MembershipStatusBadge status={item.status} /> },
    { key: 'applied', header: t('queue.appliedOn'), cell: (item) => formatDate(item.createdAt) },
  ];

  return (
    <StatusQueue
      tabs={tabs}
      currentTab={filter.status ?? ALL}
      onTabChange={(value) =>
        onFilterChange({ status: value === ALL ? undefined : (value as MembershipStatus), page: 1 })
      }
      tabsLabel={t('queue.statusFilter')}
      searchLabel={t('queue.search')}
      searchDescription={t('queue.searchHint')}
      query={filter.q}
      onSearch={(q) => onFilterChange({ q, page: 1 })}
      columns={columns}
      rows={queue.data?.items}
      caption={t('queue.caption')}
      found={
        queue.data
          ? t('queue.found', { count: queue.data.total, formatted: formatNumber(queue.data.total, language) })
          : ''
      }
      empty={t('queue.empty')}
      loading={queue.isPending}
      fetching={queue.isFetching}
      error={queue.error}
      onRowClick={(item) => void navigate({ to: '/operator/membership/$id', params: { id: item.id } })}
      minWidth={760}
      placeholderRows={5}
      total={queue.data?.total ?? 0}
      pageSize={QUEUE_PAGE_SIZE}
      page={filter.page}
      onPageChange={(page) => onFilterChange({ page })}
    />
  );
}
