import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { outboxEmails } from '../../db/schema/mail.ts';

/** After this many failed attempts an e-mail stays in the outbox with its last error, for a person to look at. */
const MAX_ATTEMPTS = 5;

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
}

/** Queued in the caller's transaction: the mail exists exactly when the change does. */
export async function queueEmail(db: DbOrTx, email: OutgoingEmail, at: Date) {
  await db.insert(outboxEmails).values({ ...email, createdAt: at });
}

/** Several e-mails in one statement (a notification to many people), in the caller's transaction. */
export async function queueEmails(db: DbOrTx, emails: OutgoingEmail[], at: Date) {
  if (emails.length) await db.insert(outboxEmails).values(emails.map((email) => ({ ...email, createdAt: at })));
}

export async function listMailbox(db: DbOrTx, to: string | undefined, limit: number) {
  return db
    .select()
    .from(outboxEmails)
    .where(to ? eq(outboxEmails.to, to) : undefined)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(limit);
}

/** Takes up to `limit` unsent e-mails for this worker; another worker skips them (several app processes). */
export async function claimUnsent(db: DbOrTx, limit: number) {
  return db
    .select()
    .from(outboxEmails)
    .where(and(isNull(outboxEmails.sentAt), lt(outboxEmails.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markSent(db: DbOrTx, id: string, at: Date) {
  await db.update(outboxEmails).set({ sentAt: at, lastError: null }).where(eq(outboxEmails.id, id));
}

export async function markFailed(db: DbOrTx, id: string, error: string) {
  await db
    .update(outboxEmails)
    .set({ lastError: error.slice(0, 1000), attempts: sql`${outboxEmails.attempts} + 1` })
    .where(eq(outboxEmails.id, id));
}
