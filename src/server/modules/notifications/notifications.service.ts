import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createNotificationsService(_deps: { db: Db; clock: Clock }) {
  return {};
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
