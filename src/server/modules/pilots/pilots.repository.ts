import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PilotSiteKind, PilotStatus } from '../../../shared/innovation.ts';
import type { DbOrTx } from '../../db/client.ts';
import { organizations } from '../../db/schema/organizations.ts';
import { contracts, pilotNumberSeq, pilotSites, pilots } from '../../db/schema/pilots.ts';
import { requests } from '../../db/schema/requests.ts';
import { solutions } from '../../db/schema/solutions.ts';
import * as timelines from '../audit/status-events.repository.ts';
import { OPEN_PILOT_STATUSES } from './pilot-status.ts';

export type PilotRow = typeof pilots.$inferSelect;
export type NewPilot = typeof pilots.$inferInsert;
export type SiteRow = typeof pilotSites.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;

// ---- sites

const siteColumns = {
  id: pilotSites.id,
  name: pilotSites.name,
  kind: pilotSites.kind,
  ownerOrganizationId: pilotSites.ownerOrganizationId,
  ownerName: organizations.shortName,
  address: pilotSites.address,
  district: pilotSites.district,
  testable: pilotSites.testable,
  description: pilotSites.description,
  active: pilotSites.active,
  createdAt: pilotSites.createdAt,
};

export async function findSite(db: DbOrTx, id: string) {
  const [row] = await db
    .select(siteColumns)
    .from(pilotSites)
    .innerJoin(organizations, eq(organizations.id, pilotSites.ownerOrganizationId))
    .where(eq(pilotSites.id, id));
  return row;
}

export async function insertSite(db: DbOrTx, values: typeof pilotSites.$inferInsert) {
  const [row] = await db.insert(pilotSites).values(values).returning({ id: pilotSites.id });
  return row;
}

