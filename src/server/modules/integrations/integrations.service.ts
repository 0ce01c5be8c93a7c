// Integrations: API tokens an organization's owner issues to its systems, and webhooks that post the events of
// the organization's records. Policy first (owners only), then a transaction with its audit row.
import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import { isWebhookEventPattern } from '../../../shared/integrations.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, isOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import type { MessageCode } from '../../http/messages.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { sha256 } from '../auth/auth.service.ts';
import { orgRoleOf } from '../organizations/org-role.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import * as repo from './integrations.repository.ts';
import type { CreateTokenBody, CreateWebhookBody } from './integrations.schemas.ts';
import { checkWebhookUrl } from './webhook-url.ts';

export type CreateTokenInput = Static<typeof CreateTokenBody>;
export type CreateWebhookInput = Static<typeof CreateWebhookBody>;

export const TOKEN_PREFIX = 'klt_';
/** `klt_` and 8 characters: enough to tell an organization's tokens apart, far too little to guess one. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
/** An organization has a handful of receivers; the cap keeps one event from fanning out without bound. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 20;
/** last_used_at is written at most this often per token, so a busy integration does not write on every call. */
const TOUCH_INTERVAL_MS = 60_000;

const URL_PROBLEMS: Record<string, MessageCode> = {
  scheme: 'field.webhook_url_scheme',
  credentials: 'field.webhook_url_credentials',
  private: 'field.webhook_url_private',
};

