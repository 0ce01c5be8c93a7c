import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApplicationStatus, Kpis, Recommendation, ReportStatus, ReviewStatus } from '../../../shared/measures.ts';
import { users } from './auth.ts';
import { files } from './files.ts';
import { measures } from './measures.ts';
import { organizations } from './organizations.ts';

/** Feeds application numbers (ЗП-2026-000123); never reused. */
export const applicationNumberSeq = pgSequence('application_number_seq', { startWith: 1, increment: 1 });

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    requestedAmountKopecks: bigint('requested_amount_kopecks', { mode: 'bigint' }).notNull(),
    approvedAmountKopecks: bigint('approved_amount_kopecks', { mode: 'bigint' }),
    // sum of paid tranches; the CHECK keeps it within the approved amount whatever the race
    paidKopecks: bigint('paid_kopecks', { mode: 'bigint' }).notNull().default(sql`0`),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    promisedKpis: jsonb('promised_kpis').$type<Kpis>().notNull().default(sql`'{}'::jsonb`),
    lastComment: text('last_comment'),
    /** the consortium project a cooperative-grant application names (foreign key in migration 0010: projects
     * refer to applications too, and the schema files cannot import each other both ways) */
    projectId: uuid('project_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'applications_status_check',
      sql`${t.status} in ('draft','submitted','returned','registered','under_review','approved','rejected','agreement_signed','disbursing','reporting','completed','withdrawn')`,
    ),
    check('applications_requested_positive', sql`${t.requestedAmountKopecks} > 0`),
    check('applications_approved_positive', sql`${t.approvedAmountKopecks} is null or ${t.approvedAmountKopecks} > 0`),
    check(
      'applications_paid_within_approved',
      sql`${t.paidKopecks} >= 0 and ${t.paidKopecks} <= coalesce(${t.approvedAmountKopecks}, 0)`,
    ),
    // one application in progress per organization and measure: a double click never makes two
    uniqueIndex('applications_one_open_per_measure')
      .on(t.measureId, t.organizationId)
      .where(sql`${t.status} not in ('rejected','withdrawn','completed')`),
    index('applications_status_created_idx').on(t.status, t.createdAt, t.id),
    index('applications_created_idx').on(t.createdAt, t.id),
    index('applications_organization_idx').on(t.organizationId, t.createdAt),
    index('applications_measure_status_idx').on(t.measureId, t.status),
  ],
);

/**
 * How many applications each measure holds in each status, kept by a trigger on `applications` (migration 0005) so
 * the operator's queue tabs and totals never count half a million rows. A deadline rush moves thousands of
 * applications of one measure at once: each change lands in one of a few slots, picked at random, so concurrent
 * submits rarely wait on the same row; readers add the slots up.
 */
export const applicationStatusCounts = pgTable(
  'application_status_counts',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    status: text('status').$type<ApplicationStatus>().notNull(),
    slot: integer('slot').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.status, t.slot] })],
);

/**
 * The same counts over all measures, kept by the same trigger (migration 0012): the whole queue's tabs add up a
 * hundred rows, not measures × statuses × slots.
 */
export const applicationStatusTotals = pgTable(
  'application_status_totals',
  {
    status: text('status').$type<ApplicationStatus>().notNull(),
    slot: integer('slot').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.slot] })],
);

/** Every status an application went through, with the comment or reason, for its timeline. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    status: text('status').$type<ApplicationStatus>().notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
);

/** Files attached to an application, each answering one file field of the form. */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fieldKey: text('field_key').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('application_documents_field_idx').on(t.applicationId, t.fieldKey, t.fileId)],
);

/** The operator's pool of experts, with the technology areas each can judge. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id),
    expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experts_expertise_idx').using('gin', t.expertise)],
);

export interface Score {
  criterion: string;
  score: number;
  comment: string;
}

export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    status: text('status').$type<ReviewStatus>().notNull().default('assigned'),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    scores: jsonb('scores').$type<Score[]>(),
    recommendation: text('recommendation').$type<Recommendation>(),
    // the weighted mean of this expert's scores, normalised to 0..100
    weightedScore: integer('weighted_score'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reviews_status_check', sql`${t.status} in ('assigned','declared','submitted','recused')`),
    uniqueIndex('reviews_application_expert_idx').on(t.applicationId, t.expertId),
    index('reviews_expert_status_idx').on(t.expertId, t.status),
  ],
);

/** Payments to the recipient, each tied to a milestone. */
export const tranches = pgTable(
  'tranches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    amountKopecks: bigint('amount_kopecks', { mode: 'bigint' }).notNull(),
    milestone: text('milestone').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    check('tranches_amount_positive', sql`${t.amountKopecks} > 0`),
    index('tranches_application_idx').on(t.applicationId, t.paidAt),
  ],
);

/** Reports the recipient owes after payment, with the KPIs it promised. */
export const applicationReports = pgTable(
  'application_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('due'),
    kpis: jsonb('kpis').$type<Kpis>(),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    check('application_reports_status_check', sql`${t.status} in ('due','submitted','accepted','returned')`),
    uniqueIndex('application_reports_sequence_idx').on(t.applicationId, t.sequence),
    index('application_reports_due_idx').on(t.status, t.dueOn),
  ],
);
