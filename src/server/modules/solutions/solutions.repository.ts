import { and, asc, count, desc, eq, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SolutionStatus } from '../../../shared/innovation.ts';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { files } from '../../db/schema/files.ts';
import { organizations } from '../../db/schema/organizations.ts';
import { requestExperts, requestNdaAcceptances, requests } from '../../db/schema/requests.ts';
import { solutionDocuments, solutionNumberSeq, solutionScores, solutions } from '../../db/schema/solutions.ts';
import * as timelines from '../audit/status-events.repository.ts';

export type SolutionRow = typeof solutions.$inferSelect;
export type NewSolution = typeof solutions.$inferInsert;
export type ScoreRow = typeof solutionScores.$inferSelect;

// ---- requests, read only: the requests module is another engineer's, so its tables are read here directly

const requestColumns = {
  id: requests.id,
  number: requests.number,
  title: requests.title,
  organizationId: requests.organizationId,
  status: requests.status,
  publishedAt: requests.publishedAt,
  deadline: requests.deadline,
  ndaTerms: requests.ndaTerms,
  ndaVersion: requests.ndaVersion,
  criteria: requests.criteria,
};

export type RequestForSolutions = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function findRequest(db: DbOrTx, id: string) {
  const [row] = await db.select(requestColumns).from(requests).where(eq(requests.id, id));
  return row;
}

/** The organization accepted this version of the request's NDA terms. */
export async function hasNdaAcceptance(db: DbOrTx, requestId: string, organizationId: string, version: number) {
  const [row] = await db
    .select({ v: requestNdaAcceptances.termsVersion })
    .from(requestNdaAcceptances)
    .where(
      and(
        eq(requestNdaAcceptances.requestId, requestId),
        eq(requestNdaAcceptances.organizationId, organizationId),
        eq(requestNdaAcceptances.termsVersion, version),
      ),
    );
  return row !== undefined;
}

export async function isRequestExpert(db: DbOrTx, requestId: string, userId: string) {
  const [row] = await db
    .select({ userId: requestExperts.userId })
    .from(requestExperts)
    .where(and(eq(requestExperts.requestId, requestId), eq(requestExperts.userId, userId)));
  return row !== undefined;
}

export async function findOrganizationName(db: DbOrTx, id: string) {
  const [row] = await db.select({ name: organizations.shortName }).from(organizations).where(eq(organizations.id, id));
  return row?.name;
}

// ---- solutions

