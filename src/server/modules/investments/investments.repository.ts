// The only code of the investments module that touches the database.

import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNull,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DealStatus } from '../../../shared/ventures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { dealNumberSeq, deals, investorProfiles, startupNeeds } from '../../db/schema/investments.ts';
import { organizations } from '../../db/schema/organizations.ts';
import { projectPartners, projects } from '../../db/schema/projects.ts';
import * as timelines from '../audit/status-events.repository.ts';
import type { DealSide } from './deal-status.ts';
import { MATCH_WEIGHTS } from './matching.ts';

export type InvestorProfileRow = typeof investorProfiles.$inferSelect;
export type NewInvestorProfile = typeof investorProfiles.$inferInsert;
export type NeedsRow = typeof startupNeeds.$inferSelect;
export type DealRow = typeof deals.$inferSelect;
export type NewDeal = typeof deals.$inferInsert;

// ---- organizations, read only

export async function findOrganization(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      shortName: organizations.shortName,
      isStartup: organizations.isStartup,
      startupStage: organizations.startupStage,
      technologies: organizations.technologies,
      capabilities: organizations.capabilities,
      membershipStatus: organizations.membershipStatus,
      district: organizations.district,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}
export type OrganizationFacts = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

// ---- projects, read only: the projects module is another engineer's, so its tables are read here directly

export async function findProject(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: projects.id, number: projects.number, title: projects.title })
    .from(projects)
    .where(eq(projects.id, id));
  return row;
}

/** The company leads the project or is its confirmed partner. */
export async function projectInvolves(db: DbOrTx, projectId: string, organizationId: string) {
  const [lead] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.leadOrganizationId, organizationId)));
  if (lead) return true;
  const [partner] = await db
    .select({ id: projectPartners.projectId })
    .from(projectPartners)
    .where(
      and(
        eq(projectPartners.projectId, projectId),
        eq(projectPartners.organizationId, organizationId),
        eq(projectPartners.status, 'confirmed'),
      ),
    );
  return partner !== undefined;
}

// ---- investor profiles

const profileWithName = { profile: investorProfiles, organizationName: organizations.shortName };

export async function findInvestorProfile(db: DbOrTx, organizationId: string) {
  const [row] = await db
    .select(profileWithName)
    .from(investorProfiles)
    .innerJoin(organizations, eq(organizations.id, investorProfiles.organizationId))
    .where(eq(investorProfiles.organizationId, organizationId));
  return row;
}

/** Inserts the profile, or answers undefined when the organization already has one. */
export async function insertInvestorProfile(db: DbOrTx, values: NewInvestorProfile) {
  const [row] = await db.insert(investorProfiles).values(values).onConflictDoNothing().returning();
  return row as InvestorProfileRow | undefined;
}

/** Replaces the profile's fields, only at `version` when given. */
export async function replaceInvestorProfile(
  db: DbOrTx,
  organizationId: string,
  version: number | undefined,
  values: Omit<NewInvestorProfile, 'organizationId' | 'version' | 'createdAt'>,
) {
  const [row] = await db
    .update(investorProfiles)
    .set({ ...values, version: sql`${investorProfiles.version} + 1` })
    .where(
      and(
        eq(investorProfiles.organizationId, organizationId),
        version !== undefined ? eq(investorProfiles.version, version) : undefined,
      ),
    )
    .returning();
  return row as InvestorProfileRow | undefined;
}

export async function listPublicInvestorProfiles(
  db: DbOrTx,
  filter: { type?: string; stage?: string; technology?: string; market?: string; limit: number; offset: number },
) {
  const where = and(
    eq(investorProfiles.public, true),
    filter.type ? eq(investorProfiles.type, filter.type as InvestorProfileRow['type']) : undefined,
    filter.stage ? arrayContains(investorProfiles.stages, [filter.stage]) : undefined,
    filter.technology ? arrayContains(investorProfiles.technologies, [filter.technology]) : undefined,
    filter.market ? arrayContains(investorProfiles.markets, [filter.market]) : undefined,
  );
  const items = await db
    .select(profileWithName)
    .from(investorProfiles)
    .innerJoin(organizations, eq(organizations.id, investorProfiles.organizationId))
    .where(where)
    .orderBy(asc(organizations.shortName), asc(investorProfiles.organizationId))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(investorProfiles).where(where);
  return { items, total };
}

