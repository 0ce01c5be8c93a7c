import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireUser } from '../../http/actor.ts';
import * as repo from './notifications.repository.ts';

export function createNotificationsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
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
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
