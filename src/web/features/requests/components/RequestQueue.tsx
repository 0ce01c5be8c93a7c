// The operator's requests: statuses with counts (moderation first), search, a table, pages.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../../../shared/innovation.ts';
import { RequestStatusBadge } from '../../../components/ui/RequestStatusBadge.tsx';
import { type QueueColumn, StatusQueue } from '../../../components/ui/StatusQueue.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { REQUESTS_PAGE_SIZE, type RequestListItem, useRequestStatusCounts, useRequests } from '../api/requests.ts';

export const ALL = 'all';
// drafts are the customers' own business; moderation is what waits for the operator
export const QUEUE_STATUSES: readonly RequestStatus[] = ['moderation', 'published', 'closed', 'resolved', 'cancelled'];

export interface RequestQueueFilter {
  status?: RequestStatus;
  q?: string;
  page: number;
}

interface RequestQueueProps {
  filter: RequestQueueFilter;
  onFilterChange: (change: Partial<RequestQueueFilter>) => void;
  onOpen: (id: string) => void;
}

export function RequestQueue({ filter, onFilterChange, onOpen }: RequestQueueProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const counts = useRequestStatusCounts(QUEUE_STATUSES, filter.q);
  const queue = useRequests({
    status: filter.status ? [filter.status] : [...QUEUE_STATUSES],
    q: filter.q,
    page: filter.page,
  });

  const tabs = [
    ...QUEUE_STATUSES.map((status) => ({
      value: status,
      label: t(`requests.status.${status}`),
      count: counts[status],
    })),
    {
      value: ALL,
      label: t('requestsOperator.all'),
      count: QUEUE_STATUSES.reduce((sum, status) => sum + counts[status], 0),
    },
  ];
  const columns: QueueColumn<RequestListItem>[] = [
    {
      key: 'number',
      header: t('requests.number'),
      cell: (item) => (
        <Link to="/requests/$id" params={{ id: item.id }} className="card-title-link">
          {item.number}
        </Link>
      ),
    },
    { key: 'title', header: t('requestsOperator.titleColumn'), cell: (item) => item.title },
    { key: 'customer', header: t('requests.customer'), cell: (item) => item.customer.shortName },
    { key: 'kind', header: t('requests.kindLabel'), cell: (item) => t(`requests.kind.${item.kind}`) },
    {
      key: 'status',
      header: t('requestsOperator.status'),
      cell: (item) => <RequestStatusBadge status={item.status} />,
    },
    { key: 'deadline', header: t('requests.deadline'), cell: (item) => formatDate(item.deadline) },
  ];

  return (
    <StatusQueue
      tabs={tabs}
      currentTab={filter.status ?? ALL}
      onTabChange={(value) => onFilterChange({ status: value === ALL ? undefined : (value as RequestStatus), page: 1 })}
      tabsLabel={t('requestsOperator.statusFilter')}
      searchLabel={t('requestsOperator.search')}
      query={filter.q}
      onSearch={(q) => onFilterChange({ q, page: 1 })}
      columns={columns}
      rows={queue.data?.items}
      caption={t('requestsOperator.caption')}
      found={
        queue.data
          ? t('requestsOperator.found', {
              count: queue.data.total,
              formatted: formatNumber(queue.data.total, language),
            })
          : ''
      }
      empty={t(filter.status === 'moderation' ? 'requestsOperator.emptyModeration' : 'requestsOperator.empty')}
      loading={queue.isPending}
      fetching={queue.isFetching}
      error={queue.error}
      onRowClick={(row) => onOpen(row.id)}
      minWidth={860}
      placeholderRows={4}
      total={queue.data?.total ?? 0}
      pageSize={REQUESTS_PAGE_SIZE}
      page={filter.page}
      onPageChange={(page) => onFilterChange({ page })}
    />
  );
}