// ---- startup needs

export async function findNeeds(db: DbOrTx, organizationId: string) {
  const [row] = await db.select().from(startupNeeds).where(eq(startupNeeds.organizationId, organizationId));
  return row as NeedsRow | undefined;
}

export async function upsertNeeds(db: DbOrTx, values: typeof startupNeeds.$inferInsert) {
  const { organizationId, ...rest } = values;
  const [row] = await db
    .insert(startupNeeds)
    .values(values)
    .onConflictDoUpdate({ target: startupNeeds.organizationId, set: rest })
    .returning();
  return row as NeedsRow;
}

// ---- matching: the filter and the order in SQL (the GIN indexes on the technology arrays), reasons in TS

/**
 * How many of the given distinct values the array column holds (0 for a null array): one `= any` per value, far
 * cheaper per row than intersecting the arrays in a subquery (≈ 3× over 20 000 matching rows).
 */
function sharedCount(column: SQL | unknown, values: readonly string[]): SQL {
  const distinct = [...new Set(values)];
  if (!distinct.length) return sql`0`;
  return sql`(${sql.join(
    distinct.map((v) => sql`coalesce((${v} = any(${column}))::int, 0)`),
    sql` + `,
  )})`;
}

/** MATCH_WEIGHTS.ticket when the amount lies in [min, max] (either bound open), else 0; 0 without any bound. */
function ticketPoints(amount: SQL | unknown, min: SQL | unknown, max: SQL | unknown): SQL {
  return sql`(case when ${amount} is not null and (${min} is not null or ${max} is not null) and (${min} is null or ${amount} >= ${min}) and (${max} is null or ${amount} <= ${max}) then ${sql.raw(String(MATCH_WEIGHTS.ticket))} else 0 end)`;
}

const bigintParam = (value: bigint | null) => (value === null ? sql`null::bigint` : sql`${value.toString()}::bigint`);

const weight = (n: number) => sql.raw(String(n));

/**
 * Startups of the public registry matching an investor's profile: a stage it invests at AND a shared technology
 * (`&&`, served by the GIN index on organizations.technologies), best score first. One query: the page and the total.
 */
export async function matchStartups(
  db: DbOrTx,
  criteria: {
    investorOrganizationId: string;
    stages: readonly string[];
    technologies: readonly string[];
    markets: readonly string[];
    ticketMinKopecks: bigint | null;
    ticketMaxKopecks: bigint | null;
    limit: number;
    offset: number;
  },
) {
  if (!criteria.stages.length || !criteria.technologies.length) return { items: [], total: 0 };
  const score = sql<number>`(${weight(MATCH_WEIGHTS.stage)} + ${weight(MATCH_WEIGHTS.technology)} * ${sharedCount(
    organizations.technologies,
    criteria.technologies,
  )} + ${ticketPoints(
    startupNeeds.amountKopecks,
    bigintParam(criteria.ticketMinKopecks),
    bigintParam(criteria.ticketMaxKopecks),
  )} + ${weight(MATCH_WEIGHTS.market)} * ${sharedCount(startupNeeds.markets, criteria.markets)})`;
  const where = and(
    eq(organizations.isStartup, true),
    eq(organizations.membershipStatus, 'participant'),
    inArray(organizations.startupStage, criteria.stages as Array<NonNullable<OrganizationFacts['startupStage']>>),
    arrayOverlaps(organizations.technologies, [...criteria.technologies]),
    ne(organizations.id, criteria.investorOrganizationId),
  );
  // the page's ids and scores first (a top-N sort over narrow rows), then the page's rows; the total apart, with
  // no join: counting needs the filter only
  const ranked = db.$with('ranked').as(
    db
      .select({ id: organizations.id, name: organizations.shortName, score: score.as('score') })
      .from(organizations)
      .leftJoin(startupNeeds, eq(startupNeeds.organizationId, organizations.id))
      .where(where)
      // by the output column: the score expression is computed once per row, not again for the sort
      .orderBy(sql`score desc`, asc(organizations.shortName), asc(organizations.id))
      .limit(criteria.limit)
      .offset(criteria.offset),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .with(ranked)
      .select({
        id: organizations.id,
        name: organizations.shortName,
        stage: organizations.startupStage,
        technologies: organizations.technologies,
        district: organizations.district,
        needs: {
          organizationId: startupNeeds.organizationId,
          rounds: startupNeeds.rounds,
          instruments: startupNeeds.instruments,
          markets: startupNeeds.markets,
          amountKopecks: startupNeeds.amountKopecks,
          pitch: startupNeeds.pitch,
        },
        score: sql<number>`${ranked.score}`.mapWith(Number),
      })
      .from(ranked)
      .innerJoin(organizations, eq(organizations.id, ranked.id))
      .leftJoin(startupNeeds, eq(startupNeeds.organizationId, ranked.id))
      .orderBy(desc(ranked.score), asc(ranked.name), asc(ranked.id)),
    db.select({ total: count() }).from(organizations).where(where),
  ]);
  return { items: rows, total };
}