function toToken(row: repo.TokenView) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdBy: { id: row.createdById, fullName: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

function toWebhook(row: repo.WebhookRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    url: row.url,
    events: row.events,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

function toDelivery({ delivery, url }: { delivery: repo.DeliveryRow; url: string }) {
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    url,
    eventId: delivery.eventId,
    event: delivery.event,
    status: delivery.status as 'pending' | 'delivered' | 'failed',
    attempts: delivery.attempts,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    responseStatus: delivery.responseStatus,
    lastError: delivery.lastError,
    attemptLog: delivery.attemptLog,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    payload: delivery.payload,
  };
}

/** What a valid bearer token stands for: its creator, acting only for its organization and within the scopes. */
export interface TokenGrant {
  tokenId: string;
  organizationId: string;
  scopes: string[];
  actor: Actor;
}

export function createIntegrationsService(deps: { db: Db; clock: Clock; allowPrivateWebhooks: boolean }) {
  const { db, clock } = deps;

  /**
   * Only the organization's owners manage its integrations: a token acts with their rights. 404 to those who do not
   * know the organization, 403 to its other members and the operator.
   */
  async function requireOwner(actor: Actor | null, organizationId: string) {
    const user = requireUser(actor);
    const organization = await orgRepo.findOrganization(db, organizationId);
    if (!organization) throw notFound('organization.not_found');
    const orgRole = await orgRoleOf(db, user, organizationId);
    if (orgRole === 'owner') return user;
    if (orgRole || isOperator(user)) throw forbidden();
    throw notFound('organization.not_found');
  }

  async function ownWebhook(actor: Actor | null, organizationId: string, webhookId: string) {
    const user = await requireOwner(actor, organizationId);
    const webhook = await repo.findWebhook(db, organizationId, webhookId);
    if (!webhook) throw notFound('webhook.not_found');
    return { user, webhook };
  }

  return {
    async createToken(actor: Actor | null, input: CreateTokenInput, requestId?: string) {
      const user = await requireOwner(actor, input.organizationId);
      const now = clock.now();
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= now.getTime()) throw invalidFields({ expiresAt: 'field.expires_past' });
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      return db.transaction(async (tx) => {
        const row = await repo.insertToken(tx, {
          organizationId: input.organizationId,
          name: input.name.trim(),
          tokenHash: sha256(token),
          prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
          scopes: [...input.scopes].sort(),
          createdBy: user.userId,
          createdAt: now,
          expiresAt,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'api_token.created',
          entity: 'organization',
          entityId: input.organizationId,
          after: { tokenId: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, expiresAt },
          requestId,
          at: now,
        });
        const view = (await repo.findTokenView(tx, row.id))!;
        return { ...toToken(view), token };
      });
    },

    async listTokens(actor: Actor | null, organizationId: string, page: { limit: number; offset: number }) {
      await requireOwner(actor, organizationId);
      const { items, total } = await repo.listTokens(db, organizationId, page);
      return { items: items.map(toToken), total, ...page };
    },

    /** Revoking twice answers the token as it is. */
    async revokeToken(actor: Actor | null, tokenId: string, requestId?: string) {
      const user = requireUser(actor);
      const existing = await repo.findTokenView(db, tokenId);
      if (!existing) throw notFound('token.not_found');
      try {
        await requireOwner(user, existing.organizationId);
      } catch (error) {
        // a token of an organization the caller is not in does not exist for them
        if (error instanceof AppError && error.kind === 'not_found') throw notFound('token.not_found');
        throw error;
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const revoked = await repo.revokeToken(tx, tokenId, now);
        if (revoked) {
          await recordAudit(tx, {
            actorId: user.userId,
            action: 'api_token.revoked',
            entity: 'organization',
            entityId: existing.organizationId,
            before: { tokenId, name: existing.name, prefix: existing.prefix },
            requestId,
            at: now,
          });
        }
        return toToken((await repo.findTokenView(tx, tokenId))!);
      });
    },

    /**
     * The grant of a bearer token, or undefined when it is unknown, revoked, expired, or its creator is no longer an
     * owner of the organization (checked on every call, so removing an owner stops their tokens at once).
     */
    async authenticateToken(token: string): Promise<TokenGrant | undefined> {
      if (!token.startsWith(TOKEN_PREFIX)) return undefined;
      const row = await repo.findTokenForAuth(db, sha256(token));
      const now = clock.now();
      if (!row || row.revokedAt) return undefined;
      if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return undefined;
      if (row.orgRole !== 'owner') return undefined;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
        await repo.touchToken(db, row.id, now);
      }
      return {
        tokenId: row.id,
        organizationId: row.organizationId,
        scopes: row.scopes,
        // never the creator's platform role: a token speaks for its organization, not as an operator or expert, and
        // for no other organization its creator belongs to
        actor: {
          userId: row.userId,
          email: row.email,
          fullName: row.fullName,
          role: 'user',
          onlyOrganizationId: row.organizationId,
        },
      };
    },

    async createWebhook(actor: Actor | null, organizationId: string, input: CreateWebhookInput, requestId?: string) {
      const user = await requireOwner(actor, organizationId);
      const fields: NonNullable<AppError['fields']> = {};
      const problem = checkWebhookUrl(input.url.trim(), deps.allowPrivateWebhooks);
      if (problem) fields.url = URL_PROBLEMS[problem];
      input.events.forEach((pattern, i) => {
        if (!isWebhookEventPattern(pattern)) fields[`events.${i}`] = 'field.webhook_event_unknown';
      });
      if (Object.keys(fields).length) throw invalidFields(fields);
      const now = clock.now();
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      return db.transaction(async (tx) => {
        if ((await repo.countWebhooks(tx, organizationId)) >= MAX_WEBHOOKS_PER_ORGANIZATION) {
          throw conflict('webhook.too_many', { max: MAX_WEBHOOKS_PER_ORGANIZATION });
        }
        const row = await repo.insertWebhook(tx, {
          organizationId,
          url: new URL(input.url.trim()).toString(),
          secret,
          events: input.events,
          createdBy: user.userId,
          createdAt: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'webhook.created',
          entity: 'organization',
          entityId: organizationId,
          after: { webhookId: row.id, url: row.url, events: row.events },
          requestId,
          at: now,
        });
        return { ...toWebhook(row), secret };
      });
    },

    async listWebhooks(actor: Actor | null, organizationId: string) {
      await requireOwner(actor, organizationId);
      return { items: (await repo.listWebhooks(db, organizationId)).map(toWebhook) };
    },

    /** Disabled webhooks get no new events; their pending deliveries wait and resume when enabled again. */
    async setWebhookEnabled(
      actor: Actor | null,
      organizationId: string,
      webhookId: string,
      enabled: boolean,
      requestId?: string,
    ) {
      const { user, webhook } = await ownWebhook(actor, organizationId, webhookId);
      if ((webhook.disabledAt === null) === enabled) return toWebhook(webhook);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.setWebhookDisabled(tx, webhookId, enabled ? null : now);
        await recordAudit(tx, {
          actorId: user.userId,
          action: enabled ? 'webhook.enabled' : 'webhook.disabled',
          entity: 'organization',
          entityId: organizationId,
          after: { webhookId, url: webhook.url },
          requestId,
          at: now,
        });
        return toWebhook(row);
      });
    },

    /** Deletes the webhook with its delivery log. */
    async deleteWebhook(actor: Actor | null, organizationId: string, webhookId: string, requestId?: string) {
      const { user, webhook } = await ownWebhook(actor, organizationId, webhookId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.deleteWebhook(tx, webhookId);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'webhook.deleted',
          entity: 'organization',
          entityId: organizationId,
          before: { webhookId, url: webhook.url, events: webhook.events },
          requestId,
          at: now,
        });
      });
      return { ok: true };
    },

    /**
     * Sends a finished delivery again at the next round (the receiver was fixed, or lost what it got): the same event
     * id, so a receiver that keeps the ids it has seen still drops a repeat. One still pending is a 409.
     */
    async redeliver(actor: Actor | null, organizationId: string, deliveryId: number, requestId?: string) {
      const user = await requireOwner(actor, organizationId);
      const found = await repo.findDelivery(db, organizationId, deliveryId);
      if (!found) throw notFound('webhook.delivery_not_found');
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.requeueDelivery(tx, deliveryId, now);
        if (!row) throw conflict('webhook.delivery_pending');
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'webhook.redelivered',
          entity: 'organization',
          entityId: organizationId,
          before: { status: found.delivery.status },
          after: { webhookId: row.webhookId, deliveryId, eventId: row.eventId, status: 'pending' },
          requestId,
          at: now,
        });
        return toDelivery({ delivery: row, url: found.url });
      });
    },

    async listDeliveries(
      actor: Actor | null,
      organizationId: string,
      filter: { webhookId?: string; limit: number; offset: number },
    ) {
      await requireOwner(actor, organizationId);
      const { items, total } = await repo.listDeliveries(db, organizationId, filter);
      return { items: items.map(toDelivery), total, limit: filter.limit, offset: filter.offset };
    },
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
