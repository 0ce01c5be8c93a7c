// The operator's moderation queue of requests: statuses with counts (moderation first, and the default view).
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { REQUEST_STATUSES, type RequestStatus } from '../../shared/innovation.ts';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { ExportButtons } from '../features/exports/components/ExportButtons.tsx';
import {
  ALL,
  QUEUE_STATUSES,
  RequestQueue,
  type RequestQueueFilter,
} from '../features/requests/components/RequestQueue.tsx';
import { requireSignedIn } from './guards.ts';
import { OperatorOnly } from './operator-guard.tsx';
import { rootRoute } from './root.tsx';

interface QueueSearch {
  /** a status, or `all`; none means the moderation queue */
  status?: RequestStatus | typeof ALL;
  q?: string;
  page?: number;
}

function QueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = operatorRequestsRoute.useSearch();
  const status = search.status === ALL ? undefined : (search.status ?? 'moderation');
  const filter: RequestQueueFilter = { status, q: search.q, page: search.page ?? 1 };
  return (
    <OperatorOnly>
      <PageHeader
        title={t('requestsOperator.title')}
        description={t('requestsOperator.intro')}
        aside={
          // the file holds what the table lists: «all» is every status of the queue, drafts are not in it
          <ExportButtons
            list="requests"
            filter={{ status: status ? [status] : [...QUEUE_STATUSES], q: filter.q }}
            subject={t('requestsOperator.title')}
          />
        }
      />
      <RequestQueue
        filter={filter}
        onOpen={(id) => void navigate({ to: '/requests/$id', params: { id } })}
        onFilterChange={(change) =>
          void navigate({
            to: '/operator/requests',
            search: (): QueueSearch => {
              const next = { ...filter, ...change };
              return {
                status: next.status === 'moderation' ? undefined : (next.status ?? ALL),
                q: next.q || undefined,
                page: next.page > 1 ? next.page : undefined,
              };
            },
          })
        }
      />
    </OperatorOnly>
  );
}

export const operatorRequestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/requests',
  beforeLoad: requireSignedIn,
  validateSearch: (search: Record<string, unknown>): QueueSearch => {
    const page = Number(search.page);
    return {
      status:
        search.status === ALL || REQUEST_STATUSES.includes(search.status as RequestStatus)
          ? (search.status as QueueSearch['status'])
          : undefined,
      q: typeof search.q === 'string' && search.q ? search.q.slice(0, 200) : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
  component: QueuePage,
});
