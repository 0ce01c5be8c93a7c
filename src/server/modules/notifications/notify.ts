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
  listOrganizationRecipients,
  listUserRecipients,
  type Recipient,
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

interface Outgoing extends Delivery {
  category: NotificationCategory;
  channel: NotificationChannel;
}

/** The bell always; the e-mail now, in the digest or never, as each person chose. */
async function write(tx: DbOrTx, rows: Outgoing[], at: Date) {
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

/** The first entry of each person: nobody hears the same news twice. */
function onePerPerson<T extends { userId: string }>(entries: T[]): T[] {
  return [...new Map(entries.map((e) => [e.userId, e])).values()];
}

/** Each person hears their own message once (the first one given to them). */
export async function deliverEach(tx: DbOrTx, deliveries: Delivery[], at: Date) {
  const unique = onePerPerson(deliveries);
  if (!unique.length) return;
  const channelOf = await channelsOf(
    tx,
    unique.map((d) => d.userId),
  );
  await write(
    tx,
    unique.map((d) => {
      const category = categoryOfKind(d.message.kind);
      return { ...d, category, channel: channelOf(d.userId, category) };
    }),
    at,
  );
}

/** One message to people found with their choice for its category. */
async function deliver(
  tx: DbOrTx,
  find: (category: NotificationCategory) => Promise<Recipient[]>,
  message: Message,
  at: Date,
) {
  const category = categoryOfKind(message.kind);
  const people = onePerPerson(await find(category));
  await write(
    tx,
    people.map((p) => ({
      userId: p.userId,
      email: p.email,
      message,
      category,
      channel: p.chosenChannel ?? DEFAULT_CHANNELS[category],
    })),
    at,
  );
}

/** Everyone who acts for the organization. */
export async function notifyOrganization(tx: DbOrTx, organizationId: string, message: Message, at: Date) {
  await deliver(tx, (category) => listOrganizationRecipients(tx, organizationId, category), message, at);
  // the organization's own systems hear of it too, through its webhooks
  await queueWebhookEvent(tx, organizationId, message, at);
}

/** Only the owners of the organization: for what they alone decide on (its membership of the cluster). */
export async function notifyOrganizationOwners(tx: DbOrTx, organizationId: string, message: Message, at: Date) {
  await deliver(tx, (category) => listOrganizationRecipients(tx, organizationId, category, true), message, at);
}

export async function notifyUsers(tx: DbOrTx, userIds: string[], message: Message, at: Date) {
  await deliver(tx, (category) => listUserRecipients(tx, userIds, category), message, at);
}

/** The operator's staff: for what waits on them (a recusal, a filed report). */
export async function notifyOperators(tx: DbOrTx, message: Message, at: Date) {
  await notifyUsers(tx, await listOperatorIds(tx), message, at);
}
