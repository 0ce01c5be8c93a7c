import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { outboxEmails } from '../../db/schema/mail.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
}

/** Queued in the caller's transaction: the mail exists exactly when the change does. */
export async function queueEmail(db: DbOrTx, email: OutgoingEmail, at: Date) {
  await db.insert(outboxEmails).values({ ...email, createdAt: at });
}

export async function listMailbox(db: DbOrTx, to: string | undefined, limit: number) {
  return db
    .select()
    .from(outboxEmails)
    .where(to ? eq(outboxEmails.to, to) : undefined)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(limit);
}
