import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PilotOutcome, PilotSiteKind, PilotStatus } from '../../../shared/innovation.ts';
import { users } from './auth.ts';
import { organizations } from './organizations.ts';
import { requests } from './requests.ts';
import { solutions } from './solutions.ts';

/** A place in the city where solutions can be tested, and the organization that owns it. */
export const pilotSites = pgTable(
  'pilot_sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<PilotSiteKind>().notNull(),
    ownerOrganizationId: uuid('owner_organization_id')
      .notNull()
      .references(() => organizations.id),
    address: text('address').notNull(),
    district: text('district').notNull(),
    /** what can be tested there, in the owner's words */
    testable: text('testable').notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'pilot_sites_kind_check',
      sql`${t.kind} in ('school','clinic','park','transport','construction','factory','culture','sport')`,
    ),
    index('pilot_sites_kind_district_idx').on(t.kind, t.district),
    index('pilot_sites_owner_idx').on(t.ownerOrganizationId),
  ],
);

/** Feeds pilot numbers (ПИ-2026-000123); never reused. */
export const pilotNumberSeq = pgSequence('pilot_number_seq', { startWith: 1, increment: 1 });

/** One solution tested on one site: at least TRL 6, at most three months. */
export const pilots = pgTable(
  'pilots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => pilotSites.id),
    /** the company whose solution is tested, and the customer who proposed the pilot */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    customerOrganizationId: uuid('customer_organization_id')
      .notNull()
      .references(() => organizations.id),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    plan: text('plan').notNull(),
    trl: integer('trl').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    status: text('status').$type<PilotStatus>().notNull().default('proposed'),
    lastComment: text('last_comment'),
    resultReport: text('result_report'),
    outcome: text('outcome').$type<PilotOutcome>(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'pilots_status_check',
      sql`${t.status} in ('proposed','approved','rejected','running','completed','cancelled')`,
    ),
    check('pilots_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('success','failure')`),
    check('pilots_trl_check', sql`${t.trl} between 6 and 9`),
    // at most three months, whatever the service checked
    check(
      'pilots_duration_check',
      sql`${t.endsOn} > ${t.startsOn} and ${t.endsOn} <= ${t.startsOn} + interval '3 months'`,
    ),
    // one pilot in progress per solution
    uniqueIndex('pilots_one_open_per_solution')
      .on(t.solutionId)
      .where(sql`${t.status} in ('proposed','approved','running')`),
    index('pilots_site_idx').on(t.siteId, t.startsOn),
    index('pilots_customer_idx').on(t.customerOrganizationId, t.createdAt),
    index('pilots_organization_idx').on(t.organizationId, t.createdAt),
    index('pilots_status_idx').on(t.status, t.createdAt),
  ],
);

/** A contract signed after a successful pilot (or straight from a shortlisted solution). */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id),
    pilotId: uuid('pilot_id').references(() => pilots.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    customerOrganizationId: uuid('customer_organization_id')
      .notNull()
      .references(() => organizations.id),
    amountKopecks: bigint('amount_kopecks', { mode: 'bigint' }).notNull(),
    signedOn: date('signed_on').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('contracts_amount_positive', sql`${t.amountKopecks} > 0`),
    uniqueIndex('contracts_solution_idx').on(t.solutionId),
    index('contracts_signed_idx').on(t.signedOn),
  ],
);
