import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { notifications, sentReminders } from '../../db/schema/notifications.ts';
import { organizationMembers } from '../../db/schema/organizations.ts';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
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

export async function listUserEmails(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return [];
  return db.select({ userId: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));
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
