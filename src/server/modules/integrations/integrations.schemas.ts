// The integrations API contract: API tokens of an organization, its webhooks and their delivery log.
import { Type } from 'typebox';
import { TOKEN_SCOPES } from '../../../shared/integrations.ts';
import { DateTime, PageQuery, SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';

const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const TokenScopeSchema = Type.Enum(TOKEN_SCOPES, {
  description: '`<module>:read` (GET, HEAD) or `<module>:write` (every other method); write does not include read',
});

export const CreateTokenBody = Type.Object(
  {
    organizationId: Uuid,
    name: SingleLine(100, 1),
    scopes: Type.Array(TokenScopeSchema, { minItems: 1, maxItems: TOKEN_SCOPES.length, uniqueItems: true }),
    expiresAt: Type.Optional(Type.Union([DateTime, Type.Null()], { description: 'never expires when absent' })),
  },
  Strict,
);

export const TokenListQuery = Type.Object({ organizationId: Uuid, ...PageQuery }, Strict);

export const ApiToken = Type.Object({
  id: Uuid,
  organizationId: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'the first characters of the token, to tell tokens apart' }),
  scopes: Type.Array(Type.String()),
  createdBy: Type.Object({ id: Uuid, fullName: Type.String() }),
  createdAt: DateTime,
  expiresAt: NullableDateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()], { description: 'recorded at most once a minute' }),
  revokedAt: NullableDateTime,
});

export const CreatedToken = Type.Object({
  ...ApiToken.properties,
  token: Type.String({ description: 'shown only in this answer; the server keeps its SHA-256 alone' }),
});

export const TokenList = Type.Object({
  items: Type.Array(ApiToken),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const WebhookEventPattern = Type.String({
  pattern: '^[a-z_]+\\.(\\*|[a-z_]+)$',
  maxLength: 60,
  description: 'a family (`application.*`) or an exact kind (`application.status`)',
});

export const CreateWebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s); private addresses are refused' }),
    events: Type.Array(WebhookEventPattern, {
      maxItems: 50,
      uniqueItems: true,
      description: 'what to post; empty means every event of the organization',
    }),
  },
  Strict,
);

export const WebhookParams = Type.Object({ id: Uuid, webhookId: Uuid }, Strict);
export const DeliveryParams = Type.Object(
  { id: Uuid, deliveryId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  Strict,
);

export const Webhook = Type.Object({
  id: Uuid,
  organizationId: Uuid,
  url: Type.String(),
  events: Type.Array(Type.String()),
  createdAt: DateTime,
  disabledAt: NullableDateTime,
});

export const CreatedWebhook = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: 'signs every delivery (X-Klaster-Signature); shown only in this answer' }),
});

export const WebhookList = Type.Object({ items: Type.Array(Webhook) });

export const DeliveryListQuery = Type.Object({ webhookId: Type.Optional(Uuid), ...PageQuery }, Strict);

export const WebhookDelivery = Type.Object({
  id: Type.Integer(),
  webhookId: Uuid,
  url: Type.String(),
  eventId: Uuid,
  event: Type.String(),
  status: Type.Enum(['pending', 'delivered', 'failed'] as const),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([DateTime, Type.Null()], { description: 'null once delivered or failed' }),
  lastAttemptAt: NullableDateTime,
  responseStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  attemptLog: Type.Array(
    Type.Object({
      at: DateTime,
      status: Type.Union([Type.Integer(), Type.Null()], { description: "the receiver's HTTP status" }),
      error: Type.Union([Type.String(), Type.Null()], { description: 'why it failed, truncated' }),
    }),
    { description: 'every attempt, oldest first' },
  ),
  createdAt: DateTime,
  deliveredAt: NullableDateTime,
  payload: Type.Unknown({ description: 'the JSON body posted' }),
});

export const DeliveryList = Type.Object({
  items: Type.Array(WebhookDelivery),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
