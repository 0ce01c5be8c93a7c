// The timelines people see on requests, solutions, pilots, projects and deals: one table, one entity name each.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { statusEvents } from '../../db/schema/events.ts';

export type TimelineEntity = 'request' | 'solution' | 'pilot' | 'project' | 'deal';

export interface StatusEvent<Status extends string = string> {
  entityId: string;
  fromStatus: Status | null;
  toStatus: Status;
  actorId: string | null;
  comment: string | null;
  at: Date;
}

export async function insertStatusEvent(db: DbOrTx, entity: TimelineEntity, event: StatusEvent) {
  await db.insert(statusEvents).values({ entity, ...event });
}

/** One record's timeline, oldest first, with the name of who took each step. */
export async function listStatusEvents(db: DbOrTx, entity: TimelineEntity, entityId: string) {
  return db
    .select({
      fromStatus: statusEvents.fromStatus,
      toStatus: statusEvents.toStatus,
      comment: statusEvents.comment,
      at: statusEvents.at,
      actorName: users.fullName,
    })
    .from(statusEvents)
    .leftJoin(users, eq(users.id, statusEvents.actorId))
    .where(and(eq(statusEvents.entity, entity), eq(statusEvents.entityId, entityId)))
    .orderBy(asc(statusEvents.id));
}
