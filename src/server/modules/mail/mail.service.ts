import type { Db } from '../../db/client.ts';
import { type Actor, requireOperator } from '../../http/actor.ts';
import { listMailbox } from './mail.repository.ts';

export function createMailService(deps: { db: Db }) {
  return {
    /** The dev mailbox: e-mails the platform wrote (and sent, when SMTP is configured), newest first. */
    async mailbox(actor: Actor | null, filter: { to?: string; limit: number }) {
      requireOperator(actor);
      const rows = await listMailbox(deps.db, filter.to?.toLowerCase(), filter.limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.to,
          subject: r.subject,
          body: r.body,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          lastError: r.lastError,
        })),
      };
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
