// An organization's integrations: its API tokens, its webhooks and their delivery log (owners only).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, type ApiBody, api, unwrap } from '../../../lib/api-client.ts';

export type ApiToken = ApiAnswer<'/api/auth/tokens', 'get'>['items'][number];
export type CreatedToken = ApiAnswer<'/api/auth/tokens', 'post', 201>;
export type CreateTokenBody = ApiBody<'/api/auth/tokens', 'post'>;
export type Webhook = ApiAnswer<'/api/organizations/{id}/webhooks', 'get'>['items'][number];
export type CreatedWebhook = ApiAnswer<'/api/organizations/{id}/webhooks', 'post', 201>;
export type CreateWebhookBody = ApiBody<'/api/organizations/{id}/webhooks', 'post'>;
export type WebhookDelivery = ApiAnswer<'/api/organizations/{id}/webhooks/deliveries', 'get'>['items'][number];

export const DELIVERIES_PAGE_SIZE = 10;

export const integrationKeys = {
  tokens: (organizationId: string) => ['integrations', 'tokens', organizationId] as const,
  webhooks: (organizationId: string) => ['integrations', 'webhooks', organizationId] as const,
  deliveries: (organizationId: string, page: number) => ['integrations', 'deliveries', organizationId, page] as const,
};

export function useTokens(organizationId: string) {
  return useQuery({
    queryKey: integrationKeys.tokens(organizationId),
    queryFn: () => unwrap(api.GET('/api/auth/tokens', { params: { query: { organizationId, limit: 100 } } })),
  });
}

export function useCreateToken(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => unwrap(api.POST('/api/auth/tokens', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.tokens(organizationId) }),
  });
}

export function useRevokeToken(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.tokens(organizationId) }),
  });
}

export function useWebhooks(organizationId: string) {
  return useQuery({
    queryKey: integrationKeys.webhooks(organizationId),
    queryFn: () => unwrap(api.GET('/api/organizations/{id}/webhooks', { params: { path: { id: organizationId } } })),
  });
}

export function useCreateWebhook(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) =>
      unwrap(api.POST('/api/organizations/{id}/webhooks', { params: { path: { id: organizationId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.webhooks(organizationId) }),
  });
}

export function useDeleteWebhook(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) =>
      unwrap(
        api.DELETE('/api/organizations/{id}/webhooks/{webhookId}', {
          params: { path: { id: organizationId, webhookId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['integrations'] }),
  });
}

export function useToggleWebhook(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ webhookId, enable }: { webhookId: string; enable: boolean }) => {
      const params = { params: { path: { id: organizationId, webhookId } } };
      return unwrap(
        enable
          ? api.POST('/api/organizations/{id}/webhooks/{webhookId}/enable', params)
          : api.POST('/api/organizations/{id}/webhooks/{webhookId}/disable', params),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: integrationKeys.webhooks(organizationId) }),
  });
}

export function useDeliveries(organizationId: string, page: number) {
  return useQuery({
    queryKey: integrationKeys.deliveries(organizationId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/organizations/{id}/webhooks/deliveries', {
          params: {
            path: { id: organizationId },
            query: { limit: DELIVERIES_PAGE_SIZE, offset: (page - 1) * DELIVERIES_PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sends a delivered or failed delivery again at the next round (owners); the log shows it pending. */
export function useRedeliver(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: number) =>
      unwrap(
        api.POST('/api/organizations/{id}/webhooks/deliveries/{deliveryId}/redeliver', {
          params: { path: { id: organizationId, deliveryId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['integrations', 'deliveries', organizationId] }),
  });
}
