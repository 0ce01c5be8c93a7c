// Innovative projects: the only code that queries their tables. The showcase searches in Russian (full text with
// morphology and prefixes, trigram similarity on titles for typos, the exact number), filters through the indexes
// and counts facets in one query.

import { and, arrayContains, asc, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { OrgRole } from '../../../shared/domain.ts';
import type { PartnerStatus, ProjectStatus } from '../../../shared/ventures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { applications } from '../../db/schema/applications.ts';
import { deals } from '../../db/schema/investments.ts';
import { measures } from '../../db/schema/measures.ts';
import { organizationMembers, organizations } from '../../db/schema/organizations.ts';
import { pilots } from '../../db/schema/pilots.ts';
import { projectNumberSeq, projectPartners, projects } from '../../db/schema/projects.ts';
import { requests } from '../../db/schema/requests.ts';
import { solutions } from '../../db/schema/solutions.ts';
import * as timelines from '../audit/status-events.repository.ts';
import { countConfirmedParticipants } from './joint-rule.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;

export async function nextProjectSequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select nextval(${projectNumberSeq.seqName})::int as n`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return Number(rows[0].n);
}

export async function insertProject(db: DbOrTx, values: NewProject): Promise<ProjectRow> {
  const [row] = await db.insert(projects).values(values).returning();
  return row;
}

/** `lock`: holds the row to the end of the transaction, so partners' decisions and status changes queue up. */
export async function findProject(db: DbOrTx, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(projects).where(eq(projects.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row as ProjectRow | undefined;
}

/** Changes a project under way only at `version`; undefined when it is over or someone changed it first. */
export async function updateOpenProject(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewProject>,
  at: Date,
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set({ ...patch, version: sql`${projects.version} + 1`, updatedAt: at })
    .where(and(eq(projects.id, id), eq(projects.version, version), inArray(projects.status, ['planned', 'active'])))
    .returning();
  return row;
}

/**
 * Moves a project from one status to the next only if it is still in `from`: of two people acting at once, exactly
 * one gets the row back. Writes the timeline entry too.
 */
export async function transitionProject(
  db: DbOrTx,
  change: {
    id: string;
    from: ProjectStatus;
    to: ProjectStatus;
    actorId: string | null;
    comment: string | null;
    at: Date;
    set?: Partial<NewProject>;
  },
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .update(projects)
    .set({ ...change.set, status: change.to, version: sql`${projects.version} + 1`, updatedAt: change.at })
    .where(and(eq(projects.id, change.id), eq(projects.status, change.from)))
    .returning();
  if (row) {
    await timelines.insertStatusEvent(db, 'project', {
      entityId: row.id,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: change.actorId,
      comment: change.comment,
      at: change.at,
    });
  }
  return row;
}

const isParticipantColumn = sql<boolean>`${organizations.membershipStatus} = 'participant'`.mapWith(Boolean);

/** What a project needs to know of an organization: its name, district and whether it is a cluster participant. */
export async function findOrganizationFacts(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      shortName: organizations.shortName,
      district: organizations.district,
      isParticipant: isParticipantColumn,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

export async function listPartners(db: DbOrTx, projectId: string) {
  return db
    .select({
      organizationId: projectPartners.organizationId,
      shortName: organizations.shortName,
      district: organizations.district,
      isParticipant: isParticipantColumn,
      status: projectPartners.status,
      role: projectPartners.role,
      invitedAt: projectPartners.invitedAt,
      decidedAt: projectPartners.decidedAt,
    })
    .from(projectPartners)
    .innerJoin(organizations, eq(organizations.id, projectPartners.organizationId))
    .where(eq(projectPartners.projectId, projectId))
    .orderBy(asc(projectPartners.invitedAt), asc(organizations.shortName));
}

/** Of the user's organizations, those listed as partners of the project, with the user's role in each. */
export async function listUserPartnerships(db: DbOrTx, projectId: string, userId: string) {
  return db
    .select({
      organizationId: projectPartners.organizationId,
      status: projectPartners.status,
      orgRole: organizationMembers.orgRole,
    })
    .from(projectPartners)
    .innerJoin(
      organizationMembers,
      and(
        eq(organizationMembers.organizationId, projectPartners.organizationId),
        eq(organizationMembers.userId, userId),
      ),
    )
    .where(eq(projectPartners.projectId, projectId)) as Promise<
    Array<{ organizationId: string; status: PartnerStatus; orgRole: OrgRole }>
  >;
}

export async function findPartner(db: DbOrTx, projectId: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(projectPartners)
    .where(and(eq(projectPartners.projectId, projectId), eq(projectPartners.organizationId, organizationId)));
  return row;
}

/** Lists a partner once; undefined when it is already listed (two invitations at once make one). */
export async function insertPartner(db: DbOrTx, values: typeof projectPartners.$inferInsert) {
  const [row] = await db.insert(projectPartners).values(values).onConflictDoNothing().returning();
  return row;
}

/** Records a partner's answer only while it is invited; undefined when it already answered. */
export async function decidePartner(
  db: DbOrTx,
  change: { projectId: string; organizationId: string; to: PartnerStatus; userId: string; at: Date },
) {
  const [row] = await db
    .update(projectPartners)
    .set({ status: change.to, decidedBy: change.userId, decidedAt: change.at })
    .where(
      and(
        eq(projectPartners.projectId, change.projectId),
        eq(projectPartners.organizationId, change.organizationId),
        eq(projectPartners.status, 'invited'),
      ),
    )
    .returning();
  return row;
}

/**
 * The distinct cluster participants taking part in the project now, by the joint rule: read from the lead and the
 * partner rows, so a count never drifts from what is stored. Call it with the project row locked.
 */
export async function countParticipants(db: DbOrTx, project: Pick<ProjectRow, 'id' | 'leadOrganizationId'>) {
  const [lead, partners] = await Promise.all([
    findOrganizationFacts(db, project.leadOrganizationId),
    db
      .select({
        organizationId: projectPartners.organizationId,
        status: projectPartners.status,
        isParticipant: isParticipantColumn,
      })
      .from(projectPartners)
      .innerJoin(organizations, eq(organizations.id, projectPartners.organizationId))
      .where(eq(projectPartners.projectId, project.id)),
  ]);
  return countConfirmedParticipants({
    lead: { organizationId: project.leadOrganizationId, isParticipant: lead?.isParticipant ?? false },
    partners,
  });
}

/**
 * Stores the count and the joint flag with it (the CHECK keeps them in step). The version stays: a partner's answer
 * does not make the lead's open edit of the project stale.
 */
export async function setParticipation(
  db: DbOrTx,
  id: string,
  confirmedParticipants: number,
  joint: boolean,
  at: Date,
) {
  const [row] = await db
    .update(projects)
    .set({ confirmedParticipants, joint, updatedAt: at })
    .where(eq(projects.id, id))
    .returning();
  return row;
}

export interface OriginIds {
  originSolutionId?: string | null;
  originPilotId?: string | null;
  originApplicationId?: string | null;
  originDealId?: string | null;
}

/**
 * Which of the given origins belong to the lead organization: its solution, a pilot of its solution, its support
 * application, a deal in which it is a side. Others' records are as unknown as ids that exist nowhere.
 */
export async function findOwnedOrigins(db: DbOrTx, organizationId: string, ids: OriginIds) {
  const owned = new Set<keyof OriginIds>();
  const checks: Array<Promise<void>> = [];
  const check = (key: keyof OriginIds, query: () => Promise<unknown[]>) => {
    if (ids[key]) checks.push(query().then((rows) => void (rows.length && owned.add(key))));
  };
  check('originSolutionId', () =>
    db
      .select({ id: solutions.id })
      .from(solutions)
      .where(and(eq(solutions.id, ids.originSolutionId!), eq(solutions.organizationId, organizationId))),
  );
  check('originPilotId', () =>
    db
      .select({ id: pilots.id })
      .from(pilots)
      .innerJoin(solutions, eq(solutions.id, pilots.solutionId))
      .where(and(eq(pilots.id, ids.originPilotId!), eq(solutions.organizationId, organizationId))),
  );
  check('originApplicationId', () =>
    db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, ids.originApplicationId!), eq(applications.organizationId, organizationId))),
  );
  check('originDealId', () =>
    db
      .select({ id: deals.id })
      .from(deals)
      .where(
        and(
          eq(deals.id, ids.originDealId!),
          or(eq(deals.organizationId, organizationId), eq(deals.investorOrganizationId, organizationId)),
        ),
      ),
  );
  await Promise.all(checks);
  return owned;
}

/** The records a project came from, as links: a number and a title people recognise. */
export async function findOriginRefs(db: DbOrTx, project: ProjectRow) {
  const one = async <T>(id: string | null, query: (id: string) => Promise<T[]>) => (id ? (await query(id))[0] : null);
  const [solution, pilot, application, deal] = await Promise.all([
    one(project.originSolutionId, (id) =>
      db
        .select({ id: solutions.id, number: solutions.number, title: requests.title })
        .from(solutions)
        .innerJoin(requests, eq(requests.id, solutions.requestId))
        .where(eq(solutions.id, id)),
    ),
    one(project.originPilotId, (id) =>
      db
        .select({ id: pilots.id, number: pilots.number, title: requests.title })
        .from(pilots)
        .innerJoin(requests, eq(requests.id, pilots.requestId))
        .where(eq(pilots.id, id)),
    ),
    one(project.originApplicationId, (id) =>
      db
        .select({ id: applications.id, number: applications.number, title: measures.title })
        .from(applications)
        .innerJoin(measures, eq(measures.id, applications.measureId))
        .where(eq(applications.id, id)),
    ),
    one(project.originDealId, (id) =>
      db
        .select({ id: deals.id, number: deals.number, title: organizations.shortName })
        .from(deals)
        .innerJoin(organizations, eq(organizations.id, deals.investorOrganizationId))
        .where(eq(deals.id, id)),
    ),
  ]);
  return { solution: solution ?? null, pilot: pilot ?? null, application: application ?? null, deal: deal ?? null };
}

/**
 * A project of the organization for a consortium: led by it, with the distinct participants taking part now (the
 * joint rule over today's memberships: a participant suspended since confirming no longer makes up a consortium).
 */
export async function findLedProjectParticipation(db: DbOrTx, projectId: string, leadOrganizationId: string) {
  const project = await findProject(db, projectId);
  if (!project || project.leadOrganizationId !== leadOrganizationId) return undefined;
  return {
    id: project.id,
    number: project.number,
    status: project.status,
    confirmedParticipants: await countParticipants(db, project),
  };
}

// ——— the list ———

/**
 * Which projects a list shows: the showcase (implemented ones, optionally those an organization led or confirmed);
 * an organization's own (led, invited or confirmed) in any of `statuses`; or every project in `statuses` (operator).
 */
export type ProjectScope =
  | { kind: 'showcase'; organizationId?: string }
  | { kind: 'own'; organizationId: string; statuses?: ProjectStatus[] }
  | { kind: 'all'; statuses?: ProjectStatus[] };

export interface ProjectFilter {
  scope: ProjectScope;
  q?: string;
  /** match the single word of `q` by similarity to the titles, not by full text */
  fuzzy?: boolean;
  technology?: string;
  joint?: boolean;
  year?: number;
  district?: string;
}

export type ProjectSort = 'relevance' | 'newest';

const PROJECT_NUMBER = /^ПР-\d{4}-\d{6}$/i;

/** A single word full text may not know because of a typo: worth a second look by similarity to the titles. */
export const mayHaveTypo = (q: string | undefined) => {
  const query = q?.trim() ?? '';
  return query.length >= 4 && !/\s/.test(query) && !PROJECT_NUMBER.test(query);
};

/**
 * websearch_to_tsquery with every lexeme made a prefix, so a word finds its derivatives the Russian stemmer keeps
 * apart.
 */
const searchQuery = (q: string) =>
  sql`regexp_replace(websearch_to_tsquery('russian', ${q})::text, '''((?:[^'']|'''')+)''', '''\\1'':*', 'g')::tsquery`;

interface TextMatch {
  where?: SQL;
  rank?: SQL;
}

/** The exact number; Russian full text; or, with `fuzzy`, trigram similarity to the titles through their index. */
function textMatch(filter: ProjectFilter): TextMatch {
  const query = filter.q?.trim();
  if (!query) return {};
  if (PROJECT_NUMBER.test(query)) return { where: eq(projects.number, query.toUpperCase()) };
  if (filter.fuzzy && mayHaveTypo(query)) {
    const lowered = query.toLowerCase();
    return {
      where: sql`${lowered} <% lower(${projects.title})`,
      rank: sql`word_similarity(${lowered}, lower(${projects.title}))`,
    };
  }
  const tsquery = searchQuery(query);
  return {
    where: sql`${projects.searchVector} @@ ${tsquery}`,
    rank: sql`ts_rank(${projects.searchVector}, ${tsquery})`,
  };
}

const partnerOf = (organizationId: string, statuses: PartnerStatus[]) =>
  sql`exists (select 1 from ${projectPartners} where ${projectPartners.projectId} = ${projects.id}
    and ${projectPartners.organizationId} = ${organizationId}
    and ${projectPartners.status} in (${sql.join(
      statuses.map((s) => sql`${s}`),
      sql`, `,
    )}))`;

function scopeCondition(scope: ProjectScope): SQL {
  switch (scope.kind) {
    case 'showcase':
      return and(
        eq(projects.status, 'implemented'),
        scope.organizationId
          ? or(eq(projects.leadOrganizationId, scope.organizationId), partnerOf(scope.organizationId, ['confirmed']))
          : undefined,
      )!;
    case 'own':
      return and(
        or(
          eq(projects.leadOrganizationId, scope.organizationId),
          partnerOf(scope.organizationId, ['invited', 'confirmed']),
        ),
        scope.statuses?.length ? inArray(projects.status, scope.statuses) : undefined,
      )!;
    case 'all':
      return scope.statuses?.length ? inArray(projects.status, scope.statuses) : sql`true`;
  }
}

type FacetName = 'technology' | 'joint' | 'year' | 'district';

const implementedYear = sql`extract(year from ${projects.implementedOn})::int`;

/** One condition per facet filter that is set; the year as a range, so the (status, implemented_on) index serves it. */
function facetFilters(filter: ProjectFilter): Record<FacetName, SQL | undefined> {
  return {
    technology: filter.technology ? arrayContains(projects.technologies, [filter.technology]) : undefined,
    joint: filter.joint === undefined ? undefined : eq(projects.joint, filter.joint),
    year:
      filter.year === undefined
        ? undefined
        : sql`${projects.implementedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}`,
    district: filter.district ? eq(projects.leadDistrict, filter.district) : undefined,
  };
}

function baseCondition(filter: ProjectFilter, text: SQL | undefined) {
  return and(scopeCondition(filter.scope), text)!;
}

type PageRequest = ProjectFilter & { sort: ProjectSort; limit: number; offset: number };

/** The ids of one page of the list, in its order, from the indexes. */
export async function findProjectPageIds(db: DbOrTx, filter: PageRequest): Promise<string[]> {
  const text = textMatch(filter);
  const facets = Object.values(facetFilters(filter));
  // the showcase reads newest implemented first (the (status, implemented_on) index backwards); own lists newest
  // recorded first
  const newest =
    filter.scope.kind === 'showcase'
      ? [desc(projects.implementedOn), desc(projects.id)]
      : [desc(projects.createdAt), desc(projects.id)];
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(baseCondition(filter, text.where), ...facets))
    .orderBy(...(filter.sort === 'relevance' && text.rank ? [sql`${text.rank} desc`, ...newest] : newest))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map((r) => r.id);
}

/** The list rows of the given projects, in the given order, with their leads; never the description. */
export async function findProjectRows(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: projects.id,
      number: projects.number,
      title: projects.title,
      leadOrganizationId: projects.leadOrganizationId,
      leadName: organizations.shortName,
      leadDistrict: projects.leadDistrict,
      technologies: projects.technologies,
      trl: projects.trl,
      stage: projects.stage,
      status: projects.status,
      budgetKopecks: projects.budgetKopecks,
      startedOn: projects.startedOn,
      plannedEndOn: projects.plannedEndOn,
      implementedOn: projects.implementedOn,
      joint: projects.joint,
      confirmedParticipants: projects.confirmedParticipants,
      createdAt: projects.createdAt,
    })
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.leadOrganizationId))
    .where(inArray(projects.id, ids));
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

export type ProjectPageRow = Awaited<ReturnType<typeof findProjectRows>>[number];

/** How one organization takes part in each of the given projects it led or was invited to. */
export async function findPartnerStatuses(db: DbOrTx, organizationId: string, projectIds: string[]) {
  if (!projectIds.length) return new Map<string, PartnerStatus>();
  const rows = await db
    .select({ projectId: projectPartners.projectId, status: projectPartners.status })
    .from(projectPartners)
    .where(and(eq(projectPartners.organizationId, organizationId), inArray(projectPartners.projectId, projectIds)));
  return new Map(rows.map((r) => [r.projectId, r.status]));
}

export interface FacetRow {
  facet: FacetName | 'total';
  value: string | null;
  n: number;
}

/**
 * Counts of every value of every facet, and the total (facet 'total'), in one pass over the matching projects: each
 * row fans out into one (facet, value) pair per value it holds, flagged by whether it passes every filter but that
 * facet's own. A row failing two facet filters counts nowhere and is dropped before the fan-out. A question nobody
 * asked within the cache's minute costs a pass over every match: on the whole showcase (≈130 000 implemented at the
 * city's scale) that is the slow part, which the service's shared cache answers for everyone after the first.
 */
export async function countProjectFacets(db: DbOrTx, filter: ProjectFilter): Promise<FacetRow[]> {
  const filters = facetFilters(filter);
  const set = Object.values(filters).filter((c): c is SQL => c !== undefined);
  const allBut = (facet?: FacetName) =>
    and(
      sql`true`,
      ...Object.entries(filters)
        .filter(([name]) => name !== facet)
        .map(([, condition]) => condition),
    )!;
  // at most one filter fails: some filter is the only one left out — an OR of conjunctions the indexes can serve
  const failing = set.length > 1 ? or(...set.map((_, i) => and(...set.filter((_, j) => j !== i)))) : undefined;
  const result = await db.execute(sql`
    select facet, value, (count(*) filter (where ok))::int as n
      from ${projects}
     cross join lateral (
             select 'total' as facet, null::text as value, ${allBut()} as ok
             union all select 'joint', ${projects.joint}::text, ${allBut('joint')}
             union all select 'year', ${implementedYear}::text, ${allBut('year')}
               where ${isNotNull(projects.implementedOn)}
             union all select 'district', ${projects.leadDistrict}, ${allBut('district')}
               where ${isNotNull(projects.leadDistrict)}
             union all select 'technology', t, ${allBut('technology')} from unnest(${projects.technologies}) as t
           ) as fanned
     where ${and(baseCondition(filter, textMatch(filter).where), failing)}
     group by facet, value
    having count(*) filter (where ok) > 0 or facet = 'total'`);
  return (result as unknown as { rows: FacetRow[] }).rows;
}
