// Cluster membership: an organization's application and the operator's queue and decisions.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MembershipKind, MembershipStatus } from '../../../../shared/domain.ts';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';

export type CurrentMembership = ApiAnswer<'/api/organizations/{id}/membership', 'get'>;
export type MembershipApplication = NonNullable<CurrentMembership['application']>;
export type TimelineEntry = MembershipApplication['timeline'][number];
export type QueueAnswer = ApiAnswer<'/api/membership/applications', 'get'>;
export type QueueItem = QueueAnswer['items'][number];
export type ApplicationDetail = ApiAnswer<'/api/membership/applications/{id}', 'get'>;
export type DecisionBody = ApiBody<'/api/membership/applications/{id}/decision', 'post'>;
export type Decision = DecisionBody['decision'];
export type MembershipEvent = MembershipApplication['allowedEvents'][number];

export const membershipKeys = {
  current: (organizationId: string) => ['membership', 'organization', organizationId] as const,
  queue: (filter: QueueFilter) => ['membership', 'queue', filter] as const,
  queueAll: ['membership', 'queue'] as const,
  application: (id: string) => ['membership', 'application', id] as const,
};

export const QUEUE_PAGE_SIZE = 20;

export interface QueueFilter {
  status?: MembershipStatus;
  q?: string;
  page: number;
}

export function useCurrentMembership(organizationId: string) {
  return useQuery({
    queryKey: membershipKeys.current(organizationId),
    queryFn: () => unwrap(api.GET('/api/organizations/{id}/membership', { params: { path: { id: organizationId } } })),
  });
}

export function useApplyForMembership(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: MembershipKind; comment?: string }) =>
      unwrap(api.POST('/api/organizations/{id}/membership', { params: { path: { id: organizationId } }, body: input })),
    onSuccess: (application) => {
      queryClient.setQueryData(membershipKeys.current(organizationId), { application });
      // the organization's own status changed too
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}

export function useMembershipQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: membershipKeys.queue(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/membership/applications', {
          params: {
            query: {
              status: filter.status ? [filter.status] : undefined,
              q: filter.q || undefined,
              limit: QUEUE_PAGE_SIZE,
              offset: (filter.page - 1) * QUEUE_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMembershipApplication(id: string) {
  return useQuery({
    queryKey: membershipKeys.application(id),
    queryFn: () => unwrap(api.GET('/api/membership/applications/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

function useAfterDecision(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: membershipKeys.application(id) });
    void queryClient.invalidateQueries({ queryKey: membershipKeys.queueAll });
    void queryClient.invalidateQueries({ queryKey: ['registry'] });
    void queryClient.invalidateQueries({ queryKey: ['organizations'] });
  };
}

export function useTakeIntoReview(id: string) {
  const refresh = useAfterDecision(id);
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/membership/applications/{id}/review', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useDecide(id: string) {
  const refresh = useAfterDecision(id);
  return useMutation({
    mutationFn: (body: DecisionBody) =>
      unwrap(api.POST('/api/membership/applications/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
