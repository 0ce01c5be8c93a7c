// Pages of the operator lists that export reads straight from their tables (requests, solutions, pilots, projects,
// deals, cluster applications, organizations): each ordered by a unique key and read after the last row of the
// previous page (keyset paging), so an export of any size holds one page in memory at a time.
import { type AnyColumn, and, arrayContains, asc, eq, gt, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MembershipKind, MembershipStatus } from '../../../shared/domain.ts';
import type { PilotStatus, RequestKind, RequestStatus, SolutionStatus } from '../../../shared/innovation.ts';
import type { DealStatus, ProjectStatus } from '../../../shared/ventures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { deals } from '../../db/schema/investments.ts';
import { membershipApplications } from '../../db/schema/membership.ts';
import { organizations } from '../../db/schema/organizations.ts';
import { pilotSites, pilots } from '../../db/schema/pilots.ts';
import { projects } from '../../db/schema/projects.ts';
import { requests } from '../../db/schema/requests.ts';
import { solutions } from '../../db/schema/solutions.ts';
import { requestTextCondition } from '../requests/requests.repository.ts';

const IDENTIFIER = /^(\d{10}|\d{12}|\d{13}|\d{15})$/;

/** Full-text match in Russian on a generated tsvector column (GIN-indexed), or nothing for an empty query. */
const fullText = (vector: AnyColumn, q: string | undefined) =>
  q ? sql`${vector} @@ websearch_to_tsquery('russian', ${q})` : undefined;

