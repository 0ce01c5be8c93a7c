// Applications for support measures: the company's draft and file, the operator's queue and steps,
// the experts' reviews of one application and file uploads for the form.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationStatus } from '../../../../shared/measures.ts';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';

export type SupportApplication = ApiAnswer<'/api/applications/{id}', 'get'>;
export type ApplicationListAnswer = ApiAnswer<'/api/applications', 'get'>;
export type ApplicationListItem = ApplicationListAnswer['items'][number];
export type CreateApplicationBody = ApiBody<'/api/applications', 'post'>;
export type PatchApplicationBody = ApiBody<'/api/applications/{id}', 'patch'>;
export type DecisionBody = ApiBody<'/api/applications/{id}/decision', 'post'>;
export type TrancheBody = ApiBody<'/api/applications/{id}/tranches', 'post'>;
export type FileReportBody = ApiBody<'/api/applications/{id}/reports', 'post'>;
export type ApplicationReviews = ApiAnswer<'/api/applications/{id}/reviews', 'get'>;
export type PoolExpert = ApiAnswer<'/api/experts', 'get'>['items'][number];
export type AssignExpertsBody = ApiBody<'/api/applications/{id}/assign-experts', 'post'>;
export type StoredFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

export const APPLICATIONS_PAGE_SIZE = 20;

export interface ApplicationsFilter {
  organizationId?: string;
  status?: ApplicationStatus;
  q?: string;
  page: number;
}

export const applicationKeys = {
  all: ['applications'] as const,
  list: (filter: ApplicationsFilter) => ['applications', 'list', filter] as const,
  one: (id: string) => ['applications', 'one', id] as const,
  reviews: (id: string) => ['applications', 'reviews', id] as const,
  experts: ['experts'] as const,
};

export function useApplications(filter: ApplicationsFilter, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.list(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/applications', {
          params: {
            query: {
              organizationId: filter.organizationId,
              status: filter.status ? [filter.status] : undefined,
              q: filter.q || undefined,
              limit: APPLICATIONS_PAGE_SIZE,
              offset: (filter.page - 1) * APPLICATIONS_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApplicationBody) => unwrap(api.POST('/api/applications', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: applicationKeys.all }),
  });
}

/** Saves a draft; the answer carries the new `version` the next save must send. */
export function useSaveDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchApplicationBody) =>
      unwrap(api.PATCH('/api/applications/{id}', { params: { path: { id } }, body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(applicationKeys.one(id), (previous: SupportApplication | undefined) =>
        previous ? { ...previous, ...answer } : previous,
      );
    },
  });
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    void queryClient.invalidateQueries({ queryKey: applicationKeys.one(id) });
  };
}

type Step = 'submit' | 'register' | 'agreement';

export function useApplicationStep(id: string, step: Step) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: () => {
      const params = { params: { path: { id } } };
      if (step === 'submit') return unwrap(api.POST('/api/applications/{id}/submit', params));
      if (step === 'register') return unwrap(api.POST('/api/applications/{id}/register', params));
      return unwrap(api.POST('/api/applications/{id}/agreement', params));
    },
    onSuccess: refresh,
  });
}

export function useReturnApplication(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (comment: string) =>
      unwrap(api.POST('/api/applications/{id}/return', { params: { path: { id } }, body: { comment } })),
    onSuccess: refresh,
  });
}

export function useDecideApplication(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: DecisionBody) =>
      unwrap(api.POST('/api/applications/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useRecordTranche(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: TrancheBody) =>
      unwrap(api.POST('/api/applications/{id}/tranches', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useFileReport(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: FileReportBody) =>
      unwrap(api.POST('/api/applications/{id}/reports', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useApplicationReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: applicationKeys.reviews(id),
    queryFn: () => unwrap(api.GET('/api/applications/{id}/reviews', { params: { path: { id } } })),
    enabled,
  });
}

/** Withdraws the application before a decision; the reason is optional. */
export function useWithdrawApplication(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      unwrap(api.POST('/api/applications/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
    onSuccess: refresh,
  });
}

/** The operator accepts a filed report, or returns it to the company with a comment. */
export function useReviewReport(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: { reportId: string } & ({ accept: true } | { accept: false; comment: string })) => {
      const path = { id, reportId: input.reportId };
      return input.accept
        ? unwrap(api.POST('/api/applications/{id}/reports/{reportId}/accept', { params: { path } }))
        : unwrap(
            api.POST('/api/applications/{id}/reports/{reportId}/return', {
              params: { path },
              body: { comment: input.comment },
            }),
          );
    },
    onSuccess: refresh,
  });
}

/** The expert pool with expertise and current load (operator only). */
export function useExpertPool(enabled: boolean) {
  return useQuery({
    queryKey: applicationKeys.experts,
    queryFn: () => unwrap(api.GET('/api/experts')),
    enabled,
  });
}

/** Assigns the chosen experts (`{ expertIds }`) or lets the server pick them (`{ auto: true }`). */
export function useAssignExperts(id: string) {
  const refresh = useRefresh(id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignExpertsBody) =>
      unwrap(api.POST('/api/applications/{id}/assign-experts', { params: { path: { id } }, body })),
    onSuccess: () => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: applicationKeys.reviews(id) });
      // the experts' load changed
      void queryClient.invalidateQueries({ queryKey: applicationKeys.experts });
    },
  });
}

/** Uploads one file for an organization (multipart), answering with its id for the form's answer. */
export function useUploadFile() {
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