export async function findSolution(db: DbOrTx, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(solutions).where(eq(solutions.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row as SolutionRow | undefined;
}

/** The organization's solution to the request that is not withdrawn, if any. */
export async function findActiveSolution(db: DbOrTx, requestId: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(solutions)
    .where(
      and(
        eq(solutions.requestId, requestId),
        eq(solutions.organizationId, organizationId),
        ne(solutions.status, 'withdrawn'),
      ),
    );
  return row;
}

/** The next number of the solution_number_seq sequence; numbers are never reused. */
export async function nextSolutionSequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select nextval(${solutionNumberSeq.seqName})::int as n`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return Number(rows[0].n);
}

/** Inserts a draft, or answers undefined when the organization already has an active solution to the request. */
export async function insertSolution(db: DbOrTx, values: NewSolution): Promise<SolutionRow | undefined> {
  const [row] = await db.insert(solutions).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * Moves a solution from one status to the next only if it is still in `from` (and at `version` when given):
 * of two people acting at once, exactly one gets the row back. Writes the timeline entry too.
 */
export async function transitionSolution(
  db: DbOrTx,
  change: {
    id: string;
    from: SolutionStatus;
    to: SolutionStatus;
    version?: number;
    actorId: string;
    comment?: string | null;
    at: Date;
    set?: Partial<NewSolution>;
  },
): Promise<SolutionRow | undefined> {
  const [row] = await db
    .update(solutions)
    .set({
      ...change.set,
      status: change.to,
      ...(change.comment !== undefined ? { lastComment: change.comment } : {}),
      version: sql`${solutions.version} + 1`,
      updatedAt: change.at,
    })
    .where(
      and(
        eq(solutions.id, change.id),
        eq(solutions.status, change.from),
        change.version !== undefined ? eq(solutions.version, change.version) : undefined,
      ),
    )
    .returning();
  if (row) {
    await timelines.insertStatusEvent(db, 'solution', {
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

/** Changes the company's draft, only at `version`. */
export async function updateDraft(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<
    Pick<NewSolution, 'summary' | 'description' | 'novelty' | 'trl' | 'team' | 'priceKopecks' | 'pilotPlan'>
  >,
  at: Date,
): Promise<SolutionRow | undefined> {
  const [row] = await db
    .update(solutions)
    .set({ ...patch, version: sql`${solutions.version} + 1`, updatedAt: at })
    .where(and(eq(solutions.id, id), eq(solutions.version, version), eq(solutions.status, 'draft')))
    .returning();
  return row;
}

// ---- documents

/** Of the given file ids, those uploaded for the organization. */
export async function findOrganizationFileIds(db: DbOrTx, ids: string[], organizationId: string) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.organizationId, organizationId)));
  return new Set(rows.map((r) => r.id));
}

export async function replaceDocuments(db: DbOrTx, solutionId: string, fileIds: string[]) {
  await db.delete(solutionDocuments).where(eq(solutionDocuments.solutionId, solutionId));
  if (fileIds.length) {
    await db
      .insert(solutionDocuments)
      .values(fileIds.map((fileId) => ({ solutionId, fileId })))
      .onConflictDoNothing();
  }
}

export async function listDocuments(db: DbOrTx, solutionId: string) {
  return db
    .select({
      fileId: solutionDocuments.fileId,
      fileName: files.fileName,
      contentType: files.contentType,
      sizeBytes: files.sizeBytes,
    })
    .from(solutionDocuments)
    .innerJoin(files, eq(files.id, solutionDocuments.fileId))
    .where(eq(solutionDocuments.solutionId, solutionId))
    .orderBy(asc(files.createdAt), asc(files.id));
}

/** A file attached to the solution, with its content; undefined when it is not attached to it. */
export async function findDocumentFile(db: DbOrTx, solutionId: string, fileId: string) {
  const [row] = await db
    .select({ fileName: files.fileName, contentType: files.contentType, content: files.content })
    .from(solutionDocuments)
    .innerJoin(files, eq(files.id, solutionDocuments.fileId))
    .where(and(eq(solutionDocuments.solutionId, solutionId), eq(solutionDocuments.fileId, fileId)));
  return row;
}

// ---- scores

/** One scorer's scores; undefined when this person has already scored the solution. */
export async function insertScore(db: DbOrTx, values: typeof solutionScores.$inferInsert) {
  const [row] = await db.insert(solutionScores).values(values).onConflictDoNothing().returning();
  return row;
}

/** How many people scored the solution and the sum of their totals, as this transaction sees them. */
export async function aggregateScores(db: DbOrTx, solutionId: string) {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`.mapWith(Number),
      sum: sql<number>`coalesce(sum(${solutionScores.total}), 0)::int`.mapWith(Number),
    })
    .from(solutionScores)
    .where(eq(solutionScores.solutionId, solutionId));
  return row;
}

/**
 * Stores the average only if the count is still the one the caller's aggregate extends: a scorer that committed
 * in between makes this answer false, and the caller aggregates again, so no count is ever lost.
 */
export async function storeScoreAggregate(
  db: DbOrTx,
  solutionId: string,
  aggregate: { previousCount: number; count: number; average: number },
) {
  const rows = await db
    .update(solutions)
    .set({ scoreCount: aggregate.count, scoreAverage: aggregate.average })
    .where(and(eq(solutions.id, solutionId), eq(solutions.scoreCount, aggregate.previousCount)))
    .returning({ id: solutions.id });
  return rows.length > 0;
}

