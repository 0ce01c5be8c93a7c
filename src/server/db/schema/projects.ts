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
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PartnerStatus, ProjectStage, ProjectStatus } from '../../../shared/ventures.ts';
import { applications } from './applications.ts';
import { users } from './auth.ts';
import { organizations } from './organizations.ts';
import { pilots } from './pilots.ts';
import { solutions } from './solutions.ts';
import { tsvector } from './types.ts';

/** Feeds project numbers (ПР-2026-000123); never reused. */
export const projectNumberSeq = pgSequence('project_number_seq', { startWith: 1, increment: 1 });

/** An innovative project led by one organization, with partners who confirm their part. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    leadOrganizationId: uuid('lead_organization_id')
      .notNull()
      .references(() => organizations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    trl: integer('trl').notNull(),
    budgetKopecks: bigint('budget_kopecks', { mode: 'bigint' }),
    startedOn: date('started_on').notNull(),
    plannedEndOn: date('planned_end_on'),
    /** the day it was marked implemented: the year the showcase and the figures count it in */
    implementedOn: date('implemented_on'),
    stage: text('stage').$type<ProjectStage>().notNull().default('research'),
    status: text('status').$type<ProjectStatus>().notNull().default('planned'),
    /** the lead organization's district when the project was recorded, for the showcase filter */
    leadDistrict: text('lead_district'),
    /**
     * Distinct cluster participants that confirmed (the lead counts when it is a participant), and whether that
     * makes the project joint (≥ 2). Kept in the transaction that confirms or declines; a participant's later
     * suspension does not rewrite history.
     */
    confirmedParticipants: integer('confirmed_participants').notNull().default(0),
    joint: boolean('joint').notNull().default(false),
    // where it came from: links to the records that led to it
    originSolutionId: uuid('origin_solution_id').references(() => solutions.id),
    originPilotId: uuid('origin_pilot_id').references(() => pilots.id),
    originApplicationId: uuid('origin_application_id').references(() => applications.id),
    originDealId: uuid('origin_deal_id'),
    lastComment: text('last_comment'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(description, '')), 'B')`,
    ),
  },
  (t) => [
    check('projects_status_check', sql`${t.status} in ('planned','active','implemented','cancelled')`),
    check('projects_stage_check', sql`${t.stage} in ('research','development','testing','implementation','scaling')`),
    check('projects_trl_check', sql`${t.trl} between 1 and 9`),
    check('projects_budget_check', sql`${t.budgetKopecks} is null or ${t.budgetKopecks} >= 0`),
    check('projects_dates_check', sql`${t.plannedEndOn} is null or ${t.plannedEndOn} >= ${t.startedOn}`),
    check('projects_joint_check', sql`${t.joint} = (${t.confirmedParticipants} >= 2)`),
    check('projects_implemented_check', sql`(${t.status} = 'implemented') = (${t.implementedOn} is not null)`),
    index('projects_status_implemented_idx').on(t.status, t.implementedOn),
    index('projects_lead_idx').on(t.leadOrganizationId, t.createdAt),
    index('projects_search_idx').using('gin', t.searchVector),
    index('projects_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    index('projects_technologies_idx').using('gin', t.technologies),
    index('projects_showcase_idx').on(t.status, t.joint, t.leadDistrict, t.implementedOn),
  ],
);

/** A partner organization invited to a project; it counts only once one of its members confirmed. */
export const projectPartners = pgTable(
  'project_partners',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status').$type<PartnerStatus>().notNull().default('invited'),
    /** the part the partner plays, in the lead's words */
    role: text('role').notNull().default(''),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organizationId] }),
    check('project_partners_status_check', sql`${t.status} in ('invited','confirmed','declined')`),
    index('project_partners_organization_idx').on(t.organizationId, t.status),
  ],
);
