// Requests for innovative solutions (open innovation): the public catalogue, one request with its NDA, the
// customer's draft and steps, the operator's moderation queue.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestStatus } from '../../../../shared/innovation.ts';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';
import type { paths } from '../../../lib/api-schema.d.ts';

export type RequestsQuery = NonNullable<paths['/api/requests']['get']['parameters']['query']>;
export type RequestsAnswer = ApiAnswer<'/api/requests', 'get'>;
export type RequestListItem = RequestsAnswer['items'][number];
export type RequestFacetName = keyof RequestsAnswer['facets'];
export type RequestSort = NonNullable<RequestsQuery['sort']>;
export type InnovationRequest = ApiAnswer<'/api/requests/{id}', 'get'>;
export type CreateRequestBody = ApiBody<'/api/requests', 'post'>;
export type PatchRequestBody = ApiBody<'/api/requests/{id}', 'patch'>;
export type RequestEvent = InnovationRequest['viewer']['allowedEvents'][number];
export type WinnerCandidate = ApiAnswer<'/api/requests/{id}/solutions', 'get'>['items'][number];

export const REQUESTS_PAGE_SIZE = 20;
export const REQUEST_FACETS: readonly RequestFacetName[] = ['kind', 'scope', 'technology', 'problemType'];
export const REQUEST_SORTS: readonly RequestSort[] = ['relevance', 'deadline', 'newest'];
/** Solutions that may win a request when the customer sums it up. */
const WINNING_STATUSES = ['shortlisted', 'pilot', 'contract'] as const;

export type RequestsFilter = Omit<RequestsQuery, 'limit' | 'offset'> & { page: number };

export const requestKeys = {
  all: ['requests'] as const,
  list: (filter: RequestsFilter) => ['requests', 'list', filter] as const,
  count: (status: RequestStatus, q: string | undefined) => ['requests', 'count', status, q ?? ''] as const,
  one: (id: string) => ['requests', 'one', id] as const,
  winners: (id: string) => ['requests', 'winners', id] as const,
  organizations: (ids: readonly string[]) => ['requests', 'organizations', ...ids] as const,
};

function toQuery(filter: RequestsFilter): RequestsQuery {
  const { page, ...query } = filter;
  return {
    ...query,
    q: query.q || undefined,
    limit: REQUESTS_PAGE_SIZE,
    offset: (page - 1) * REQUESTS_PAGE_SIZE,
  };
}

export function useRequests(filter: RequestsFilter, enabled = true) {
  return useQuery({
    queryKey: requestKeys.list(filter),
    queryFn: () => unwrap(api.GET('/api/requests', { params: { query: toQuery(filter) } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The number of requests in each status (operator): one small query per status, all at once. */
export function useRequestStatusCounts(statuses: readonly RequestStatus[], q: string | undefined) {
  const results = useQueries({
    queries: statuses.map((status) => ({
      queryKey: requestKeys.count(status, q),
      queryFn: () =>
        unwrap(
          api.GET('/api/requests', { params: { query: { status: [status], q: q || undefined, limit: 1, offset: 0 } } }),
        ).then((answer) => answer.total),
    })),
  });
  return Object.fromEntries(statuses.map((status, index) => [status, results[index]?.data ?? 0])) as Record<
    RequestStatus,
    number
  >;
}

/** The open requests whose deadline comes first, for the home page. */
export function useSoonestRequests(count: number) {
  return useQuery({
    queryKey: ['requests', 'soonest', count] as const,
    queryFn: () =>
      unwrap(api.GET('/api/requests', { params: { query: { sort: 'deadline', limit: count, offset: 0 } } })),
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: requestKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/requests/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export interface MyOrganization {
  id: string;
  shortName: string;
  orgRole: 'owner' | 'manager' | 'member';
  capabilities: string[];
}

/**
 * The signed-in person's organizations with their names and capabilities (one profile each: a person belongs to
 * few). `memberships` comes from the session.
 */
export function useMyOrganizationProfiles(
  memberships: ReadonlyArray<{ id: string; orgRole: MyOrganization['orgRole'] }>,
) {
  const ids = memberships.map((m) => m.id).sort();
  return useQuery({
    queryKey: requestKeys.organizations(ids),
    queryFn: async (): Promise<MyOrganization[]> => {
      const profiles = await Promise.all(
        memberships.map((membership) =>
          unwrap(api.GET('/api/organizations/{id}', { params: { path: { id: membership.id } } })).then((profile) => ({
            id: membership.id,
            shortName: profile.shortName,
            orgRole: membership.orgRole,
            capabilities: profile.capabilities,
          })),
        ),
      );
      return profiles.sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'));
    },
    enabled: memberships.length > 0,
    staleTime: 60_000,
  });
}

/** Organizations for which the person may write requests: owner or manager of a customer. */
export const customerOrganizations = (organizations: readonly MyOrganization[] | undefined) =>
  (organizations ?? []).filter(
    (org) => org.capabilities.includes('customer') && (org.orgRole === 'owner' || org.orgRole === 'manager'),
  );

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (answer?: InnovationRequest) => {
    if (answer) queryClient.setQueryData(requestKeys.one(id), answer);
    void queryClient.invalidateQueries({ queryKey: requestKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRequestBody) => unwrap(api.POST('/api/requests', { body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(requestKeys.one(answer.id), answer);
      void queryClient.invalidateQueries({ queryKey: ['requests', 'list'] });
    },
  });
}

/** Saves a draft; the answer carries the new `version` the next save must send. */
export function useUpdateRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchRequestBody) => unwrap(api.PATCH('/api/requests/{id}', { params: { path: { id } }, body })),
    onSuccess: (answer) => queryClient.setQueryData(requestKeys.one(id), answer),
  });
}

type SimpleStep = 'moderate' | 'publish' | 'close';

export function useRequestStep(id: string, step: SimpleStep) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: () => {
      const params = { params: { path: { id } } };
      if (step === 'moderate') return unwrap(api.POST('/api/requests/{id}/moderate', params));
      if (step === 'publish') return unwrap(api.POST('/api/requests/{id}/publish', params));
      return unwrap(api.POST('/api/requests/{id}/close', params));
    },
    onSuccess: refresh,
  });
}

export function useReturnRequest(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (comment: string) =>
      unwrap(api.POST('/api/requests/{id}/return', { params: { path: { id } }, body: { comment } })),
    onSuccess: refresh,
  });
}

export function useCancelRequest(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/requests/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: refresh,
  });
}

export function useResolveRequest(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (winnerSolutionIds: string[]) =>
      unwrap(api.POST('/api/requests/{id}/resolve', { params: { path: { id } }, body: { winnerSolutionIds } })),
    onSuccess: refresh,
  });
}

/** The solutions that may be named winners: shortlisted, piloted or contracted. */
export function useWinnerCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: requestKeys.winners(id),
    queryFn: () =>
      unwrap(
        api.GET('/api/requests/{id}/solutions', {
          params: { path: { id }, query: { status: [...WINNING_STATUSES], sort: 'score', limit: 100 } },
        }),
      ),
    enabled,
  });
}

/** A member accepts the NDA terms for an organization; the request is read again, now with its description. */
export function useAcceptNda(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(api.POST('/api/requests/{id}/accept-nda', { params: { path: { id } }, body: { organizationId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.one(id) }),
  });
}
