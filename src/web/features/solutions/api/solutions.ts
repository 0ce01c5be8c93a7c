// Solutions (отклики) to open-innovation requests: the company's draft and its steps, the customer side's list,
// scores and decisions, the request they answer and the files attached.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SolutionStatus } from '../../../../shared/innovation.ts';
import { type ApiAnswer, type ApiBody, ApiError, api, unwrap } from '../../../lib/api-client.ts';

export type SolutionDetail = ApiAnswer<'/api/solutions/{id}', 'get'>;
export type SolutionScore = NonNullable<SolutionDetail['scores']>[number];
export type SolutionCriterion = SolutionDetail['criteria'][number];
export type CreateSolutionBody = ApiBody<'/api/requests/{id}/solutions', 'post'>;
export type PatchSolutionBody = ApiBody<'/api/solutions/{id}', 'patch'>;
export type ScoresBody = ApiBody<'/api/solutions/{id}/scores', 'post'>;
export type RequestSolutionsAnswer = ApiAnswer<'/api/requests/{id}/solutions', 'get'>;
export type RequestSolutionItem = RequestSolutionsAnswer['items'][number];
export type CompanySolutionItem = ApiAnswer<'/api/solutions', 'get'>['items'][number];
export type AnsweredRequest = ApiAnswer<'/api/requests/{id}', 'get'>;
export type ActingOrganization = ApiAnswer<'/api/organizations', 'get'>['items'][number];
export type StoredFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

export const REQUEST_SOLUTIONS_PAGE_SIZE = 20;
export const REQUEST_SOLUTION_SORTS = ['submittedAt', 'score'] as const;
export type RequestSolutionSort = (typeof REQUEST_SOLUTION_SORTS)[number];

export interface RequestSolutionsFilter {
  status?: SolutionStatus;
  sort?: RequestSolutionSort;
  page: number;
}

export const solutionKeys = {
  all: ['solutions'] as const,
  one: (id: string) => ['solutions', 'one', id] as const,
  forRequest: (requestId: string, filter: RequestSolutionsFilter) =>
    ['solutions', 'request', requestId, filter] as const,
  mine: (organizationId: string | undefined) => ['solutions', 'mine', organizationId ?? 'all'] as const,
  request: (requestId: string) => ['solutions', 'answered-request', requestId] as const,
  organizations: ['solutions', 'organizations'] as const,
};

export function useSolution(id: string) {
  return useQuery({
    queryKey: solutionKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/solutions/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

/** The request a solution answers: its title, NDA standing, criteria and whether it still takes solutions. */
export function useAnsweredRequest(requestId: string) {
  return useQuery({
    queryKey: solutionKeys.request(requestId),
    queryFn: () => unwrap(api.GET('/api/requests/{id}', { params: { path: { id: requestId } } })),
    retry: false,
  });
}

/** The organizations the signed-in person belongs to (for the operator the API answers every one). */
export function useActingOrganizations() {
  return useQuery({
    queryKey: solutionKeys.organizations,
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { limit: 100 } } })),
  });
}

/** The company's own solutions, every status, newest first (one organization, or all of the person's). */
export function useMySolutions(organizationId: string | undefined, limit = 20) {
  return useQuery({
    queryKey: [...solutionKeys.mine(organizationId), limit],
    queryFn: () => unwrap(api.GET('/api/solutions', { params: { query: { organizationId, limit } } })),
  });
}

export function useRequestSolutions(requestId: string, filter: RequestSolutionsFilter) {
  return useQuery({
    queryKey: solutionKeys.forRequest(requestId, filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/requests/{id}/solutions', {
          params: {
            path: { id: requestId },
            query: {
              status: filter.status ? [filter.status] : undefined,
              sort: filter.sort,
              limit: REQUEST_SOLUTIONS_PAGE_SIZE,
              offset: (filter.page - 1) * REQUEST_SOLUTIONS_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

function useRefresh(id: string | undefined) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: solutionKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    if (id) void queryClient.invalidateQueries({ queryKey: solutionKeys.one(id) });
  };
}

/** Creates the draft (the first save); a second click or a colleague gets 409 `solution.duplicate`. */
export function useCreateSolution(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateSolutionBody; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/requests/{id}/solutions', {
          params: { path: { id: requestId } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['solutions', 'mine'] }),
  });
}

/** Saves a draft; the answer carries the new `version` the next save must send. */
export function useSaveSolution() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PatchSolutionBody }) =>
      unwrap(api.PATCH('/api/solutions/{id}', { params: { path: { id } }, body })),
  });
}

export function useSubmitSolution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/solutions/{id}/submit', { params: { path: { id } } })),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: solutionKeys.all });
      void queryClient.invalidateQueries({ queryKey: solutionKeys.one(answer.id) });
    },
  });
}

export function useWithdrawSolution(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      unwrap(api.POST('/api/solutions/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
    onSuccess: refresh,
  });
}

export function useShortlistSolution(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/solutions/{id}/shortlist', { params: { path: { id } }, body: { version } })),
    onSuccess: refresh,
  });
}

export function useDeclineSolution(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) =>
      unwrap(api.POST('/api/solutions/{id}/decline', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useScoreSolution(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: ScoresBody) =>
      unwrap(api.POST('/api/solutions/{id}/scores', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/** Uploads one file for the answering organization (multipart), answering with its id for `fileIds`. */
export function useUploadSolutionFile() {
  return useMutation({
    mutationFn: async ({ organizationId, file }: { organizationId: string; file: File }): Promise<StoredFile> => {
      const form = new FormData();
      form.append('organizationId', organizationId);
      form.append('file', file);
      return unwrap(
        api.POST('/api/files', {
          // the typed client would serialise the body as JSON; FormData goes as it is
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }) as Promise<{ data?: StoredFile; error?: unknown; response: Response }>,
      );
    },
  });
}

/** The solution the organization already has for this request, named in a 409 `solution.duplicate`. */
export function duplicateSolutionId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'solution.duplicate') return null;
  const id = error.details.solutionId;
  return typeof id === 'string' ? id : null;
}

export function isNdaRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'solution.nda_required';
}

/** Where a solution's file is read: through the solution once it is attached, so the customer side may read it. */
export function documentHref(solutionId: string, fileId: string): string {
  return `/api/solutions/${solutionId}/documents/${fileId}`;
}
