import { sql } from 'drizzle-orm';
import { check, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MembershipKind, MembershipStatus } from '../../../shared/domain.ts';
import { users } from './auth.ts';
import { organizations } from './organizations.ts';

/** Feeds the six digits of registry numbers (МИК-2026-000123); never reused. */
export const registryNumberSeq = pgSequence('registry_number_seq', { startWith: 1, increment: 1 });

export const membershipApplications = pgTable(
  'membership_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MembershipKind>().notNull(),
    status: text('status').$type<MembershipStatus>().notNull().default('applied'),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    comment: text('comment'),
    lastReason: text('last_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('membership_kind_check', sql`${t.kind} in ('participant','partner')`),
    check(
      'membership_status_check',
      sql`${t.status} in ('applied','under_review','participant','rejected','suspended','excluded')`,
    ),
    // one open case per organization: a new application only after a rejection or exclusion
    uniqueIndex('membership_one_open_per_org')
      .on(t.organizationId)
      .where(sql`${t.status} in ('applied','under_review','participant','suspended')`),
    index('membership_status_created_idx').on(t.status, t.createdAt),
  ],
);

/** Every status a membership case went through, for the applicant's timeline. */
export const membershipEvents = pgTable(
  'membership_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => membershipApplications.id, { onDelete: 'cascade' }),
    status: text('status').$type<MembershipStatus>().notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_events_application_idx').on(t.applicationId, t.at)],
);
