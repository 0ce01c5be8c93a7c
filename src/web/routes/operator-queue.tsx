import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../../shared/domain.ts';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { ExportButtons } from '../features/exports/components/ExportButtons.tsx';
import type { QueueFilter } from '../features/membership/api/membership.ts';
import { OperatorQueue } from '../features/membership/components/OperatorQueue.tsx';
import { requireSignedIn } from './guards.ts';
import { OperatorOnly } from './operator-guard.tsx';
import { rootRoute } from './root.tsx';

// Without a status in the address the queue shows what waits for a decision; `all` shows everything.
const DEFAULT_STATUS: MembershipStatus = 'applied';
const ALL_STATUSES = 'all' as const;

interface QueueSearch {
  status?: MembershipStatus | typeof ALL_STATUSES;
  q?: string;
  page?: number;
}

function OperatorQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = operatorQueueRoute.useSearch();
  const filter: QueueFilter = {
    status: search.status === ALL_STATUSES ? undefined : (search.status ?? DEFAULT_STATUS),
    q: search.q,
    page: search.page ?? 1,
  };

  return (
    <OperatorOnly>
      <PageHeader
        title={t('queue.title')}
        description={t('queue.intro')}
        aside={
          // the file holds what the table lists: the same status and search
          <ExportButtons
            list="membership"
            filter={{ status: filter.status ? [filter.status] : undefined, q: filter.q }}
            subject={t('queue.title')}
          />
        }
      />
      <OperatorQueue
        filter={filter}
        onFilterChange={(change) =>
          void navigate({
            to: '/operator/membership',
            search: (): QueueSearch => {
              const next = { ...filter, ...change };
              return {
                status: next.status === DEFAULT_STATUS ? undefined : (next.status ?? ALL_STATUSES),
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

export const operatorQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/membership',
  beforeLoad: requireSignedIn,
  validateSearch: (search: Record<string, unknown>): QueueSearch => {
    const page = Number(search.page);
    return {
      status:
        search.status === ALL_STATUSES || MEMBERSHIP_STATUSES.includes(search.status as MembershipStatus)
          ? (search.status as MembershipStatus | typeof ALL_STATUSES)
          : undefined,
      q: typeof search.q === 'string' && search.q ? search.q : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
  component: OperatorQueuePage,
});