export async function listScores(db: DbOrTx, solutionId: string) {
  return db
    .select({
      scorerId: solutionScores.scorerId,
      scorerName: users.fullName,
      total: solutionScores.total,
      scores: solutionScores.scores,
      comment: solutionScores.comment,
      scoredAt: solutionScores.scoredAt,
    })
    .from(solutionScores)
    .innerJoin(users, eq(users.id, solutionScores.scorerId))
    .where(eq(solutionScores.solutionId, solutionId))
    .orderBy(asc(solutionScores.scoredAt), asc(solutionScores.scorerId));
}

// ---- lists

const customers = alias(organizations, 'customers');

/** The companies' own solutions, every status, with the request and its customer. */
export async function listOwnSolutions(
  db: DbOrTx,
  filter: {
    organizationIds?: string[];
    statuses?: SolutionStatus[];
    withDrafts: boolean;
    limit: number;
    offset: number;
  },
) {
  if (filter.organizationIds && !filter.organizationIds.length) return { items: [], total: 0 };
  const where = and(
    filter.organizationIds ? inArray(solutions.organizationId, filter.organizationIds) : undefined,
    filter.statuses?.length ? inArray(solutions.status, filter.statuses) : undefined,
    filter.withDrafts ? undefined : ne(solutions.status, 'draft'),
  );
  const items = await db
    .select({
      solution: solutions,
      organizationName: organizations.shortName,
      requestNumber: requests.number,
      requestTitle: requests.title,
      requestDeadline: requests.deadline,
      customerOrganizationId: requests.organizationId,
      customerName: customers.shortName,
    })
    .from(solutions)
    .innerJoin(organizations, eq(organizations.id, solutions.organizationId))
    .innerJoin(requests, eq(requests.id, solutions.requestId))
    .innerJoin(customers, eq(customers.id, requests.organizationId))
    .where(where)
    .orderBy(desc(solutions.createdAt), desc(solutions.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(solutions).where(where);
  return { items, total };
}

export type RequestSolutionsSort = 'submittedAt' | 'score';

/**
 * A request's solutions the customer side may see (submitted at some point: drafts never), with the scorer's own
 * score. `scoreOrder` 'own' sorts by the scorer's own score, for an expert who must not learn the others' order.
 */
export async function listRequestSolutions(
  db: DbOrTx,
  filter: {
    requestId: string;
    statuses?: SolutionStatus[];
    sort: RequestSolutionsSort;
    scoreOrder: 'average' | 'own';
    scorerId: string;
    limit: number;
    offset: number;
  },
) {
  const visible = and(eq(solutions.requestId, filter.requestId), isNotNull(solutions.submittedAt));
  const where = and(visible, filter.statuses?.length ? inArray(solutions.status, filter.statuses) : undefined);
  const mine = alias(solutionScores, 'mine');
  const order: SQL[] =
    filter.sort === 'score'
      ? [
          filter.scoreOrder === 'own'
            ? sql`${mine.total} desc nulls last`
            : sql`${solutions.scoreAverage} desc nulls last`,
          asc(solutions.submittedAt),
          asc(solutions.id),
        ]
      : [asc(solutions.submittedAt), asc(solutions.id)];
  const items = await db
    .select({
      solution: solutions,
      organizationName: organizations.shortName,
      mine: {
        scorerId: mine.scorerId,
        total: mine.total,
        scores: mine.scores,
        comment: mine.comment,
        scoredAt: mine.scoredAt,
      },
    })
    .from(solutions)
    .innerJoin(organizations, eq(organizations.id, solutions.organizationId))
    .leftJoin(mine, and(eq(mine.solutionId, solutions.id), eq(mine.scorerId, filter.scorerId)))
    .where(where)
    .orderBy(...order)
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db.select({ total: count() }).from(solutions).where(where);
  const counts = await db
    .select({ status: solutions.status, count: count() })
    .from(solutions)
    .where(visible)
    .groupBy(solutions.status);
  return { items, total, counts };
}
