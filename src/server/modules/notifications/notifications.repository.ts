import { and, asc, count, desc, eq, inArray, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { NotificationCategory, NotificationChannel } from '../../../shared/notification-categories.ts';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import {
  notificationDigests,
  notificationSettings,
  notifications,
  sentReminders,
} from '../../db/schema/notifications.ts';
import { organizationMembers } from '../../db/schema/organizations.ts';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  category: NotificationCategory;
  /** the e-mail copy waits for the daily digest */
  digestPending: boolean;
  createdAt: Date;
}

export async function insertNotifications(db: DbOrTx, rows: NewNotification[]) {
  if (rows.length) await db.insert(notifications).values(rows);
}

/** The people who act for an organization, with their e-mail addresses. */
export async function listOrganizationPeople(db: DbOrTx, organizationId: string) {
  return db
    .select({ userId: users.id, email: users.email })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId));
}

/** A person to tell, with the channel they chose for the message's category (null: that category's default). */
export interface Recipient {
  userId: string;
  email: string;
  chosenChannel: NotificationChannel | null;
}

/** Their choice for `category` comes in the same query as the people: one round trip per notification. */
function recipients(db: DbOrTx, category: NotificationCategory) {
  return db
    .select({ userId: users.id, email: users.email, chosenChannel: notificationSettings.channel })
    .from(users)
    .leftJoin(
      notificationSettings,
      and(eq(notificationSettings.userId, users.id), eq(notificationSettings.category, category)),
    );
}

/** Everyone who acts for an organization, or (ownersOnly) those who decide for it (its membership of the cluster). */
export async function listOrganizationRecipients(
  db: DbOrTx,
  organizationId: string,
  category: NotificationCategory,
  ownersOnly = false,
): Promise<Recipient[]> {
  const rows = await recipients(db, category)
    .innerJoin(organizationMembers, eq(organizationMembers.userId, users.id))
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        ownersOnly ? eq(organizationMembers.orgRole, 'owner') : undefined,
      ),
    );
  return rows as Recipient[];
}

export async function listUserRecipients(
  db: DbOrTx,
  userIds: string[],
  category: NotificationCategory,
): Promise<Recipient[]> {
  if (!userIds.length) return [];
  return (await recipients(db, category).where(inArray(users.id, userIds))) as Recipient[];
}

/** The operator's staff, who act on queues and hear about what needs them. */
export async function listOperatorIds(db: DbOrTx) {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, 'operator'));
  return rows.map((r) => r.id);
}

/** Takes the right to send the reminder `key`: true once, false for every later attempt. */
export async function claimReminder(db: DbOrTx, key: string, at: Date) {
  const rows = await db
    .insert(sentReminders)
    .values({ key, sentAt: at })
    .onConflictDoNothing()
    .returning({ key: sentReminders.key });
  return rows.length > 0;
}

export async function listForUser(
  db: DbOrTx,
  userId: string,
  page: { unreadOnly: boolean; limit: number; offset: number },
) {
  const where = and(eq(notifications.userId, userId), page.unreadOnly ? isNull(notifications.readAt) : undefined);
  const items = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit)
    .offset(page.offset);
  const [{ unread }] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread };
}

/** Marks the given notifications (or all, without ids) of this user as read. */
export async function markRead(db: DbOrTx, userId: string, ids: string[] | undefined, at: Date) {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    );
}

export async function countUnread(db: DbOrTx, userId: string) {
  const [{ unread }] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return unread;
}

/** The channels chosen by these people, every category they chose (one query for all the recipients). */
export async function listChosenChannels(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({
      userId: notificationSettings.userId,
      category: notificationSettings.category,
      channel: notificationSettings.channel,
    })
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, userIds));
}

export async function upsertChannels(
  db: DbOrTx,
  userId: string,
  choices: Array<{ category: NotificationCategory; channel: NotificationChannel }>,
  at: Date,
) {
  if (!choices.length) return;
  await db
    .insert(notificationSettings)
    .values(choices.map((c) => ({ userId, category: c.category, channel: c.channel, updatedAt: at })))
    .onConflictDoUpdate({
      target: [notificationSettings.userId, notificationSettings.category],
      set: { channel: sql`excluded.channel`, updatedAt: sql`excluded.updated_at` },
    });
}

/** A category turned off: what waited for the digest in it is not e-mailed either. */
export async function dropPendingDigest(db: DbOrTx, userId: string, categories: NotificationCategory[]) {
  if (!categories.length) return;
  await db
    .update(notifications)
    .set({ digestPending: false })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.digestPending, true),
        inArray(notifications.category, categories),
      ),
    );
}

/** People with notifications up to `until` waiting for a digest and no digest yet on `day` (a Moscow date). */
export async function listDigestRecipients(db: DbOrTx, day: string, until: Date, limit: number) {
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        eq(notifications.digestPending, true),
        lte(notifications.createdAt, until),
        notExists(
          db
            .select({ one: sql`1` })
            .from(notificationDigests)
            .where(and(eq(notificationDigests.userId, notifications.userId), eq(notificationDigests.day, day))),
        ),
      ),
    )
    .orderBy(notifications.userId)
    .limit(limit);
  return rows.map((r) => r.userId);
}

/** What waits for this person's digest, oldest first, up to `until`. */
export async function listDigestItems(db: DbOrTx, userId: string, until: Date) {
  return db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), eq(notifications.digestPending, true), lte(notifications.createdAt, until)),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}

/**
 * Takes the right to send this person's digest for `day`: true once, false for every later attempt — another
 * process or a rerun after a restart waits for the winner's transaction and then finds the row.
 */
export async function claimDigest(db: DbOrTx, userId: string, day: string, items: number, at: Date) {
  const rows = await db
    .insert(notificationDigests)
    .values({ userId, day, items, sentAt: at })
    .onConflictDoNothing()
    .returning({ userId: notificationDigests.userId });
  return rows.length > 0;
}

export async function clearDigestPending(db: DbOrTx, ids: string[]) {
  if (!ids.length) return;
  await db.update(notifications).set({ digestPending: false }).where(inArray(notifications.id, ids));
}

export async function findEmail(db: DbOrTx, userId: string) {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}
