import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Criterion, EligibilityRules, FormField, MeasureKind, MeasureStatus } from '../../../shared/measures.ts';
import { tsvector } from './types.ts';

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind').$type<MeasureKind>().notNull(),
    provider: text('provider').notNull(),
    description: text('description').notNull().default(''),
    maxAmountKopecks: bigint('max_amount_kopecks', { mode: 'bigint' }).notNull(),
    // the applicant's own share of the project's costs, in percent (0 when the measure pays in full)
    cofinancingPercent: integer('cofinancing_percent').notNull().default(0),
    budgetKopecks: bigint('budget_kopecks', { mode: 'bigint' }).notNull(),
    // sum of approved amounts; the CHECK makes overcommitment impossible whatever the race
    committedKopecks: bigint('committed_kopecks', { mode: 'bigint' }).notNull().default(sql`0`),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    eligibility: jsonb('eligibility').$type<EligibilityRules>().notNull(),
    formFields: jsonb('form_fields').$type<FormField[]>().notNull(),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    expertsPerApplication: integer('experts_per_application').notNull().default(2),
    // reports the recipient files after payment: how many, and how many months apart
    reportCount: integer('report_count').notNull().default(1),
    reportIntervalMonths: integer('report_interval_months').notNull().default(12),
    status: text('status').$type<MeasureStatus>().notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(provider, '')), 'B') || setweight(to_tsvector('russian', coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    check(
      'measures_kind_check',
      sql`${t.kind} in ('grant','subsidy','compensation','loan','service','tax_benefit','rent')`,
    ),
    check('measures_status_check', sql`${t.status} in ('draft','published','closed','archived')`),
    check('measures_amounts_check', sql`${t.maxAmountKopecks} > 0 and ${t.budgetKopecks} > 0`),
    check(
      'measures_budget_not_exceeded',
      sql`${t.committedKopecks} >= 0 and ${t.committedKopecks} <= ${t.budgetKopecks}`,
    ),
    check('measures_cofinancing_check', sql`${t.cofinancingPercent} between 0 and 100`),
    check('measures_window_check', sql`${t.opensAt} < ${t.closesAt}`),
    check('measures_experts_check', sql`${t.expertsPerApplication} between 1 and 10`),
    check(
      'measures_reports_check',
      sql`${t.reportCount} between 0 and 20 and ${t.reportIntervalMonths} between 1 and 60`,
    ),
    index('measures_status_closes_idx').on(t.status, t.closesAt),
    index('measures_search_idx').using('gin', t.searchVector),
    index('measures_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
  ],
);
