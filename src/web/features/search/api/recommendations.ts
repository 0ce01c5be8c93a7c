// Suggestions with their reasons, and hiding one for good (for the person who hid it).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, api, unwrap } from '../../../lib/api-client.ts';

export type RecommendationsAnswer = ApiAnswer<'/api/recommendations/{kind}', 'get'>;
export type RecommendationKind = RecommendationsAnswer['kind'];
export type Recommendation = RecommendationsAnswer['items'][number];
export type RecommendationReason = Recommendation['reasons'][number];

/** What the suggestions are for: an organization, or (for companies) a request. */
export type RecommendationSubject = { organizationId: string } | { requestId: string };

const key = (kind: RecommendationKind, subject: RecommendationSubject) => ['recommendations', kind, subject] as const;

export function useRecommendations(kind: RecommendationKind, subject: RecommendationSubject, limit = 5) {
  return useQuery({
    queryKey: [...key(kind, subject), limit],
    queryFn: () =>
      unwrap(api.GET('/api/recommendations/{kind}', { params: { path: { kind }, query: { ...subject, limit } } })),
  });
}

export function useHideRecommendation(kind: RecommendationKind, subject: RecommendationSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) =>
      unwrap(
        api.POST('/api/recommendations/{kind}/hide', { params: { path: { kind } }, body: { ...subject, targetId } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(kind, subject) }),
  });
}

export function useUnhideRecommendations(kind: RecommendationKind, subject: RecommendationSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/recommendations/{kind}/unhide', { params: { path: { kind } }, body: subject })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(kind, subject) }),
  });
}
