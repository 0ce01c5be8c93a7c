// Requests for innovative solutions: the only code that queries their tables. The public list searches in Russian
// (full text with morphology and prefixes, trigram similarity on titles for typos, the exact number), filters on
// array columns through their GIN indexes and counts facets in one query.

import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  lte,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { RequestKind, RequestStatus } from '../../../shared/innovation.ts';
import type { DbOrTx } from '../../db/client.ts';
import { experts } from '../../db/schema/applications.ts';
import { users } from '../../db/schema/auth.ts';
import { organizationMembers, organizations } from '../../db/schema/organizations.ts';
import { requestExperts, requestNdaAcceptances, requestNumberSeq, requests } from '../../db/schema/requests.ts';
import { solutions } from '../../db/schema/solutions.ts';
import * as timelines from '../audit/status-events.repository.ts';

export type RequestRow = typeof requests.$inferSelect;
export type NewRequest = typeof requests.$inferInsert;

export async function nextRequestSequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select nextval(${requestNumberSeq.seqName})::int as n`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return Number(rows[0].n);
}

export async function insertRequest(db: DbOrTx, values: NewRequest): Promise<RequestRow> {
  const [row] = await db.insert(requests).values(values).returning();
  return row;
}

export async function findRequest(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(requests).where(eq(requests.id, id));
  return row;
}

/** Of the given ids, those that are requests. */
/** Of the given ids, the requests the customer may refer to: its own, and everyone's public ones. */
export async function findReferableRequestIds(db: DbOrTx, ids: string[], organizationId: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: requests.id })
    .from(requests)
    .where(
      and(
        inArray(requests.id, ids),
        or(
          eq(requests.organizationId, organizationId),
          inArray(requests.status, ['published', 'closed', 'resolved']),
          and(eq(requests.status, 'cancelled'), isNotNull(requests.publishedAt)),
        ),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

export async function listRequestsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: requests.id,
      number: requests.number,
      title: requests.title,
      status: requests.status,
      publishedAt: requests.publishedAt,
      organizationId: requests.organizationId,
    })
    .from(requests)
    .where(inArray(requests.id, ids))
    .orderBy(asc(requests.number));
}

/** Changes a draft only at `version`; undefined when it is no longer a draft or someone changed it first. */
export async function updateDraft(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewRequest>,
  at: Date,
): Promise<RequestRow | undefined> {
  const [row] = await db
    .update(requests)
    .set({ ...patch, version: sql`${requests.version} + 1`, updatedAt: at })
    .where(and(eq(requests.id, id), eq(requests.version, version), eq(requests.status, 'draft')))
    .returning();
  return row;
}

/**
 * Moves a request from one status to the next only if it is still in `from`: of two people (or the deadline job)
 * acting at once, exactly one gets the row back. Writes the timeline entry too.
 */
export async function transitionRequest(
  db: DbOrTx,
  change: {
    id: string;
    from: RequestStatus;
    to: RequestStatus;
    actorId: string | null;
    comment: string | null;
    at: Date;
    set?: Partial<NewRequest>;
  },
): Promise<RequestRow | undefined> {
  const [row] = await db
    .update(requests)
    .set({ ...change.set, status: change.to, version: sql`${requests.version} + 1`, updatedAt: change.at })
    .where(and(eq(requests.id, change.id), eq(requests.status, change.from)))
    .returning();
  if (row) {
    await timelines.insertStatusEvent(db, 'request', {
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

export async function findOrganizationName(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: organizations.id, shortName: organizations.shortName, capabilities: organizations.capabilities })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

/** Acceptances of one NDA version by any of the organizations, with their names. */
export async function listNdaAcceptances(
  db: DbOrTx,
  requestId: string,
  termsVersion: number,
  organizationIds: string[],
) {
  if (!organizationIds.length) return [];
  return db
    .select({
      organizationId: requestNdaAcceptances.organizationId,
      shortName: organizations.shortName,
      termsVersion: requestNdaAcceptances.termsVersion,
      acceptedAt: requestNdaAcceptances.acceptedAt,
    })
    .from(requestNdaAcceptances)
    .innerJoin(organizations, eq(organizations.id, requestNdaAcceptances.organizationId))
    .where(
      and(
        eq(requestNdaAcceptances.requestId, requestId),
        eq(requestNdaAcceptances.termsVersion, termsVersion),
        inArray(requestNdaAcceptances.organizationId, organizationIds),
      ),
    )
    .orderBy(asc(requestNdaAcceptances.acceptedAt));
}

/**
 * Records an acceptance once: accepting the same version again keeps the first record, which is answered
 * (`created` false).
 */
export async function acceptNda(db: DbOrTx, values: typeof requestNdaAcceptances.$inferInsert) {
  const [created] = await db.insert(requestNdaAcceptances).values(values).onConflictDoNothing().returning();
  if (created) return { row: created, created: true };
  const [row] = await db
    .select()
    .from(requestNdaAcceptances)
    .where(
      and(
        eq(requestNdaAcceptances.requestId, values.requestId),
        eq(requestNdaAcceptances.organizationId, values.organizationId),
        eq(requestNdaAcceptances.termsVersion, values.termsVersion),
      ),
    );
  return { row, created: false };
}

export async function isAppointedExpert(db: DbOrTx, requestId: string, userId: string) {
  const [row] = await db
    .select({ userId: requestExperts.userId })
    .from(requestExperts)
    .where(and(eq(requestExperts.requestId, requestId), eq(requestExperts.userId, userId)));
  return row !== undefined;
}

/** The user's entry in the expert pool, if any. */
export async function findPoolExpert(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row;
}

export async function listRequestExperts(db: DbOrTx, requestId: string) {
  return db
    .select({
      userId: requestExperts.userId,
      fullName: users.fullName,
      email: users.email,
      expertise: experts.expertise,
      appointedAt: requestExperts.appointedAt,
      appointedBy: requestExperts.appointedBy,
    })
    .from(requestExperts)
    .innerJoin(users, eq(users.id, requestExperts.userId))
    .leftJoin(experts, eq(experts.userId, requestExperts.userId))
    .where(eq(requestExperts.requestId, requestId))
    .orderBy(asc(requestExperts.appointedAt), asc(users.fullName));
}

/** Appoints once; answers whether this call appointed (false: already appointed). */
export async function appointExpert(db: DbOrTx, values: typeof requestExperts.$inferInsert) {
  const rows = await db.insert(requestExperts).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function removeExpert(db: DbOrTx, requestId: string, userId: string) {
  const rows = await db
    .delete(requestExperts)
    .where(and(eq(requestExperts.requestId, requestId), eq(requestExperts.userId, userId)))
    .returning();
  return rows.length > 0;
}

/** The given solutions of the request, with their status (others' ids are left out). */
export async function findSolutionsOfRequest(db: DbOrTx, requestId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: solutions.id, status: solutions.status })
    .from(solutions)
    .where(and(eq(solutions.requestId, requestId), inArray(solutions.id, ids)));
}

/** Published requests whose deadline has come, soonest first: the deadline job's work. */
export async function listExpiredPublished(db: DbOrTx, now: Date, limit: number) {
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.status, 'published'), lte(requests.deadline, now)))
    .orderBy(asc(requests.deadline), asc(requests.id))
    .limit(limit);
}

// ——— the list ———

/**
 * Which requests a list may show: any of `statuses`, or published and still open after `openAfter`, or published
 * with the deadline come by `expiredBy` (in the minute before the deadline job closes them; looked for a week
 * back). `publicOnly` leaves out drafts cancelled before they were ever published.
 */
export interface RequestVisibility {
  statuses: RequestStatus[];
  openAfter?: Date;
  expiredBy?: Date;
  publicOnly?: boolean;
}

export interface RequestFilter {
  visibility: RequestVisibility;
  q?: string;
  /** match the single word of `q` by similarity to the titles, not by full text */
  fuzzy?: boolean;
  kind?: RequestKind;
  organizationId?: string;
  scope?: string;
  technology?: string;
  problemType?: string;
}

export type RequestSort = 'relevance' | 'deadline' | 'newest';

const REQUEST_NUMBER = /^ЗИ-\d{4}-\d{6}$/i;

/** How long a published request past its deadline is looked for before the deadline job closes it. */
const EXPIRED_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** Each way a request may be visible, as its own condition: the page walks an index per branch. */
interface Branch {
  where: SQL;
  /** published requests past their deadline: a handful, closed by the job within the minute */
  few?: boolean;
}

function visibilityBranches(v: RequestVisibility): Branch[] {
  const published = eq(requests.status, 'published');
  const branches: Branch[] = v.statuses.map((status) => ({
    where:
      status === 'cancelled' && v.publicOnly
        ? and(eq(requests.status, status), isNotNull(requests.publishedAt))!
        : eq(requests.status, status),
  }));
  if (v.openAfter) branches.push({ where: and(published, gt(requests.deadline, v.openAfter))! });
  if (v.expiredBy) {
    // bounded, so the planner (which takes the deadline for independent of the status) sees how few they are: the
    // job closes them within the minute, and at start-up whatever passed while the server was down
    const since = new Date(v.expiredBy.getTime() - EXPIRED_WINDOW_MS);
    branches.push({
      where: and(published, lte(requests.deadline, v.expiredBy), gt(requests.deadline, since))!,
      few: true,
    });
  }
  return branches.length ? branches : [{ where: sql`false` }];
}

const visibilityCondition = (v: RequestVisibility) => or(...visibilityBranches(v).map((b) => b.where))!;

/**
 * websearch_to_tsquery with every lexeme made a prefix, so a word finds its derivatives the Russian stemmer keeps
 * apart («патент» finds «патентование»).
 */
const searchQuery = (q: string) =>
  sql`regexp_replace(websearch_to_tsquery('russian', ${q})::text, '''((?:[^'']|'''')+)''', '''\\1'':*', 'g')::tsquery`;

interface TextMatch {
  where?: SQL;
  rank?: SQL;
}

/** A single word full text may not know because of a typo: worth a second look by similarity to the titles. */
export const mayHaveTypo = (q: string | undefined) => {
  const query = q?.trim() ?? '';
  return query.length >= 4 && !/\s/.test(query) && !REQUEST_NUMBER.test(query);
};

/**
 * How the words match: the exact number; Russian full text (morphology, prefixes); or, with `fuzzy` (the caller saw
 * full text find nothing for a single word — a typo, «беспилотнык»), trigram similarity to the titles through their
 * trigram index. Only then: similarity is costly over thousands of rows, and a word that is found needs no forgiving.
 */
function textMatch(filter: RequestFilter): TextMatch {
  const query = filter.q?.trim();
  if (!query) return {};
  if (REQUEST_NUMBER.test(query)) return { where: eq(requests.number, query.toUpperCase()) };
  if (filter.fuzzy && mayHaveTypo(query)) {
    const lowered = query.toLowerCase();
    return {
      where: sql`${lowered} <% lower(${requests.title})`,
      rank: sql`word_similarity(${lowered}, lower(${requests.title}))`,
    };
  }
  const tsquery = searchQuery(query);
  return {
    where: sql`${requests.searchVector} @@ ${tsquery}`,
    rank: sql`ts_rank(${requests.searchVector}, ${tsquery})`,
  };
}

/** The words of a list's search as a condition, for other lists of requests (the exports) to find the same ones. */
export const requestTextCondition = (q: string | undefined) => textMatch({ q } as RequestFilter).where;

type FacetName = 'kind' | 'scope' | 'technology' | 'problemType';

/** One condition per facet filter that is set; arrays through their GIN indexes. */
function facetFilters(filter: RequestFilter): Record<FacetName, SQL | undefined> {
  return {
    kind: filter.kind ? eq(requests.kind, filter.kind) : undefined,
    scope: filter.scope ? arrayContains(requests.scopes, [filter.scope]) : undefined,
    technology: filter.technology ? arrayContains(requests.technologies, [filter.technology]) : undefined,
    problemType: filter.problemType ? arrayContains(requests.problemTypes, [filter.problemType]) : undefined,
  };
}

const ofCustomer = (filter: RequestFilter) =>
  filter.organizationId ? eq(requests.organizationId, filter.organizationId) : undefined;

/** What every count and the page share: visibility, the customer, the text. */
function baseCondition(filter: RequestFilter, text: SQL | undefined) {
  return and(visibilityCondition(filter.visibility), ofCustomer(filter), text)!;
}

// "newest": descending publication, drafts (never published) first, as the (status, published_at) index reads
// backwards; "deadline": the soonest first, as (status, deadline) reads forwards
const ORDER: Record<Exclude<RequestSort, 'relevance'>, { columns: SQL[]; aliases: SQL }> = {
  deadline: { columns: [asc(requests.deadline), asc(requests.id)], aliases: sql`deadline asc, id asc` },
  newest: {
    columns: [desc(requests.publishedAt), desc(requests.createdAt), asc(requests.id)],
    aliases: sql`published_at desc, created_at desc, id asc`,
  },
};

type PageRequest = RequestFilter & { sort: RequestSort; limit: number; offset: number };

/**
 * The page's ids, from the indexes: a text search ranks its matches; otherwise each way of being visible (each
 * status, open or expired) is walked in its own index in the page's order, offset + limit rows at most each, and
 * the branches merged — never a sort of the whole archive.
 */
async function findPageIds(db: DbOrTx, filter: PageRequest, text: TextMatch): Promise<string[]> {
  const facets = Object.values(facetFilters(filter));
  const order = ORDER[filter.sort === 'relevance' ? 'deadline' : filter.sort];
  if (text.where) {
    const rows = await db
      .select({ id: requests.id })
      .from(requests)
      .where(and(baseCondition(filter, text.where), ...facets))
      .orderBy(
        ...(filter.sort === 'relevance' && text.rank
          ? [sql`${text.rank} desc`, asc(requests.deadline), asc(requests.id)]
          : order.columns),
      )
      .limit(filter.limit)
      .offset(filter.offset);
    return rows.map((r) => r.id);
  }
  const branches = visibilityBranches(filter.visibility);
  if (branches.length === 1) {
    const rows = await db
      .select({ id: requests.id })
      .from(requests)
      .where(and(branches[0].where, ofCustomer(filter), ...facets))
      .orderBy(...order.columns)
      .limit(filter.limit)
      .offset(filter.offset);
    return rows.map((r) => r.id);
  }
  const columns = sql`${requests.id} as id, ${requests.deadline} as deadline, ${requests.publishedAt} as published_at,
    ${requests.createdAt} as created_at`;
  const parts = branches.map((branch) => {
    const where = and(branch.where, ofCustomer(filter), ...facets);
    const take = filter.offset + filter.limit;
    // the planner, guessing deadlines independent of status, would walk every published request backwards in
    // publication order looking for expired ones; the fence (offset 0) makes it take the few by their deadline
    return branch.few
      ? sql`(select * from (select ${columns} from ${requests} where ${where} offset 0) as few
          order by ${order.aliases} limit ${take})`
      : sql`(select ${columns} from ${requests} where ${where} order by ${sql.join(order.columns, sql`, `)} limit ${take})`;
  });
  const result = await db.execute(
    sql`select id from (${sql.join(parts, sql` union `)}) as branches order by ${order.aliases} limit ${filter.limit} offset ${filter.offset}`,
  );
  return (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
}

/** The ids of one page of the list, in its order, from the indexes alone. */
export async function findRequestPageIds(db: DbOrTx, filter: PageRequest): Promise<string[]> {
  return findPageIds(db, filter, textMatch(filter));
}

/** The list rows of the given requests, in the given order, with their customers; never the description. */
export async function findRequestRows(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: requests.id,
      number: requests.number,
      organizationId: requests.organizationId,
      customerName: organizations.shortName,
      kind: requests.kind,
      title: requests.title,
      brief: requests.brief,
      scopes: requests.scopes,
      technologies: requests.technologies,
      problemTypes: requests.problemTypes,
      minTrl: requests.minTrl,
      rewardKind: requests.rewardKind,
      budgetKopecks: requests.budgetKopecks,
      pilotOffered: requests.pilotOffered,
      deadline: requests.deadline,
      ndaRequired: sql<boolean>`${requests.ndaTerms} is not null`.mapWith(Boolean),
      status: requests.status,
      publishedAt: requests.publishedAt,
      closedAt: requests.closedAt,
      createdAt: requests.createdAt,
    })
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.organizationId))
    .where(inArray(requests.id, ids));
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

export type RequestPageRow = Awaited<ReturnType<typeof findRequestRows>>[number];

export interface FacetRow {
  facet: FacetName | 'total';
  value: string | null;
  n: number;
}

/**
 * Counts of every value of every facet, and the total (facet 'total'), in one pass over the matching requests: each
 * row fans out into one (facet, value) pair per value it holds, flagged by whether it passes every filter but that
 * facet's own — so a person can switch from one sphere to another without clearing the filter first. A row failing
 * two facet filters counts nowhere and is dropped before the fan-out.
 */
export async function countRequestFacets(db: DbOrTx, filter: RequestFilter): Promise<FacetRow[]> {
  const filters = facetFilters(filter);
  const set = Object.values(filters).filter((c): c is SQL => c !== undefined);
  const allBut = (facet?: FacetName) =>
    and(
      sql`true`,
      ...Object.entries(filters)
        .filter(([name]) => name !== facet)
        .map(([, condition]) => condition),
    )!;
  const failing =
    set.length > 1
      ? sql`(${sql.join(
          set.map((c) => sql`(not ${c})::int`),
          sql` + `,
        )}) <= 1`
      : undefined;
  const result = await db.execute(sql`
    select facet, value, (count(*) filter (where ok))::int as n
      from ${requests}
     cross join lateral (
             select 'total' as facet, null::text as value, ${allBut()} as ok
             union all select 'kind', ${requests.kind}, ${allBut('kind')}
             union all select 'scope', s, ${allBut('scope')} from unnest(${requests.scopes}) as s
             union all select 'technology', t, ${allBut('technology')} from unnest(${requests.technologies}) as t
             union all select 'problemType', p, ${allBut('problemType')} from unnest(${requests.problemTypes}) as p
           ) as fanned
     where ${and(baseCondition(filter, textMatch(filter).where), failing)}
     group by facet, value
    having count(*) filter (where ok) > 0 or facet = 'total'`);
  return (result as unknown as { rows: FacetRow[] }).rows;
}

/** Draft solutions to published requests whose deadline is in (from, until]: their deadline reminders. */
export async function listDraftSolutionsClosingBetween(db: DbOrTx, from: Date, until: Date) {
  return db
    .select({
      solutionId: solutions.id,
      organizationId: solutions.organizationId,
      requestId: requests.id,
      requestNumber: requests.number,
      requestTitle: requests.title,
      deadline: requests.deadline,
    })
    .from(solutions)
    .innerJoin(requests, eq(requests.id, solutions.requestId))
    .where(
      and(
        eq(solutions.status, 'draft'),
        eq(requests.status, 'published'),
        gt(requests.deadline, from),
        lte(requests.deadline, until),
      ),
    )
    .orderBy(asc(requests.deadline), asc(solutions.id));
}

/**
 * Cluster participants (admitted to the registry) whose technology areas overlap `technologies`, most shared areas
 * first, at most `limit`; never the customer itself. With the areas they share, for the reason shown to them.
 */
export async function listMatchingParticipants(
  db: DbOrTx,
  technologies: string[],
  customerOrganizationId: string,
  limit: number,
) {
  if (!technologies.length) return [];
  const wanted = sql`array[${sql.join(
    technologies.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const shared = sql<string[]>`array(select unnest(${organizations.technologies}) intersect select unnest(${wanted}))`;
  return db
    .select({ organizationId: organizations.id, shared })
    .from(organizations)
    .where(
      and(
        eq(organizations.membershipStatus, 'participant'),
        sql`${organizations.technologies} && ${wanted}`,
        sql`${organizations.id} <> ${customerOrganizationId}`,
      ),
    )
    .orderBy(sql`cardinality(${shared}) desc`, asc(organizations.id))
    .limit(limit);
}

/** The people acting for these organizations who do not also act for `exceptOrganizationId` (the customer). */
export async function listPeopleOfOrganizations(db: DbOrTx, organizationIds: string[], exceptOrganizationId: string) {
  if (!organizationIds.length) return [];
  const customerPeople = db
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(eq(organizationMembers.organizationId, exceptOrganizationId));
  return db
    .select({ organizationId: organizationMembers.organizationId, userId: users.id, email: users.email })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(
        inArray(organizationMembers.organizationId, organizationIds),
        notInArray(organizationMembers.userId, customerPeople),
      ),
    )
    .orderBy(asc(organizationMembers.organizationId), asc(users.id));
}