/** Public investor profiles matching a startup: its stage among theirs AND a shared technology, best score first. */
export async function matchInvestors(
  db: DbOrTx,
  startup: {
    organizationId: string;
    stage: string;
    technologies: readonly string[];
    markets: readonly string[];
    amountKopecks: bigint | null;
    limit: number;
    offset: number;
  },
) {
  if (!startup.technologies.length) return { items: [], total: 0 };
  const score = sql<number>`(${weight(MATCH_WEIGHTS.stage)} + ${weight(MATCH_WEIGHTS.technology)} * ${sharedCount(
    investorProfiles.technologies,
    startup.technologies,
  )} + ${ticketPoints(
    bigintParam(startup.amountKopecks),
    investorProfiles.ticketMinKopecks,
    investorProfiles.ticketMaxKopecks,
  )} + ${weight(MATCH_WEIGHTS.market)} * ${sharedCount(investorProfiles.markets, startup.markets)})`;
  const where = and(
    eq(investorProfiles.public, true),
    arrayContains(investorProfiles.stages, [startup.stage]),
    arrayOverlaps(investorProfiles.technologies, [...startup.technologies]),
    ne(investorProfiles.organizationId, startup.organizationId),
  );
  const rows = await db
    .select({
      ...profileWithName,
      score: score.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(investorProfiles)
    .innerJoin(organizations, eq(organizations.id, investorProfiles.organizationId))
    .where(where)
    .orderBy(desc(score), asc(organizations.shortName), asc(investorProfiles.organizationId))
    .limit(startup.limit)
    .offset(startup.offset);
  const total = rows.length
    ? rows[0].total
    : (await db.select({ total: count() }).from(investorProfiles).where(where))[0].total;
  return { items: rows, total };
}

// ---- deals

/** The next number of the deal_number_seq sequence; numbers are never reused. */
export async function nextDealSequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select nextval(${dealNumberSeq.seqName})::int as n`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return Number(rows[0].n);
}

export async function insertDeal(db: DbOrTx, values: NewDeal) {
  const [row] = await db.insert(deals).values(values).returning();
  return row as DealRow;
}

export async function findDeal(db: DbOrTx, id: string) {
  const [row] = await db.select().from(deals).where(eq(deals.id, id));
  return row as DealRow | undefined;
}

export async function findOrganizationNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: organizations.id, name: organizations.shortName })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Moves a deal from one status to the next only if it is still in `from`: of two people acting at once, exactly one
 * gets the row back. Writes the timeline entry too.
 */
export async function transitionDeal(
  db: DbOrTx,
  change: {
    id: string;
    from: DealStatus;
    to: DealStatus;
    actorId: string;
    comment: string | null;
    at: Date;
    set?: Partial<NewDeal>;
  },
) {
  const [row] = await db
    .update(deals)
    .set({
      ...change.set,
      status: change.to,
      version: sql`${deals.version} + 1`,
      updatedAt: change.at,
    })
    .where(and(eq(deals.id, change.id), eq(deals.status, change.from)))
    .returning();
  if (row) {
    await timelines.insertStatusEvent(db, 'deal', {
      entityId: row.id,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: change.actorId,
      comment: change.comment,
      at: change.at,
    });
  }
  return row as DealRow | undefined;
}

/** Changes the terms of an open deal, only at `version`. */
export async function updateOpenDeal(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<Pick<NewDeal, 'round' | 'instrument' | 'amountKopecks' | 'dealDate' | 'projectId'>>,
  at: Date,
) {
  const [row] = await db
    .update(deals)
    .set({ ...patch, version: sql`${deals.version} + 1`, updatedAt: at })
    .where(
      and(
        eq(deals.id, id),
        eq(deals.version, version),
        inArray(deals.status, ['intro', 'due_diligence', 'term_sheet']),
      ),
    )
    .returning();
  return row as DealRow | undefined;
}

/**
 * One side's confirmation, as a conditional UPDATE on the row: it lands only on a closed, undisputed deal this side
 * has not confirmed, and never by the person who confirmed the other side. Two sides confirming at once both land
 * (the second UPDATE waits for the first and re-checks its conditions), and exactly one of them gets a row back
 * with both confirmations set.
 */
export async function confirmSide(db: DbOrTx, change: { id: string; side: DealSide; userId: string; at: Date }) {
  const own = change.side === 'investor' ? deals.investorConfirmedAt : deals.companyConfirmedAt;
  const otherBy = change.side === 'investor' ? deals.companyConfirmedBy : deals.investorConfirmedBy;
  const [row] = await db
    .update(deals)
    .set({
      ...(change.side === 'investor'
        ? { investorConfirmedAt: change.at, investorConfirmedBy: change.userId }
        : { companyConfirmedAt: change.at, companyConfirmedBy: change.userId }),
      version: sql`${deals.version} + 1`,
      updatedAt: change.at,
    })
    .where(
      and(
        eq(deals.id, change.id),
        eq(deals.status, 'closed'),
        isNull(own),
        isNull(deals.disputedAt),
        or(isNull(otherBy), ne(otherBy, change.userId)),
      ),
    )
    .returning();
  return row as DealRow | undefined;
}

/** A side's dispute: only on a closed deal not yet disputed and not confirmed by this side. */
export async function disputeSide(
  db: DbOrTx,
  change: { id: string; side: DealSide; organizationId: string; reason: string; at: Date },
) {
  const own = change.side === 'investor' ? deals.investorConfirmedAt : deals.companyConfirmedAt;
  const [row] = await db
    .update(deals)
    .set({
      disputedAt: change.at,
      disputedByOrganizationId: change.organizationId,
      disputeReason: change.reason,
      version: sql`${deals.version} + 1`,
      updatedAt: change.at,
    })
    .where(and(eq(deals.id, change.id), eq(deals.status, 'closed'), isNull(own), isNull(deals.disputedAt)))
    .returning();
  return row as DealRow | undefined;
}

const investorOrgs = alias(organizations, 'investor_org');
const companyOrgs = alias(organizations, 'company_org');

/** Deals of the given organizations (on either side), or every deal when organizationIds is undefined. */
export async function listDeals(
  db: DbOrTx,
  filter: { organizationIds?: string[]; statuses?: DealStatus[]; limit: number; offset: number },
) {
  if (filter.organizationIds && !filter.organizationIds.length) return { items: [], total: 0 };
  const where = and(
    filter.organizationIds
      ? or(
          inArray(deals.investorOrganizationId, filter.organizationIds),
          inArray(deals.organizationId, filter.organizationIds),
        )
      : undefined,
    filter.statuses?.length ? inArray(deals.status, filter.statuses) : undefined,
  );
  const items = await db
    .select({ deal: deals, investorName: investorOrgs.shortName, companyName: companyOrgs.shortName })
    .from(deals)
    .innerJoin(investorOrgs, eq(investorOrgs.id, deals.investorOrganizationId))
    .innerJoin(companyOrgs, eq(companyOrgs.id, deals.organizationId))
    .where(where)
    .orderBy(desc(deals.createdAt), desc(deals.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(deals).where(where);
  return { items, total };
}

/** Deals that count as investment attracted through the platform: closed, confirmed by both, not disputed. */
export async function investmentTotals(db: DbOrTx) {
  const [row] = await db
    .select({
      amount: sql<string>`coalesce(sum(${deals.amountKopecks}), 0)::text`,
      n: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(deals)
    .where(
      and(
        eq(deals.status, 'closed'),
        sql`${deals.investorConfirmedAt} is not null`,
        sql`${deals.companyConfirmedAt} is not null`,
        isNull(deals.disputedAt),
      ),
    );
  return { amountKopecks: row.amount, count: row.n };
}