/** A name fragment (trigram index on lower(short_name)) or an exact INN/OGRN. */
function organizationMatch(q: string | undefined, org: typeof organizations = organizations): SQL | undefined {
  if (!q) return undefined;
  if (IDENTIFIER.test(q)) return or(eq(org.inn, q), eq(org.ogrn, q));
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${org.shortName}) like ${pattern}`;
}

const statuses = (column: AnyColumn, values?: readonly string[]) =>
  values?.length ? inArray(column, [...values]) : undefined;

// ---- requests

export interface RequestExportFilter {
  statuses?: RequestStatus[];
  kind?: RequestKind;
  q?: string;
  organizationId?: string;
  technology?: string;
}

export function listRequestsPage(db: DbOrTx, filter: RequestExportFilter, after: string | null, limit: number) {
  return db
    .select({
      number: requests.number,
      title: requests.title,
      customerName: organizations.shortName,
      customerInn: organizations.inn,
      kind: requests.kind,
      status: requests.status,
      technologies: requests.technologies,
      budgetKopecks: requests.budgetKopecks,
      solutions:
        sql<number>`(select count(*) from ${solutions} s where s.request_id = ${requests.id} and s.submitted_at is not null)::int`.mapWith(
          Number,
        ),
      publishedAt: requests.publishedAt,
      deadline: requests.deadline,
      closedAt: requests.closedAt,
    })
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .where(
      and(
        statuses(requests.status, filter.statuses),
        filter.kind ? eq(requests.kind, filter.kind) : undefined,
        requestTextCondition(filter.q),
        filter.organizationId ? eq(requests.organizationId, filter.organizationId) : undefined,
        filter.technology ? arrayContains(requests.technologies, [filter.technology]) : undefined,
        after === null ? undefined : gt(requests.number, after),
      ),
    )
    .orderBy(asc(requests.number))
    .limit(limit);
}

// ---- solutions

export interface SolutionExportFilter {
  statuses?: SolutionStatus[];
  requestId?: string;
  organizationId?: string;
}

export function listSolutionsPage(db: DbOrTx, filter: SolutionExportFilter, after: string | null, limit: number) {
  return db
    .select({
      number: solutions.number,
      requestNumber: requests.number,
      requestTitle: requests.title,
      organizationName: organizations.shortName,
      organizationInn: organizations.inn,
      status: solutions.status,
      trl: solutions.trl,
      priceKopecks: solutions.priceKopecks,
      scoreAverage: solutions.scoreAverage,
      submittedAt: solutions.submittedAt,
      decidedAt: solutions.decidedAt,
    })
    .from(solutions)
    .innerJoin(requests, eq(requests.id, solutions.requestId))
    .innerJoin(organizations, eq(organizations.id, solutions.organizationId))
    .where(
      and(
        statuses(solutions.status, filter.statuses),
        filter.requestId ? eq(solutions.requestId, filter.requestId) : undefined,
        filter.organizationId ? eq(solutions.organizationId, filter.organizationId) : undefined,
        after === null ? undefined : gt(solutions.number, after),
      ),
    )
    .orderBy(asc(solutions.number))
    .limit(limit);
}

// ---- pilots

export interface PilotExportFilter {
  statuses?: PilotStatus[];
  requestId?: string;
  /** the company tested or the customer */
  organizationId?: string;
}

export function listPilotsPage(db: DbOrTx, filter: PilotExportFilter, after: string | null, limit: number) {
  const customer = alias(organizations, 'customer');
  return db
    .select({
      number: pilots.number,
      requestNumber: requests.number,
      solutionNumber: solutions.number,
      siteName: pilotSites.name,
      district: pilotSites.district,
      companyName: organizations.shortName,
      customerName: customer.shortName,
      status: pilots.status,
      outcome: pilots.outcome,
      trl: pilots.trl,
      startsOn: pilots.startsOn,
      endsOn: pilots.endsOn,
      startedAt: pilots.startedAt,
      completedAt: pilots.completedAt,
    })
    .from(pilots)
    .innerJoin(requests, eq(requests.id, pilots.requestId))
    .innerJoin(solutions, eq(solutions.id, pilots.solutionId))
    .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
    .innerJoin(organizations, eq(organizations.id, pilots.organizationId))
    .innerJoin(customer, eq(customer.id, pilots.customerOrganizationId))
    .where(
      and(
        statuses(pilots.status, filter.statuses),
        filter.requestId ? eq(pilots.requestId, filter.requestId) : undefined,
        filter.organizationId
          ? or(
              eq(pilots.organizationId, filter.organizationId),
              eq(pilots.customerOrganizationId, filter.organizationId),
            )
          : undefined,
        after === null ? undefined : gt(pilots.number, after),
      ),
    )
    .orderBy(asc(pilots.number))
    .limit(limit);
}

// ---- projects

export interface ProjectExportFilter {
  statuses?: ProjectStatus[];
  q?: string;
  technology?: string;
  joint?: boolean;
  district?: string;
  /** the lead organization */
  organizationId?: string;
}

export function listProjectsPage(db: DbOrTx, filter: ProjectExportFilter, after: string | null, limit: number) {
  return db
    .select({
      number: projects.number,
      title: projects.title,
      leadName: organizations.shortName,
      leadInn: organizations.inn,
      status: projects.status,
      stage: projects.stage,
      joint: projects.joint,
      confirmedParticipants: projects.confirmedParticipants,
      technologies: projects.technologies,
      trl: projects.trl,
      budgetKopecks: projects.budgetKopecks,
      district: projects.leadDistrict,
      startedOn: projects.startedOn,
      implementedOn: projects.implementedOn,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.leadOrganizationId))
    .where(
      and(
        statuses(projects.status, filter.statuses),
        fullText(projects.searchVector, filter.q),
        filter.technology ? arrayContains(projects.technologies, [filter.technology]) : undefined,
        filter.joint === undefined ? undefined : eq(projects.joint, filter.joint),
        filter.district ? eq(projects.leadDistrict, filter.district) : undefined,
        filter.organizationId ? eq(projects.leadOrganizationId, filter.organizationId) : undefined,
        after === null ? undefined : gt(projects.number, after),
      ),
    )
    .orderBy(asc(projects.number))
    .limit(limit);
}

// ---- deals

export interface DealExportFilter {
  statuses?: DealStatus[];
  /** the investor or the company */
  organizationId?: string;
  /** only the deals counted as investment attracted (closed, confirmed by both, not disputed) */
  counted?: boolean;
}

export const dealCounted = and(
  eq(deals.status, 'closed'),
  isNotNull(deals.investorConfirmedAt),
  isNotNull(deals.companyConfirmedAt),
  sql`${deals.disputedAt} is null`,
)!;

export function listDealsPage(db: DbOrTx, filter: DealExportFilter, after: string | null, limit: number) {
  const investor = alias(organizations, 'investor');
  return db
    .select({
      number: deals.number,
      investorName: investor.shortName,
      companyName: organizations.shortName,
      companyInn: organizations.inn,
      round: deals.round,
      instrument: deals.instrument,
      amountKopecks: deals.amountKopecks,
      dealDate: deals.dealDate,
      status: deals.status,
      investorConfirmedAt: deals.investorConfirmedAt,
      companyConfirmedAt: deals.companyConfirmedAt,
      disputedAt: deals.disputedAt,
      counted: sql<boolean>`coalesce(${dealCounted}, false)`,
    })
    .from(deals)
    .innerJoin(investor, eq(investor.id, deals.investorOrganizationId))
    .innerJoin(organizations, eq(organizations.id, deals.organizationId))
    .where(
      and(
        statuses(deals.status, filter.statuses),
        filter.organizationId
          ? or(eq(deals.organizationId, filter.organizationId), eq(deals.investorOrganizationId, filter.organizationId))
          : undefined,
        filter.counted === undefined
          ? undefined
          : filter.counted
            ? dealCounted
            : sql`not coalesce(${dealCounted}, false)`,
        after === null ? undefined : gt(deals.number, after),
      ),
    )
    .orderBy(asc(deals.number))
    .limit(limit);
}

// ---- cluster applications

export interface MembershipExportFilter {
  statuses?: MembershipStatus[];
  kind?: MembershipKind;
  q?: string;
}

/** The keyset of the cluster applications: the creation moment to the microsecond, and the id. */
export interface MembershipKey {
  at: string;
  id: string;
}

export function listMembershipPage(
  db: DbOrTx,
  filter: MembershipExportFilter,
  after: MembershipKey | null,
  limit: number,
) {
  const m = membershipApplications;
  return db
    .select({
      id: m.id,
      // the exact moment as text: a Date keeps only milliseconds, and the next page must start right after this row
      at: sql<string>`to_char(${m.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
      organizationName: organizations.shortName,
      inn: organizations.inn,
      ogrn: organizations.ogrn,
      regionCode: organizations.regionCode,
      kind: m.kind,
      status: m.status,
      createdAt: m.createdAt,
      decidedAt: m.decidedAt,
      registryNumber: organizations.registryNumber,
    })
    .from(m)
    .innerJoin(organizations, eq(organizations.id, m.organizationId))
    .where(
      and(
        statuses(m.status, filter.statuses),
        filter.kind ? eq(m.kind, filter.kind) : undefined,
        organizationMatch(filter.q),
        after === null
          ? undefined
          : sql`(${m.createdAt}, ${m.id}) > ((${after.at}::timestamp at time zone 'UTC'), ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(m.createdAt), asc(m.id))
    .limit(limit);
}

// ---- organizations

export interface OrganizationExportFilter {
  /** membership status, 'none' for organizations that never applied */
  statuses?: Array<MembershipStatus | 'none'>;
  kind?: MembershipKind;
  q?: string;
  technology?: string;
  district?: string;
}

export function listOrganizationsPage(
  db: DbOrTx,
  filter: OrganizationExportFilter,
  after: { name: string; id: string } | null,
  limit: number,
) {
  const o = organizations;
  return db
    .select({
      id: o.id,
      shortName: o.shortName,
      fullName: o.fullName,
      inn: o.inn,
      ogrn: o.ogrn,
      regionCode: o.regionCode,
      district: o.district,
      okvedMain: o.okvedMain,
      okvedSection: o.okvedSection,
      smeCategory: o.smeCategory,
      technologies: o.technologies,
      membershipStatus: o.membershipStatus,
      membershipKind: o.membershipKind,
      registryNumber: o.registryNumber,
      admittedAt: o.admittedAt,
    })
    .from(o)
    .where(
      and(
        statuses(o.membershipStatus, filter.statuses),
        filter.kind ? eq(o.membershipKind, filter.kind) : undefined,
        organizationMatch(filter.q),
        filter.technology ? arrayContains(o.technologies, [filter.technology]) : undefined,
        filter.district ? eq(o.district, filter.district) : undefined,
        after === null ? undefined : sql`(${o.shortName}, ${o.id}) > (${after.name}, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(o.shortName), asc(o.id))
    .limit(limit);
}
