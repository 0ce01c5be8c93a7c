// Innovative projects: the public showcase (implemented projects) with search, filters and facet counts; one
// project with its partners, origins and timeline; an organization's own projects and partner invitations; the
// lead's steps (edit, invite, start, implemented, cancel) and a partner's answer (confirm, decline).
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';
import type { paths } from '../../../lib/api-schema.d.ts';

export type ProjectsQuery = NonNullable<paths['/api/projects']['get']['parameters']['query']>;
export type ProjectsAnswer = ApiAnswer<'/api/projects', 'get'>;
export type ProjectListItem = ProjectsAnswer['items'][number];
export type ProjectFacetName = keyof ProjectsAnswer['facets'];
export type ProjectSort = NonNullable<ProjectsQuery['sort']>;
export type ProjectDetail = ApiAnswer<'/api/projects/{id}', 'get'>;
export type ProjectPartner = ProjectDetail['partners'][number];
export type ProjectEvent = ProjectDetail['viewer']['allowedEvents'][number];
export type CreateProjectBody = ApiBody<'/api/projects', 'post'>;
export type PatchProjectBody = ApiBody<'/api/projects/{id}', 'patch'>;
export type Technology = CreateProjectBody['technologies'][number];
export type District = NonNullable<ProjectsQuery['district']>;

export const PROJECTS_PAGE_SIZE = 20;
export const PROJECT_FACETS: readonly ProjectFacetName[] = ['technology', 'joint', 'year', 'district'];
export const PROJECT_SORTS: readonly ProjectSort[] = ['relevance', 'newest'];

export type ProjectsFilter = Pick<ProjectsQuery, 'q' | 'technology' | 'joint' | 'year' | 'district' | 'sort'> & {
  page: number;
};

export const projectKeys = {
  all: ['projects'] as const,
  list: (filter: ProjectsFilter) => ['projects', 'list', filter] as const,
  own: (organizationId: string) => ['projects', 'own', organizationId] as const,
  one: (id: string) => ['projects', 'one', id] as const,
  organizations: (q: string) => ['projects', 'organization-search', q] as const,
  origins: (organizationId: string) => ['projects', 'origins', organizationId] as const,
};

export function useProjects(filter: ProjectsFilter) {
  const { page, ...query } = filter;
  return useQuery({
    queryKey: projectKeys.list(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/projects', {
          params: {
            query: {
              ...query,
              q: query.q || undefined,
              limit: PROJECTS_PAGE_SIZE,
              offset: (page - 1) * PROJECTS_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Every project an organization leads or is invited to (its members see every status), newest first. */
export function useOrganizationProjects(organizationId: string | undefined) {
  return useQuery({
    queryKey: projectKeys.own(organizationId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/projects', {
          params: { query: { organizationId, sort: 'newest', limit: 100, offset: 0 } },
        }),
      ),
    enabled: Boolean(organizationId),
  });
}

/** The invitations waiting for an answer, across the organizations the person may answer for. */
export function usePendingInvitations(organizationIds: readonly string[]) {
  const results = useQueries({
    queries: organizationIds.map((organizationId) => ({
      queryKey: projectKeys.own(organizationId),
      queryFn: () =>
        unwrap(
          api.GET('/api/projects', {
            params: { query: { organizationId, sort: 'newest' as const, limit: 100, offset: 0 } },
          }),
        ),
    })),
  });
  const items = results.flatMap(
    (result) =>
      result.data?.items.filter((item) => item.own?.role === 'partner' && item.own.partnerStatus === 'invited') ?? [],
  );
  return {
    items,
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/projects/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (answer?: ProjectDetail) => {
    if (answer) queryClient.setQueryData(projectKeys.one(id), answer);
    else void queryClient.invalidateQueries({ queryKey: projectKeys.one(id) });
    void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['projects', 'own'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectBody) => unwrap(api.POST('/api/projects', { body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(projectKeys.one(answer.id), answer);
      void queryClient.invalidateQueries({ queryKey: ['projects', 'own'] });
    },
  });
}

export function useUpdateProject(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: PatchProjectBody) => unwrap(api.PATCH('/api/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useInvitePartner(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: { organizationId: string; role?: string }) =>
      unwrap(api.POST('/api/projects/{id}/partners', { params: { path: { id } }, body })),
    onSuccess: () => refresh(),
  });
}

/** A partner's owner or manager answers the invitation for that organization. */
export function usePartnerDecision(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: { organizationId: string; confirm: boolean; reason?: string }) =>
      input.confirm
        ? unwrap(
            api.POST('/api/projects/{id}/confirm', {
              params: { path: { id } },
              body: { organizationId: input.organizationId },
            }),
          )
        : unwrap(
            api.POST('/api/projects/{id}/decline', {
              params: { path: { id } },
              body: { organizationId: input.organizationId, reason: input.reason || undefined },
            }),
          ),
    onSuccess: () => refresh(),
  });
}

export function useStartProject(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/projects/{id}/start', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useImplementProject(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (implementedOn: string | undefined) =>
      unwrap(
        api.POST('/api/projects/{id}/implemented', {
          params: { path: { id } },
          body: implementedOn ? { implementedOn } : {},
        }),
      ),
    onSuccess: refresh,
  });
}

