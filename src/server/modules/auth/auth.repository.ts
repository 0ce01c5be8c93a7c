import { and, count, eq, gt, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { loginFailures, type PlatformRole, sessions, users } from '../../db/schema/auth.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Inserts unless the e-mail is taken; answers undefined then (no exception to catch). */
export async function insertUser(
  db: DbOrTx,
  user: { email: string; passwordHash: string; fullName: string; role?: PlatformRole; locale?: string },
): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(user).onConflictDoNothing({ target: users.email }).returning();
  return row;
}

export async function setUserRoleAndPassword(db: DbOrTx, id: string, role: PlatformRole, passwordHash: string) {
  await db.update(users).set({ role, passwordHash }).where(eq(users.id, id));
}

export async function insertSession(
  db: DbOrTx,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await db.insert(sessions).values(session);
}

export async function findSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string, at: Date) {
  await db.insert(loginFailures).values({ email, ip, at });
}

export async function countLoginFailures(db: DbOrTx, email: string, ip: string, since: Date) {
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  return { byEmail: byEmail.n, byIp: byIp.n };
}

export async function clearLoginFailures(db: DbOrTx, email: string, before: Date) {
  await db.delete(loginFailures).where(or(eq(loginFailures.email, email), lt(loginFailures.at, before)));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function deleteLoginFailuresBefore(db: DbOrTx, before: Date) {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}
