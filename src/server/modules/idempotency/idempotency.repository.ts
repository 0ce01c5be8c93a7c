import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { idempotentRequests } from '../../db/schema/idempotency.ts';

export type IdempotentRequest = typeof idempotentRequests.$inferSelect;

/** Claims the key for this request; answers undefined when it was already claimed (then read the record). */
export async function claimKey(db: DbOrTx, caller: string, key: string, route: string, at: Date) {
  const [row] = await db
    .insert(idempotentRequests)
    .values({ caller, key, route, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findKey(db: DbOrTx, caller: string, key: string): Promise<IdempotentRequest | undefined> {
  const [row] = await db
    .select()
    .from(idempotentRequests)
    .where(and(eq(idempotentRequests.caller, caller), eq(idempotentRequests.key, key)));
  return row;
}

export async function storeAnswer(db: DbOrTx, caller: string, key: string, status: number, body: unknown) {
  await db
    .update(idempotentRequests)
    .set({ status, body: body as object })
    .where(and(eq(idempotentRequests.caller, caller), eq(idempotentRequests.key, key)));
}

/** A request that failed is not remembered: the client may retry it with the same key. */
export async function releaseKey(db: DbOrTx, caller: string, key: string) {
  await db
    .delete(idempotentRequests)
    .where(and(eq(idempotentRequests.caller, caller), eq(idempotentRequests.key, key)));
}

export async function deleteOlderThan(db: DbOrTx, before: Date) {
  await db.delete(idempotentRequests).where(lt(idempotentRequests.createdAt, before));
}
