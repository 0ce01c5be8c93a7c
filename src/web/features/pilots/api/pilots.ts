// Pilot testing: the public registry of pilot sites, pilots of the person's organizations and their steps, and the
// contracts that follow a pilot or a shortlist.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MOSCOW_DISTRICTS } from '../../../../shared/domain.ts';
import type { PilotSiteKind, PilotStatus } from '../../../../shared/innovation.ts';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';

export type PilotSite = ApiAnswer<'/api/pilot-sites', 'get'>['items'][number];
export type PilotListItem = ApiAnswer<'/api/pilots', 'get'>['items'][number];
export type PilotDetail = ApiAnswer<'/api/pilots/{id}', 'get'>;
export type ProposePilotBody = ApiBody<'/api/pilots', 'post'>;
export type CompletePilotBody = ApiBody<'/api/pilots/{id}/complete', 'post'>;
export type ContractBody = ApiBody<'/api/pilots/{id}/contract', 'post'>;

export const PILOT_SITES_PAGE_SIZE = 20;
export const PILOTS_PAGE_SIZE = 20;

export interface PilotSitesFilter {
  q?: string;
  kind?: PilotSiteKind;
  district?: (typeof MOSCOW_DISTRICTS)[number];
  page: number;
}

export interface PilotsFilter {
  status?: PilotStatus;
  page: number;
}

export const pilotKeys = {
  all: ['pilots'] as const,
  sites: (filter: PilotSitesFilter) => ['pilot-sites', filter] as const,
  siteSearch: (q: string) => ['pilot-sites', 'search', q] as const,
  list: (filter: PilotsFilter) => ['pilots', 'list', filter] as const,
  one: (id: string) => ['pilots', 'one', id] as const,
  ofSolution: (solutionId: string) => ['pilots', 'solution', solutionId] as const,
};

export function usePilotSites(filter: PilotSitesFilter) {
  return useQuery({
    queryKey: pilotKeys.sites(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/pilot-sites', {
          params: {
            query: {
              q: filter.q || undefined,
              kind: filter.kind,
              district: filter.district,
              limit: PILOT_SITES_PAGE_SIZE,
              offset: (filter.page - 1) * PILOT_SITES_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sites whose name, address or use matches the words typed, for choosing one in a form. */
export function useSiteSearch(q: string) {
  return useQuery({
    queryKey: pilotKeys.siteSearch(q),
    queryFn: () => unwrap(api.GET('/api/pilot-sites', { params: { query: { q: q || undefined, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePilots(filter: PilotsFilter) {
  return useQuery({
    queryKey: pilotKeys.list(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/pilots', {
          params: {
            query: {
              status: filter.status ? [filter.status] : undefined,
              limit: PILOTS_PAGE_SIZE,
              offset: (filter.page - 1) * PILOTS_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The pilots of one solution the person may see. The API lists pilots by organization, not by solution, so this
 * reads the latest hundred of the person's pilots; a solution has few.
 */
export function useSolutionPilots(solutionId: string) {
  return useQuery({
    queryKey: pilotKeys.ofSolution(solutionId),
    queryFn: async () => {
      const answer = await unwrap(api.GET('/api/pilots', { params: { query: { limit: 100 } } }));
      return answer.items.filter((pilot) => pilot.solutionId === solutionId);
    },
  });
}

export function usePilot(id: string) {
  return useQuery({
    queryKey: pilotKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/pilots/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

/** A pilot or a contract changes the solution's status too: its page and lists are read again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['solutions'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useProposePilot() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ProposePilotBody; idempotencyKey: string }) =>
      unwrap(api.POST('/api/pilots', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: refresh,
  });
}

/** The site owner hosts the pilot (`approve: true`) or refuses it with a comment. */
export function useApprovePilot(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { approve: boolean; comment?: string; version: number }) =>
      unwrap(api.POST('/api/pilots/{id}/approve', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useStartPilot(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/pilots/{id}/start', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useCompletePilot(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CompletePilotBody) =>
      unwrap(api.POST('/api/pilots/{id}/complete', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/** The contract: after a successful pilot (`pilotId`) or straight from the shortlist (`solutionId`). */
export function useRecordContract(target: { pilotId: string } | { solutionId: string }) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ContractBody; idempotencyKey: string }) => {
      const headers = { 'Idempotency-Key': idempotencyKey };
      return 'pilotId' in target
        ? unwrap(api.POST('/api/pilots/{id}/contract', { params: { path: { id: target.pilotId } }, body, headers }))
        : unwrap(
            api.POST('/api/solutions/{id}/contract', { params: { path: { id: target.solutionId } }, body, headers }),
          );
    },
    onSuccess: refresh,
  });
}
