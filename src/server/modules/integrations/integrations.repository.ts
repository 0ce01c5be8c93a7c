// The only code that queries the integrations tables: API tokens, webhooks and their delivery outbox.
import { and, asc, count, desc, eq, isNull, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { apiTokens, webhookDeliveries, webhooks } from '../../db/schema/integrations.ts';
import { organizationMembers } from '../../db/schema/organizations.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

const tokenColumns = {
  id: apiTokens.id,
  organizationId: apiTokens.organizationId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdById: users.id,
  createdByName: users.fullName,
};
export type TokenView = {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdById: string;
  createdByName: string;
};

export async function insertToken(db: DbOrTx, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row;
}

export async function findTokenView(db: DbOrTx, id: string): Promise<TokenView | undefined> {
  const [row] = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.id, id));
  return row;
}

export async function listTokens(db: DbOrTx, organizationId: string, page: { limit: number; offset: number }) {
  const [items, [{ total }]] = await Promise.all([
    db
      .select(tokenColumns)
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.createdBy))
      .where(eq(apiTokens.organizationId, organizationId))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(apiTokens).where(eq(apiTokens.organizationId, organizationId)),
  ]);
  return { items: items as TokenView[], total };
}

/** Revokes once: answers the row only when this call revoked it. */
export async function revokeToken(db: DbOrTx, id: string, at: Date): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** A token by its hash, with its creator and whether the creator still owns the token's organization. */
export async function findTokenForAuth(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      organizationId: apiTokens.organizationId,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      orgRole: organizationMembers.orgRole,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(
      organizationMembers,
      and(
        eq(organizationMembers.organizationId, apiTokens.organizationId),
        eq(organizationMembers.userId, apiTokens.createdBy),
      ),
    )
    .where(eq(apiTokens.tokenHash, tokenHash));
  return row;
}

export async function touchToken(db: DbOrTx, id: string, at: Date) {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

// ---- webhooks

export async function insertWebhook(db: DbOrTx, values: typeof webhooks.$inferInsert): Promise<WebhookRow> {
  const [row] = await db.insert(webhooks).values(values).returning();
  return row;
}

export async function countWebhooks(db: DbOrTx, organizationId: string): Promise<number> {
  const [{ total }] = await db
    .select({ total: count() })
    .from(webhooks)
    .where(eq(webhooks.organizationId, organizationId));
  return total;
}

export async function listWebhooks(db: DbOrTx, organizationId: string): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(eq(webhooks.organizationId, organizationId))
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id));
}

export async function findWebhook(db: DbOrTx, organizationId: string, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.organizationId, organizationId)));
  return row;
}

export async function setWebhookDisabled(db: DbOrTx, id: string, disabledAt: Date | null): Promise<WebhookRow> {
  const [row] = await db.update(webhooks).set({ disabledAt }).where(eq(webhooks.id, id)).returning();
  return row;
}

export async function deleteWebhook(db: DbOrTx, id: string) {
  await db.delete(webhooks).where(eq(webhooks.id, id));
}

/** The organization's enabled webhooks: the ones an event goes to. */
export async function listActiveWebhooks(db: DbOrTx, organizationId: string) {
  return db
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(and(eq(webhooks.organizationId, organizationId), isNull(webhooks.disabledAt)));
}

export async function insertDeliveries(db: DbOrTx, rows: Array<typeof webhookDeliveries.$inferInsert>) {
  if (rows.length) await db.insert(webhookDeliveries).values(rows);
}

export async function listDeliveries(
  db: DbOrTx,
  organizationId: string,
  filter: { webhookId?: string; limit: number; offset: number },
) {
  const where = and(
    eq(webhooks.organizationId, organizationId),
    filter.webhookId ? eq(webhookDeliveries.webhookId, filter.webhookId) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ delivery: webhookDeliveries, url: webhooks.url })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(where)
      .orderBy(desc(webhookDeliveries.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ total: count() })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(where),
  ]);
  return { items, total };
}

/** One delivery of the organization's webhooks, with its webhook's address; undefined for another's. */
export async function findDelivery(db: DbOrTx, organizationId: string, id: number) {
  const [found] = await db
    .select({ delivery: webhookDeliveries, url: webhooks.url })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookDeliveries.id, id), eq(webhooks.organizationId, organizationId)));
  return found;
}

/**
 * Puts a finished delivery (delivered or failed) back in the queue, due at `at`: the same event id and payload, one
 * more attempt. A delivery still pending is left alone (undefined).
 */
export async function requeueDelivery(db: DbOrTx, id: number, at: Date): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: at, deliveredAt: null })
    .where(and(eq(webhookDeliveries.id, id), ne(webhookDeliveries.status, 'pending')))
    .returning();
  return row;
}

// ---- the delivery job

export interface ClaimedDelivery {
  id: number;
  eventId: string;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Takes up to `limit` due deliveries of enabled webhooks for this worker. Rows another worker has locked are skipped,
 * and each taken row is leased — its next attempt moved past `leaseUntil` and the attempt counted — before the
 * transaction ends, so no other process takes it while this one posts, and a process that dies mid-post only delays
 * the retry until the lease runs out.
 */
export async function claimDueDeliveries(
  db: DbOrTx,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const due = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      event: webhookDeliveries.event,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      url: webhooks.url,
      secret: webhooks.secret,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        isNull(webhooks.disabledAt),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(limit)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  for (const row of due) {
    await db
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: now, nextAttemptAt: leaseUntil })
      .where(eq(webhookDeliveries.id, row.id));
  }
  return due.map((row) => ({ ...row, attempts: row.attempts + 1 }));
}

/**
 * Records the outcome of attempt number `attempt`; a worker whose lease ran out (another took the row since) changes
 * nothing.
 */
export async function recordAttempt(
  db: DbOrTx,
  id: number,
  attempt: number,
  outcome: {
    status: 'pending' | 'delivered' | 'failed';
    responseStatus: number | null;
    error: string | null;
    nextAttemptAt: Date;
    deliveredAt: Date | null;
    at: Date;
  },
) {
  const entry = { at: outcome.at.toISOString(), status: outcome.responseStatus, error: outcome.error };
  await db
    .update(webhookDeliveries)
    .set({
      attemptLog: sql`${webhookDeliveries.attemptLog} || ${JSON.stringify([entry])}::jsonb`,
      status: outcome.status,
      responseStatus: outcome.responseStatus,
      lastError: outcome.error,
      nextAttemptAt: outcome.nextAttemptAt,
      deliveredAt: outcome.deliveredAt,
    })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.attempts, attempt),
        eq(webhookDeliveries.status, 'pending'),
      ),
    );
}
