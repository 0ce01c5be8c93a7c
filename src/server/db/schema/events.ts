import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/**
 * Every status a request, solution or pilot (and later projects and deals) went through, with the comment or
 * reason: the timelines people see. Support applications keep their own application_events.
 */
export const statusEvents = pgTable(
  'status_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 'request' | 'solution' | 'pilot' | … */
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('status_events_entity_idx').on(t.entity, t.entityId, t.id)],
);
