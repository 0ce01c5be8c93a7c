import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Capability,
  LegalType,
  MembershipKind,
  MembershipStatus,
  OrgRole,
  SmeCategory,
  StartupStage,
} from '../../../shared/domain.ts';
import { users } from './auth.ts';
import { tsvector } from './types.ts';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    legalType: text('legal_type').$type<LegalType>().notNull(),
    inn: text('inn').notNull().unique(),
    ogrn: text('ogrn').notNull().unique(),
    kpp: text('kpp'),
    fullName: text('full_name').notNull(),
    shortName: text('short_name').notNull(),
    legalForm: text('legal_form').notNull(),
    regionCode: text('region_code').notNull(),
    district: text('district'),
    address: text('address'),
    okvedMain: text('okved_main').notNull(),
    // OKVED section letter (A..U) derived from the main code's class, kept for filters and facets
    okvedSection: text('okved_section').notNull(),
    okvedExtra: text('okved_extra').array().notNull().default(sql`'{}'::text[]`),
    smeCategory: text('sme_category').$type<SmeCategory>().notNull(),
    foundedOn: date('founded_on'),
    employees: integer('employees'),
    annualRevenueKopecks: bigint('annual_revenue_kopecks', { mode: 'bigint' }),
    website: text('website'),
    description: text('description').notNull().default(''),
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    isStartup: boolean('is_startup').notNull().default(false),
    startupStage: text('startup_stage').$type<StartupStage>(),
    isExporter: boolean('is_exporter').notNull().default(false),
    residencies: text('residencies').array().notNull().default(sql`'{}'::text[]`),
    capabilities: text('capabilities').$type<Capability[]>().array().notNull().default(sql`'{company}'::text[]`),
    // current cluster membership, kept in step with membership_applications in the same transaction
    membershipStatus: text('membership_status').$type<MembershipStatus | 'none'>().notNull().default('none'),
    membershipKind: text('membership_kind').$type<MembershipKind>(),
    registryNumber: text('registry_number').unique(),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('russian', coalesce(short_name, '') || ' ' || coalesce(full_name, '')), 'A') || setweight(to_tsvector('russian', klaster_text_array(technologies)), 'B') || setweight(to_tsvector('russian', coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    check('organizations_legal_type_check', sql`${t.legalType} in ('legal_entity','sole_proprietor')`),
    check(
      'organizations_inn_shape',
      sql`(${t.legalType} = 'legal_entity' and ${t.inn} ~ '^[0-9]{10}$') or (${t.legalType} = 'sole_proprietor' and ${t.inn} ~ '^[0-9]{12}$')`,
    ),
    check(
      'organizations_ogrn_shape',
      sql`(${t.legalType} = 'legal_entity' and ${t.ogrn} ~ '^[0-9]{13}$') or (${t.legalType} = 'sole_proprietor' and ${t.ogrn} ~ '^[0-9]{15}$')`,
    ),
    check('organizations_sme_check', sql`${t.smeCategory} in ('micro','small','medium','large')`),
    check(
      'organizations_membership_status_check',
      sql`${t.membershipStatus} in ('none','applied','under_review','participant','rejected','suspended','excluded')`,
    ),
    check(
      'organizations_revenue_nonnegative',
      sql`${t.annualRevenueKopecks} is null or ${t.annualRevenueKopecks} >= 0`,
    ),
    check('organizations_employees_nonnegative', sql`${t.employees} is null or ${t.employees} >= 0`),
    index('organizations_search_idx').using('gin', t.searchVector),
    index('organizations_short_name_trgm_idx').using('gin', sql`lower(${t.shortName}) gin_trgm_ops`),
    index('organizations_membership_idx').on(t.membershipStatus, t.shortName),
    index('organizations_technologies_idx').using('gin', t.technologies),
    // the registry's filters over listed organizations: combined by bitmap, so a narrow pair of filters
    // (a district and a startup stage) reads its few hundred rows instead of scanning every organization
    index('organizations_listed_district_idx')
      .on(t.district)
      .where(sql`${t.membershipStatus} = 'participant'`),
    index('organizations_listed_stage_idx')
      .on(t.startupStage)
      .where(sql`${t.membershipStatus} = 'participant'`),
    index('organizations_listed_sme_idx')
      .on(t.smeCategory)
      .where(sql`${t.membershipStatus} = 'participant'`),
    index('organizations_listed_okved_idx')
      .on(t.okvedSection)
      .where(sql`${t.membershipStatus} = 'participant'`),
  ],
);

export const organizationMembers = pgTable(
  'organization_members',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgRole: text('org_role').$type<OrgRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    index('organization_members_user_idx').on(t.userId),
    check('organization_members_role_check', sql`${t.orgRole} in ('owner','manager','member')`),
  ],
);

export const organizationInvitations = pgTable(
  'organization_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    orgRole: text('org_role').$type<OrgRole>().notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    index('organization_invitations_email_idx').on(t.email),
    uniqueIndex('organization_invitations_one_pending')
      .on(t.organizationId, t.email)
      .where(sql`${t.acceptedAt} is null`),
    check('organization_invitations_role_check', sql`${t.orgRole} in ('owner','manager','member')`),
  ],
);
