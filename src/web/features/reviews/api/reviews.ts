// The expert's reviews: the lists, one review, the conflict-of-interest declaration and the scores.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';

export type ReviewSummary = ApiAnswer<'/api/reviews', 'get'>['items'][number];
export type ReviewDetail = ApiAnswer<'/api/reviews/{id}', 'get'>;
export type ScoresBody = ApiBody<'/api/reviews/{id}/scores', 'post'>;
export type ReviewState = 'pending' | 'done';

export const reviewKeys = {
  all: ['reviews'] as const,
  list: (state: ReviewState) => ['reviews', 'list', state] as const,
  one: (id: string) => ['reviews', 'one', id] as const,
};

export function useReviews(state: ReviewState) {
  return useQuery({
    queryKey: reviewKeys.list(state),
    queryFn: () => unwrap(api.GET('/api/reviews', { params: { query: { state } } })),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/reviews/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useDeclareNoConflict(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/reviews/{id}/declare', { params: { path: { id } }, body: { noConflict: true } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

/** A conflict of interest: the expert recuses with the reason, and the operators are told. */
export function useRecuse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/reviews/{id}/declare', { params: { path: { id } }, body: { noConflict: false, reason } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

export function useSubmitScores(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoresBody) => unwrap(api.POST('/api/reviews/{id}/scores', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}
