import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Answers to POST requests sent with an Idempotency-Key, per caller, so a retried or double-clicked request
 * gets the first answer instead of creating a second record. Kept for a day.
 */
export const idempotentRequests = pgTable(
  'idempotent_requests',
  {
    // the user id, or "guest:<ip>" for requests without a session
    caller: text('caller').notNull(),
    key: text('key').notNull(),
    // method and path the key was first used with; the same key on another route is refused
    route: text('route').notNull(),
    // null while the first request is still being handled
    status: integer('status'),
    body: jsonb('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.key] }), index('idempotent_requests_created_idx').on(t.createdAt)],
);
