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
  uuid,
} from 'drizzle-orm/pg-core';
import type { DealInstrument, DealRound, DealStatus, InvestorType } from '../../../shared/ventures.ts';
import { users } from './auth.ts';
import { organizations } from './organizations.ts';
import { projects } from './projects.ts';

/** What an investor (a fund, an accelerator or a business angel's own organization) invests in. */
export const investorProfiles = pgTable(
  'investor_profiles',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    type: text('type').$type<InvestorType>().notNull(),
    stages: text('stages').array().notNull().default(sql`'{}'::text[]`),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    markets: text('markets').array().notNull().default(sql`'{}'::text[]`),
    ticketMinKopecks: bigint('ticket_min_kopecks', { mode: 'bigint' }),
    ticketMaxKopecks: bigint('ticket_max_kopecks', { mode: 'bigint' }),
    fundSizeKopecks: bigint('fund_size_kopecks', { mode: 'bigint' }),
    description: text('description').notNull().default(''),
    /** listed among the public investors */
    public: boolean('public').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'investor_profiles_type_check',
      sql`${t.type} in ('private_fund','corporate_fund','state_fund','accelerator','business_angel')`,
    ),
    check(
      'investor_profiles_ticket_check',
      sql`(${t.ticketMinKopecks} is null or ${t.ticketMinKopecks} > 0) and (${t.ticketMaxKopecks} is null or ${t.ticketMaxKopecks} > 0) and (${t.ticketMinKopecks} is null or ${t.ticketMaxKopecks} is null or ${t.ticketMinKopecks} <= ${t.ticketMaxKopecks})`,
    ),
    check('investor_profiles_fund_check', sql`${t.fundSizeKopecks} is null or ${t.fundSizeKopecks} > 0`),
    index('investor_profiles_stages_idx').using('gin', t.stages),
    index('investor_profiles_technologies_idx').using('gin', t.technologies),
  ],
);

/** What a startup seeks: the round, the instruments, the amount and the markets it sells to. */
export const startupNeeds = pgTable(
  'startup_needs',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    rounds: text('rounds').array().notNull().default(sql`'{}'::text[]`),
    instruments: text('instruments').array().notNull().default(sql`'{}'::text[]`),
    markets: text('markets').array().notNull().default(sql`'{}'::text[]`),
    amountKopecks: bigint('amount_kopecks', { mode: 'bigint' }),
    pitch: text('pitch').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('startup_needs_amount_check', sql`${t.amountKopecks} is null or ${t.amountKopecks} > 0`),
    index('startup_needs_amount_idx').on(t.amountKopecks),
  ],
);

/** Feeds deal numbers (СД-2026-000123); never reused. */
export const dealNumberSeq = pgSequence('deal_number_seq', { startWith: 1, increment: 1 });

/**
 * An investment deal between an investor and a company. A closed deal counts as investment attracted through the
 * platform only when both sides confirmed it (both timestamps set); either side may dispute instead.
 */
export const deals = pgTable(
  'deals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    investorOrganizationId: uuid('investor_organization_id')
      .notNull()
      .references(() => organizations.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    projectId: uuid('project_id').references(() => projects.id),
    round: text('round').$type<DealRound>().notNull(),
    instrument: text('instrument').$type<DealInstrument>().notNull(),
    amountKopecks: bigint('amount_kopecks', { mode: 'bigint' }).notNull(),
    dealDate: date('deal_date').notNull(),
    status: text('status').$type<DealStatus>().notNull().default('intro'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    investorConfirmedAt: timestamp('investor_confirmed_at', { withTimezone: true }),
    investorConfirmedBy: uuid('investor_confirmed_by').references(() => users.id),
    companyConfirmedAt: timestamp('company_confirmed_at', { withTimezone: true }),
    companyConfirmedBy: uuid('company_confirmed_by').references(() => users.id),
    /** set when one side disputes the closed deal instead of confirming it */
    disputedAt: timestamp('disputed_at', { withTimezone: true }),
    disputedByOrganizationId: uuid('disputed_by_organization_id').references(() => organizations.id),
    disputeReason: text('dispute_reason'),
    lastComment: text('last_comment'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('deals_status_check', sql`${t.status} in ('intro','due_diligence','term_sheet','closed','dropped')`),
    check('deals_round_check', sql`${t.round} in ('pre_seed','seed','a','b','c','later')`),
    check('deals_instrument_check', sql`${t.instrument} in ('equity','convertible_loan','loan','grant')`),
    check('deals_amount_positive', sql`${t.amountKopecks} > 0`),
    check('deals_two_sides', sql`${t.investorOrganizationId} <> ${t.organizationId}`),
    // confirmations only on a closed deal, and never beside a dispute
    check(
      'deals_confirmation_check',
      sql`(${t.investorConfirmedAt} is null and ${t.companyConfirmedAt} is null and ${t.disputedAt} is null) or ${t.status} = 'closed'`,
    ),
    index('deals_investor_idx').on(t.investorOrganizationId, t.createdAt),
    index('deals_organization_idx').on(t.organizationId, t.createdAt),
    index('deals_status_date_idx').on(t.status, t.dealDate),
  ],
);
