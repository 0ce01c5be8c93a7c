import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RequestKind, RequestStatus, RewardKind } from '../../../shared/innovation.ts';
import type { Criterion } from '../../../shared/measures.ts';
import { users } from './auth.ts';
import { organizations } from './organizations.ts';
import { tsvector } from './types.ts';

/** Feeds request numbers (ЗИ-2026-000123); never reused. */
export const requestNumberSeq = pgSequence('request_number_seq', { startWith: 1, increment: 1 });

/** A request for innovative solutions from a customer: a corporation or a city department. */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<RequestKind>().notNull(),
    title: text('title').notNull(),
    /** the public teaser, shown to everyone */
    brief: text('brief').notNull(),
    /** the full task; behind the NDA terms when there are any */
    description: text('description').notNull().default(''),
    scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    problemTypes: text('problem_types').array().notNull().default(sql`'{}'::text[]`),
    expectedResult: text('expected_result').notNull().default(''),
    minTrl: integer('min_trl').notNull().default(1),
    rewardKind: text('reward_kind').$type<RewardKind>().notNull().default('budget'),
    budgetKopecks: bigint('budget_kopecks', { mode: 'bigint' }),
    pilotOffered: boolean('pilot_offered').notNull().default(false),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    relatedRequestIds: uuid('related_request_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** null: no NDA, the description is public */
    ndaTerms: text('nda_terms'),
    /** grows each time the terms change; an acceptance counts for the version it was given to */
    ndaVersion: integer('nda_version').notNull().default(1),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    status: text('status').$type<RequestStatus>().notNull().default('draft'),
    /** the operator's comment when returning from moderation, or the customer's reason when cancelling */
    lastComment: text('last_comment'),
    /** the solutions chosen when the request was resolved */
    winnerSolutionIds: uuid('winner_solution_ids').array().notNull().default(sql`'{}'::uuid[]`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // the text behind an NDA never enters the public search
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(brief, '')), 'B') || setweight(to_tsvector('russian', coalesce(expected_result, '')), 'C') || setweight(to_tsvector('russian', case when nda_terms is null then coalesce(description, '') else '' end), 'D')`,
    ),
  },
  (t) => [
    check('requests_kind_check', sql`${t.kind} in ('corporate','city')`),
    check(
      'requests_status_check',
      sql`${t.status} in ('draft','moderation','published','closed','resolved','cancelled')`,
    ),
    check('requests_reward_kind_check', sql`${t.rewardKind} in ('budget','prize')`),
    check('requests_min_trl_check', sql`${t.minTrl} between 1 and 9`),
    check('requests_budget_check', sql`${t.budgetKopecks} is null or ${t.budgetKopecks} >= 0`),
    index('requests_status_deadline_idx').on(t.status, t.deadline),
    index('requests_status_published_idx').on(t.status, t.publishedAt),
    index('requests_organization_idx').on(t.organizationId, t.createdAt),
    index('requests_search_idx').using('gin', t.searchVector),
    index('requests_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    index('requests_scopes_idx').using('gin', t.scopes),
    index('requests_technologies_idx').using('gin', t.technologies),
    index('requests_problem_types_idx').using('gin', t.problemTypes),
  ],
);

/** Who accepted a request's NDA terms for which organization, when, and which version of the terms. */
export const requestNdaAcceptances = pgTable(
  'request_nda_acceptances',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    termsVersion: integer('terms_version').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.organizationId, t.termsVersion] })],
);

/** Experts the customer appointed to score a request's solutions (users of the expert pool). */
export const requestExperts = pgTable(
  'request_experts',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    appointedBy: uuid('appointed_by')
      .notNull()
      .references(() => users.id),
    appointedAt: timestamp('appointed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] }), index('request_experts_user_idx').on(t.userId)],
);
