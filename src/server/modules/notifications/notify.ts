// Telling people about a change: an in-app notification and an e-mail (outbox), in the caller's transaction,
// so they exist exactly when the change does.
import type { DbOrTx } from '../../db/client.ts';
import { queueEmail } from '../mail/mail.repository.ts';
import {
  insertNotifications,
  listOperatorIds,
  listOrganizationPeople,
  listUserEmails,
} from './notifications.repository.ts';

export interface Message {
  kind: string;
  title: string;
  body: string;
  /** the page in the web app where the person can act, e.g. /applications/<id> */
  link?: string;
}

async function deliver(tx: DbOrTx, people: Array<{ userId: string; email: string }>, message: Message, at: Date) {
  const unique = [...new Map(people.map((p) => [p.userId, p])).values()];
  await insertNotifications(
    tx,
    unique.map((p) => ({ userId: p.userId, ...message, link: message.link ?? null, createdAt: at })),
  );
  for (const person of unique) {
    await queueEmail(
      tx,
      {
        to: person.email,
        subject: message.title,
        body: message.link ? `${message.body}\n\n${message.link}` : message.body,
      },
      at,
    );
  }
}

/** Everyone who acts for the organization. */
export async function notifyOrganization(tx: DbOrTx, organizationId: string, message: Message, at: Date) {
  await deliver(tx, await listOrganizationPeople(tx, organizationId), message, at);
}

export async function notifyUsers(tx: DbOrTx, userIds: string[], message: Message, at: Date) {
  await deliver(tx, await listUserEmails(tx, userIds), message, at);
}

/** The operator's staff: for what waits on them (a recusal, a filed report). */
export async function notifyOperators(tx: DbOrTx, message: Message, at: Date) {
  await notifyUsers(tx, await listOperatorIds(tx), message, at);
}
