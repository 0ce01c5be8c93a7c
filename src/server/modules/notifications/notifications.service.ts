import {
  DEFAULT_CHANNELS,
  DIGEST_HOUR_MOSCOW,
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
  type NotificationChannel,
} from '../../../shared/notification-categories.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireUser } from '../../http/actor.ts';
import * as repo from './notifications.repository.ts';

export function createNotificationsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  async function settingsOf(userId: string) {
    const settings = { ...DEFAULT_CHANNELS };
    for (const row of await repo.listChosenChannels(db, [userId])) {
      if (row.category in settings) settings[row.category as NotificationCategory] = row.channel as NotificationChannel;
    }
    return { settings, digestHourMoscow: DIGEST_HOUR_MOSCOW };
  }

  return {
    /** My notifications, newest first, with the count of unread ones for the bell. */
    async list(actor: Actor | null, page: { unreadOnly: boolean; limit: number; offset: number }) {
      const user = requireUser(actor);
      const { items, unread } = await repo.listForUser(db, user.userId, page);
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        unread,
      };
    },

    /** Marks the given (or all) of my notifications read; other people's ids are ignored. */
    async markRead(actor: Actor | null, ids: string[] | undefined) {
      const user = requireUser(actor);
      await repo.markRead(db, user.userId, ids, clock.now());
      return { unread: await repo.countUnread(db, user.userId) };
    },

    /** How I get each category by e-mail: my choice, or the default. */
    async settings(actor: Actor | null) {
      const user = requireUser(actor);
      return settingsOf(user.userId);
    },

    /**
     * Changes the channels of the given categories (the schema refuses unknown ones). Turning a category off also
     * drops what waited for the digest in it: "off" means no e-mail, not one more tomorrow.
     */
    async updateSettings(actor: Actor | null, changes: Partial<Record<NotificationCategory, NotificationChannel>>) {
      const user = requireUser(actor);
      const choices = NOTIFICATION_CATEGORIES.flatMap((category) => {
        const channel = changes[category];
        return channel ? [{ category, channel }] : [];
      });
      await db.transaction(async (tx) => {
        await repo.upsertChannels(tx, user.userId, choices, clock.now());
        await repo.dropPendingDigest(
          tx,
          user.userId,
          choices.filter((c) => c.channel === 'off').map((c) => c.category),
        );
      });
      return settingsOf(user.userId);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
