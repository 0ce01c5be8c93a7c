import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams, Ok } from '../../http/schema-helpers.ts';
import {
  ApiToken,
  CreatedToken,
  CreatedWebhook,
  CreateTokenBody,
  CreateWebhookBody,
  DeliveryList,
  DeliveryListQuery,
  DeliveryParams,
  TokenList,
  TokenListQuery,
  Webhook,
  WebhookDelivery,
  WebhookList,
  WebhookParams,
} from './integrations.schemas.ts';
import type { IntegrationsService } from './integrations.service.ts';

// Every route here is for a signed-in owner only: an API token can neither manage tokens nor webhooks (the
// `integrations` tag belongs to no token scope).
export function integrationsRoutes(app: AppInstance, integrations: IntegrationsService) {
  const tags = ['integrations'];
  const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 20, offset: q.offset ?? 0 });

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Issue an API token for an organization (its owner); the token is in this answer only',
        description:
          'Send it as `Authorization: Bearer <token>` (no CSRF header). It acts as its creator for this organization ' +
          'only, within its scopes, while the creator owns the organization and it is neither revoked nor expired. ' +
          'Session only.',
        body: CreateTokenBody,
        response: { 201: CreatedToken },
      },
    },
    async (req, reply) => reply.status(201).send(await integrations.createToken(req.actor, req.body, req.id)),
  );

  app.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: "An organization's API tokens, newest first, revoked ones included (its owners; never the token)",
        querystring: TokenListQuery,
        response: { 200: TokenList },
      },
    },
    (req) => integrations.listTokens(req.actor, req.query.organizationId, page(req.query)),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (an owner of its organization); it stops working at once',
        params: IdParams,
        response: { 200: ApiToken },
      },
    },
    (req) => integrations.revokeToken(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/organizations/:id/webhooks',
    {
      schema: {
        tags,
        summary: 'Add a webhook (owner): the events of the organization’s records are posted to it, signed',
        description:
          'Every delivery is a POST of JSON `{ id, event, occurredAt, organizationId, data: { title, body, link } }` ' +
          'with headers X-Klaster-Event, X-Klaster-Delivery (the event id), X-Klaster-Timestamp and ' +
          'X-Klaster-Signature: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>`. A 2xx answer ' +
          'within 10 s delivers it; otherwise it is retried after 1 min, 5 min, 30 min, 2 h and 12 h, then marked ' +
          'failed. The secret is in this answer only.',
        params: IdParams,
        body: CreateWebhookBody,
        response: { 201: CreatedWebhook },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await integrations.createWebhook(req.actor, req.params.id, req.body, req.id)),
  );

  app.get(
    '/api/organizations/:id/webhooks',
    {
      schema: {
        tags,
        summary: "The organization's webhooks (owner; never the secret)",
        params: IdParams,
        response: { 200: WebhookList },
      },
    },
    (req) => integrations.listWebhooks(req.actor, req.params.id),
  );

  app.get(
    '/api/organizations/:id/webhooks/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of the organization’s webhooks, newest first (owner)',
        params: IdParams,
        querystring: DeliveryListQuery,
        response: { 200: DeliveryList },
      },
    },
    (req) =>
      integrations.listDeliveries(req.actor, req.params.id, { webhookId: req.query.webhookId, ...page(req.query) }),
  );

  app.post(
    '/api/organizations/:id/webhooks/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Send a delivered or failed delivery again, with the same event id (owner)',
        params: DeliveryParams,
        response: { 200: WebhookDelivery },
      },
    },
    (req) => integrations.redeliver(req.actor, req.params.id, req.params.deliveryId, req.id),
  );

  app.post(
    '/api/organizations/:id/webhooks/:webhookId/disable',
    {
      schema: {
        tags,
        summary: 'Pause a webhook (owner): no new events; pending deliveries wait',
        params: WebhookParams,
        response: { 200: Webhook },
      },
    },
    (req) => integrations.setWebhookEnabled(req.actor, req.params.id, req.params.webhookId, false, req.id),
  );

  app.post(
    '/api/organizations/:id/webhooks/:webhookId/enable',
    {
      schema: {
        tags,
        summary: 'Resume a paused webhook (owner)',
        params: WebhookParams,
        response: { 200: Webhook },
      },
    },
    (req) => integrations.setWebhookEnabled(req.actor, req.params.id, req.params.webhookId, true, req.id),
  );

  app.delete(
    '/api/organizations/:id/webhooks/:webhookId',
    {
      schema: {
        tags,
        summary: 'Delete a webhook with its delivery log (owner)',
        params: WebhookParams,
        response: { 200: Ok },
      },
    },
    (req) => integrations.deleteWebhook(req.actor, req.params.id, req.params.webhookId, req.id),
  );
}