export function useCancelProject(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/projects/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: refresh,
  });
}

export interface OrganizationOption {
  id: string;
  shortName: string;
  inn: string;
  district: string | null;
  /** «Участник кластера» or a partner of the cluster */
  membershipKind: 'participant' | 'partner' | null;
}

/** Organizations of the public registry by name, description, INN or OGRN: the partners a lead may invite. */
export function useRegistryOrganizations(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: projectKeys.organizations(query),
    queryFn: async (): Promise<OrganizationOption[]> => {
      const answer = await unwrap(api.GET('/api/registry', { params: { query: { q: query, limit: 20, offset: 0 } } }));
      return answer.items.map((item) => ({
        id: item.id,
        shortName: item.shortName,
        inn: item.inn,
        district: item.district,
        membershipKind: item.membershipKind,
      }));
    },
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export interface OriginOption {
  id: string;
  label: string;
}

/** The lead organization's own records a project may come from: its solutions, applications and deals. */
export function useOriginOptions(organizationId: string | undefined) {
  return useQuery({
    queryKey: projectKeys.origins(organizationId ?? ''),
    queryFn: async () => {
      const query = { organizationId, limit: 100, offset: 0 };
      const [solutions, applications, deals] = await Promise.all([
        unwrap(api.GET('/api/solutions', { params: { query } })).catch(() => null),
        unwrap(api.GET('/api/applications', { params: { query } })).catch(() => null),
        unwrap(api.GET('/api/deals', { params: { query } })).catch(() => null),
      ]);
      return {
        solutions: (solutions?.items ?? []).map(
          (item): OriginOption => ({ id: item.id, label: `${item.number} · ${item.requestTitle}` }),
        ),
        applications: (applications?.items ?? []).map(
          (item): OriginOption => ({ id: item.id, label: `${item.number} · ${item.measureTitle}` }),
        ),
        deals: (deals?.items ?? []).map(
          (item): OriginOption => ({
            id: item.id,
            label: `${item.number} · ${item.investorName} → ${item.companyName}`,
          }),
        ),
      };
    },
    enabled: Boolean(organizationId),
    staleTime: 60_000,
  });
}

/** The person's organizations with their role, name, capabilities and cluster standing. */
export interface MyOrganizationProfile {
  id: string;
  shortName: string;
  orgRole: 'owner' | 'manager' | 'member';
  isParticipant: boolean;
}

export function useMyOrganizationNames(
  memberships: ReadonlyArray<{ id: string; orgRole: MyOrganizationProfile['orgRole'] }>,
) {
  const ids = memberships.map((m) => `${m.id}:${m.orgRole}`).sort();
  return useQuery({
    queryKey: ['projects', 'my-organizations', ...ids] as const,
    queryFn: async (): Promise<MyOrganizationProfile[]> => {
      const profiles = await Promise.all(
        memberships.map((membership) =>
          unwrap(api.GET('/api/organizations/{id}', { params: { path: { id: membership.id } } })).then((profile) => ({
            id: membership.id,
            shortName: profile.shortName,
            orgRole: membership.orgRole,
            isParticipant: profile.membershipStatus === 'participant',
          })),
        ),
      );
      return profiles.sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'));
    },
    enabled: memberships.length > 0,
    staleTime: 60_000,
  });
}

export const canActFor = (organization: { orgRole: string }) =>
  organization.orgRole === 'owner' || organization.orgRole === 'manager';
