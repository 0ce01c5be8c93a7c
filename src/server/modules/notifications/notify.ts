// Telling people about a change: an in-app notification and an e-mail (outbox), in the caller's transaction,
// so they exist exactly when the change does. The bell always gets the notification; the e-mail copy follows the
// person's choice for the notification's category: immediate → queued now, digest → marked for the daily digest
// (jobs/digests.ts), off → none.
import {
  categoryOfKind,
  DEFAULT_CHANNELS,
  type NotificationCategory,
  type NotificationChannel,
} from '../../../shared/notification-categories.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queueWebhookEvent } from '../integrations/webhook-events.ts';
import { queueEmails } from '../mail/mail.repository.ts';
import {
  insertNotifications,
  listChosenChannels,
  listOperatorIds,
  listOrganizationOwners,
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

export interface Delivery {
  userId: string;
  email: string;
  message: Message;
}

/** Each person's channel for each category: their choice, else the default (one query for all of them). */
async function channelsOf(tx: DbOrTx, userIds: string[]) {
  const chosen = new Map<string, NotificationChannel>();
  for (const row of await listChosenChannels(tx, userIds)) {
    chosen.set(`${row.userId}:${row.category}`, row.channel as NotificationChannel);
  }
  return (userId: string, category: NotificationCategory) =>
    chosen.get(`${userId}:${category}`) ?? DEFAULT_CHANNELS[category];
}

/** Each person hears their own message once (the first one given to them). */
export async function deliverEach(tx: DbOrTx, deliveries: Delivery[], at: Date) {
  const unique = [...new Map(deliveries.map((d) => [d.userId, d])).values()];
  if (!unique.length) return;
  const channelOf = await channelsOf(
    tx,
    unique.map((d) => d.userId),
  );
  const rows = unique.map(({ userId, email, message }) => {
    const category = categoryOfKind(message.kind);
    return { userId, email, message, category, channel: channelOf(userId, category) };
  });
  await insertNotifications(
    tx,
    rows.map((r) => ({
      userId: r.userId,
      ...r.message,
      link: r.message.link ?? null,
      category: r.category,
      digestPending: r.channel === 'digest',
      createdAt: at,
    })),
  );
  await queueEmails(
    tx,
    rows
      .filter((r) => r.channel === 'immediate')
      .map((r) => ({
        to: r.email,
        subject: r.message.title,
        body: r.message.link ? `${r.message.body}\n\n${r.message.link}` : r.message.body,
      })),
    at,
  );
}

async function deliver(tx: DbOrTx, people: Array<{ userId: string; email: string }>, message: Message, at: Date) {
  await deliverEach(
    tx,
    people.map((p) => ({ ...p, message })),
    at,
  );
}

/** Everyone who acts for the organization. */
export async function notifyOrganization(tx: DbOrTx, organizationId: string, message: Message, at: Date) {
  await deliver(tx, await listOrganizationPeople(tx, organizationId), message, at);
  // the organization's own systems hear of it too, through its webhooks
  await queueWebhookEvent(tx, organizationId, message, at);
}

/** Only the owners of the organization: for what they alone decide on (its membership of the cluster). */
export async function notifyOrganizationOwners(tx: DbOrTx, organizationId: string, message: Message, at: Date) {
  await deliver(tx, await listOrganizationOwners(tx, organizationId), message, at);
}

export async function notifyUsers(tx: DbOrTx, userIds: string[], message: Message, at: Date) {
  await deliver(tx, await listUserEmails(tx, userIds), message, at);
}

/** The operator's staff: for what waits on them (a recusal, a filed report). */
export async function notifyOperators(tx: DbOrTx, message: Message, at: Date) {
  await notifyUsers(tx, await listOperatorIds(tx), message, at);
}
