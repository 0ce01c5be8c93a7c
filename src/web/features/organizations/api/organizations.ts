// Organizations: mine, one profile, registration, edits, members and invitations.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';

export type OrganizationView = ApiAnswer<'/api/organizations/{id}', 'get'>;
/** The full profile members and the operator see (it carries `version` and `myOrgRole`). */
export type FullOrganization = Extract<OrganizationView, { version: number }>;
export type OrganizationSummary = ApiAnswer<'/api/organizations', 'get'>['items'][number];
export type Invitation = ApiAnswer<'/api/invitations', 'get'>['items'][number];
export type MembersAnswer = ApiAnswer<'/api/organizations/{id}/members', 'get'>;
export type CreateOrganizationBody = ApiBody<'/api/organizations', 'post'>;
export type PatchOrganizationBody = ApiBody<'/api/organizations/{id}', 'patch'>;
export type InviteBody = ApiBody<'/api/organizations/{id}/members', 'post'>;

export function isFullOrganization(organization: OrganizationView): organization is FullOrganization {
  return 'version' in organization;
}

export const organizationKeys = {
  all: ['organizations'] as const,
  mine: ['organizations', 'mine'] as const,
  one: (id: string) => ['organizations', 'one', id] as const,
  members: (id: string) => ['organizations', 'members', id] as const,
  invitations: ['invitations'] as const,
};

export function useMyOrganizations() {
  return useQuery({
    queryKey: organizationKeys.mine,
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { limit: 100 } } })),
  });
}

export function useMyInvitations() {
  return useQuery({
    queryKey: organizationKeys.invitations,
    queryFn: () => unwrap(api.GET('/api/invitations')),
  });
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: organizationKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/organizations/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(api.POST('/api/invitations/{id}/accept', { params: { path: { id: invitationId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      void queryClient.invalidateQueries({ queryKey: organizationKeys.invitations });
      void queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => unwrap(api.POST('/api/organizations', { body })),
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKeys.one(organization.id), organization);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.mine });
      void queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchOrganizationBody) =>
      unwrap(api.PATCH('/api/organizations/{id}', { params: { path: { id } }, body })),
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKeys.one(id), organization);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.mine });
    },
  });
}

export function useRequestAccess() {
  return useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(
        api.POST('/api/organizations/{id}/access-requests', { params: { path: { id: organizationId } }, body: {} }),
      ),
  });
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: organizationKeys.members(id),
    queryFn: () => unwrap(api.GET('/api/organizations/{id}/members', { params: { path: { id } } })),
  });
}

export function useInviteMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) =>
      unwrap(api.POST('/api/organizations/{id}/members', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: organizationKeys.members(id) }),
  });
}
