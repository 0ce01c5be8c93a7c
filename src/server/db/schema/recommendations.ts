import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/**
 * Recommendations a person hid: never shown to them again. `subjectId` is what the recommendation was for (the
 * organization or the request), `targetId` what was recommended.
 */
export const hiddenRecommendations = pgTable(
  'hidden_recommendations',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'request' | 'organization' | 'measure' | 'startup' | 'investor' */
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    targetId: uuid('target_id').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.subjectId, t.targetId] })],
);