/** Active sites, by kind, district, owner and words of the name, address or what can be tested. */
export async function listSites(
  db: DbOrTx,
  filter: {
    kind?: PilotSiteKind;
    district?: string;
    q?: string;
    ownerOrganizationId?: string;
    limit: number;
    offset: number;
  },
) {
  const q = filter.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    eq(pilotSites.active, true),
    filter.kind ? eq(pilotSites.kind, filter.kind) : undefined,
    filter.district ? eq(pilotSites.district, filter.district) : undefined,
    filter.ownerOrganizationId ? eq(pilotSites.ownerOrganizationId, filter.ownerOrganizationId) : undefined,
    pattern
      ? or(ilike(pilotSites.name, pattern), ilike(pilotSites.address, pattern), ilike(pilotSites.testable, pattern))
      : undefined,
  );
  const items = await db
    .select(siteColumns)
    .from(pilotSites)
    .innerJoin(organizations, eq(organizations.id, pilotSites.ownerOrganizationId))
    .where(where)
    .orderBy(asc(pilotSites.name), asc(pilotSites.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(pilotSites).where(where);
  return { items, total };
}

export async function countPilotsBySite(db: DbOrTx, siteId: string) {
  return db
    .select({ status: pilots.status, count: count() })
    .from(pilots)
    .where(eq(pilots.siteId, siteId))
    .groupBy(pilots.status);
}

// ---- pilots

/** The next number of the pilot_number_seq sequence; numbers are never reused. */
export async function nextPilotSequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select nextval(${pilotNumberSeq.seqName})::int as n`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return Number(rows[0].n);
}

/** Inserts a proposed pilot, or answers undefined when the solution already has one in progress. */
export async function insertPilot(db: DbOrTx, values: NewPilot): Promise<PilotRow | undefined> {
  const [row] = await db.insert(pilots).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findOpenPilot(db: DbOrTx, solutionId: string) {
  const [row] = await db
    .select({ id: pilots.id, number: pilots.number, status: pilots.status })
    .from(pilots)
    .where(and(eq(pilots.solutionId, solutionId), inArray(pilots.status, [...OPEN_PILOT_STATUSES])));
  return row;
}

/** The pilot with the organization that owns its site. */
export async function findPilot(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ pilot: pilots, siteOwnerOrganizationId: pilotSites.ownerOrganizationId })
    .from(pilots)
    .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
    .where(eq(pilots.id, id));
  return row;
}

/**
 * Moves a pilot from one status to the next only if it is still in `from` (and at `version` when given): of two
 * people acting at once, exactly one gets the row back. Writes the timeline entry too.
 */
export async function transitionPilot(
  db: DbOrTx,
  change: {
    id: string;
    from: PilotStatus;
    to: PilotStatus;
    version?: number;
    actorId: string;
    comment?: string | null;
    at: Date;
    set?: Partial<NewPilot>;
  },
): Promise<PilotRow | undefined> {
  const [row] = await db
    .update(pilots)
    .set({
      ...change.set,
      status: change.to,
      ...(change.comment !== undefined ? { lastComment: change.comment } : {}),
      version: sql`${pilots.version} + 1`,
      updatedAt: change.at,
    })
    .where(
      and(
        eq(pilots.id, change.id),
        eq(pilots.status, change.from),
        change.version !== undefined ? eq(pilots.version, change.version) : undefined,
      ),
    )
    .returning();
  if (row) {
    await timelines.insertStatusEvent(db, 'pilot', {
      entityId: row.id,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: change.actorId,
      comment: change.comment ?? null,
      at: change.at,
    });
  }
  return row;
}

const companies = alias(organizations, 'companies');
const customers = alias(organizations, 'customers');
const siteOwners = alias(organizations, 'site_owners');

const listColumns = {
  pilot: pilots,
  solutionNumber: solutions.number,
  solutionSummary: solutions.summary,
  solutionStatus: solutions.status,
  requestTitle: requests.title,
  siteName: pilotSites.name,
  siteAddress: pilotSites.address,
  siteDistrict: pilotSites.district,
  siteOwnerOrganizationId: pilotSites.ownerOrganizationId,
  siteOwnerName: siteOwners.shortName,
  organizationName: companies.shortName,
  customerName: customers.shortName,
};

/** Pilots where one of the organizations is the company, the customer or the site owner (all when undefined). */
export async function listPilots(
  db: DbOrTx,
  filter: { organizationIds?: string[]; statuses?: PilotStatus[]; limit: number; offset: number },
) {
  if (filter.organizationIds && !filter.organizationIds.length) return { items: [], total: 0 };
  const ids = filter.organizationIds;
  const where = and(
    ids
      ? or(
          inArray(pilots.organizationId, ids),
          inArray(pilots.customerOrganizationId, ids),
          inArray(pilotSites.ownerOrganizationId, ids),
        )
      : undefined,
    filter.statuses?.length ? inArray(pilots.status, filter.statuses) : undefined,
  );
  const items = await db
    .select(listColumns)
    .from(pilots)
    .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
    .innerJoin(solutions, eq(solutions.id, pilots.solutionId))
    .innerJoin(requests, eq(requests.id, pilots.requestId))
    .innerJoin(companies, eq(companies.id, pilots.organizationId))
    .innerJoin(customers, eq(customers.id, pilots.customerOrganizationId))
    .innerJoin(siteOwners, eq(siteOwners.id, pilotSites.ownerOrganizationId))
    .where(where)
    .orderBy(desc(pilots.createdAt), desc(pilots.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db
    .select({ total: count() })
    .from(pilots)
    .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
    .where(where);
  return { items, total };
}

/** One pilot with the names around it: solution, request, site, the three organizations. */
export async function findPilotView(db: DbOrTx, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(pilots)
    .innerJoin(pilotSites, eq(pilotSites.id, pilots.siteId))
    .innerJoin(solutions, eq(solutions.id, pilots.solutionId))
    .innerJoin(requests, eq(requests.id, pilots.requestId))
    .innerJoin(companies, eq(companies.id, pilots.organizationId))
    .innerJoin(customers, eq(customers.id, pilots.customerOrganizationId))
    .innerJoin(siteOwners, eq(siteOwners.id, pilotSites.ownerOrganizationId))
    .where(eq(pilots.id, id));
  return row;
}

// ---- contracts

/** Records the contract, or answers undefined when the solution already has one. */
export async function insertContract(db: DbOrTx, values: typeof contracts.$inferInsert) {
  const [row] = await db.insert(contracts).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findContractBySolution(db: DbOrTx, solutionId: string) {
  const [row] = await db.select().from(contracts).where(eq(contracts.solutionId, solutionId));
  return row;
}
