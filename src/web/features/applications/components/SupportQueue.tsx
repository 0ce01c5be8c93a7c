// The operator's queue of support applications: status filter with counts, search, table, pages.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../../shared/measures.ts';
import { ApplicationStatusBadge } from '../../../components/ui/ApplicationStatusBadge.tsx';
import { type QueueColumn, StatusQueue } from '../../../components/ui/StatusQueue.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks, formatNumber } from '../../../lib/format.ts';
import {
  APPLICATIONS_PAGE_SIZE,
  type ApplicationListItem,
  type ApplicationsFilter,
  useApplications,
} from '../api/applications.ts';

const ALL = 'all';
// drafts are the companies' own business
const QUEUE_STATUSES = APPLICATION_STATUSES.filter((status) => status !== 'draft');

interface SupportQueueProps {
  filter: ApplicationsFilter;
  onFilterChange: (change: Partial<ApplicationsFilter>) => void;
}

export function SupportQueue({ filter, onFilterChange }: SupportQueueProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queue = useApplications(filter);

  const counts = queue.data?.counts ?? {};
  const tabs = [
    {
      value: ALL,
      label: t('supportQueue.all'),
      // every status, drafts included, as the list under this tab shows them
      count: Object.values(counts).reduce((sum: number, n) => sum + (n ?? 0), 0),
    },
    ...QUEUE_STATUSES.map((status) => ({
      value: status,
      label: t(`enums.applicationStatus.${status}`),
      count: counts[status] ?? 0,
    })),
  ];
  const columns: QueueColumn<ApplicationListItem>[] = [
    {
      key: 'number',
      header: t('supportQueue.number'),
      cell: (item) => (
        <Link to="/operator/applications/$id" params={{ id: item.id }} className="card-title-link">
          {item.number}
        </Link>
      ),
    },
    { key: 'organization', header: t('supportQueue.organization'), cell: (item) => item.organizationName },
    { key: 'measure', header: t('supportQueue.measure'), cell: (item) => item.measureTitle },
    {
      key: 'amount',
      header: t('supportQueue.amount'),
      cell: (item) => formatKopecks(item.requestedAmountKopecks, language),
    },
    {
      key: 'status',
      header: t('supportQueue.status'),
      cell: (item) => <ApplicationStatusBadge status={item.status} />,
    },
    { key: 'submitted', header: t('supportQueue.submittedOn'), cell: (item) => formatDate(item.submittedAt) },
  ];

  return (
    <StatusQueue
      tabs={tabs}
      currentTab={filter.status ?? ALL}
      onTabChange={(value) =>
        onFilterChange({ status: value === ALL ? undefined : (value as ApplicationStatus), page: 1 })
      }
      tabsLabel={t('supportQueue.statusFilter')}
      searchLabel={t('supportQueue.search')}
      query={filter.q}
      onSearch={(q) => onFilterChange({ q, page: 1 })}
      columns={columns}
      rows={queue.data?.items}
      caption={t('supportQueue.caption')}
      found={
        queue.data
          ? t('supportQueue.found', { count: queue.data.total, formatted: formatNumber(queue.data.total, language) })
          : ''
      }
      empty={t('supportQueue.empty')}
      loading={queue.isPending}
      fetching={queue.isFetching}
      error={queue.error}
      minWidth={820}
      placeholderRows={4}
      total={queue.data?.total ?? 0}
      pageSize={APPLICATIONS_PAGE_SIZE}
      page={filter.page}
      onPageChange={(page) => onFilterChange({ page })}
    />
  );
}
