import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import type { CriterionScore, SolutionStatus, TeamMember } from '../../../shared/innovation.ts';
import { users } from './auth.ts';
import { files } from './files.ts';
import { organizations } from './organizations.ts';
import { requests } from './requests.ts';

/** Feeds solution numbers (РШ-2026-000123); never reused. */
export const solutionNumberSeq = pgSequence('solution_number_seq', { startWith: 1, increment: 1 });

/** A company's answer to a request. */
export const solutions = pgTable(
  'solutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    novelty: text('novelty').notNull().default(''),
    trl: integer('trl').notNull(),
    team: jsonb('team').$type<TeamMember[]>().notNull(),
    priceKopecks: bigint('price_kopecks', { mode: 'bigint' }),
    pilotPlan: text('pilot_plan').notNull().default(''),
    status: text('status').$type<SolutionStatus>().notNull().default('draft'),
    /** the reason the customer gave when declining, or the company's when withdrawing */
    lastComment: text('last_comment'),
    /** mean of the scorers' weighted scores, 0–100; null until someone scores */
    scoreAverage: integer('score_average'),
    scoreCount: integer('score_count').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'solutions_status_check',
      sql`${t.status} in ('draft','submitted','shortlisted','declined','pilot','contract','not_adopted','withdrawn')`,
    ),
    check('solutions_summary_length', sql`char_length(${t.summary}) between 1 and 500`),
    check('solutions_trl_check', sql`${t.trl} between 1 and 9`),
    check('solutions_team_size', sql`jsonb_array_length(${t.team}) between 1 and 10`),
    check('solutions_price_check', sql`${t.priceKopecks} is null or ${t.priceKopecks} >= 0`),
    // one active solution per company per request: a double click or two colleagues never make two
    uniqueIndex('solutions_one_active_per_request')
      .on(t.requestId, t.organizationId)
      .where(sql`${t.status} <> 'withdrawn'`),
    index('solutions_request_status_idx').on(t.requestId, t.status, t.submittedAt),
    index('solutions_organization_idx').on(t.organizationId, t.createdAt),
  ],
);

export const solutionDocuments = pgTable(
  'solution_documents',
  {
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.solutionId, t.fileId] })],
);

/** One scorer's scores of a solution on the request's criteria (the customer's people or its experts). */
export const solutionScores = pgTable(
  'solution_scores',
  {
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    scorerId: uuid('scorer_id')
      .notNull()
      .references(() => users.id),
    scores: jsonb('scores').$type<CriterionScore[]>().notNull(),
    /** the weighted mean of this scorer's scores, 0–100 */
    total: integer('total').notNull(),
    comment: text('comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.solutionId, t.scorerId] }),
    check('solution_scores_total_check', sql`${t.total} between 0 and 100`),
  ],
);
