import { and, asc, count, desc, eq, gt, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { ApplicationStatus, ReportStatus } from '../../../shared/measures.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  applicationDocuments,
  applicationEvents,
  applicationNumberSeq,
  applicationReports,
  applicationStatusCounts,
  applicationStatusTotals,
  applications,
  tranches,
} from '../../db/schema/applications.ts';
import { users } from '../../db/schema/auth.ts';
import { files } from '../../db/schema/files.ts';
import { measures } from '../../db/schema/measures.ts';
import { organizationMembers, organizations } from '../../db/schema/organizations.ts';
import { EDITABLE_STATUSES } from './application-status.ts';

export type ApplicationRow = typeof applications.$inferSelect;

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** The application with the user's role in its organization (none when not a member), in one round trip. */
export async function findApplicationWithOrgRole(db: DbOrTx, id: string, userId: string) {
  const [found] = await db
    .select({ row: applications, orgRole: organizationMembers.orgRole })
    .from(applications)
    .leftJoin(
      organizationMembers,
      and(eq(organizationMembers.organizationId, applications.organizationId), eq(organizationMembers.userId, userId)),
    )
    .where(eq(applications.id, id));
  return found ? { row: found.row, orgRole: found.orgRole ?? undefined } : undefined;
}

/**
 * Moves an application from one status to the next only if it is still in `from` (and at `version` when
 * given): of two people acting at once, exactly one gets the row back. Writes the timeline entry too.
 */
export async function transitionApplication(
  db: DbOrTx,
  change: {
    id: string;
    from: ApplicationStatus;
    to: ApplicationStatus;
    version?: number;
    actorId: string | null;
    comment?: string | null;
    at: Date;
    set?: Partial<typeof applications.$inferInsert>;
  },
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({
      ...change.set,
      status: change.to,
      ...(change.comment !== undefined ? { lastComment: change.comment } : {}),
      version: sql`${applications.version} + 1`,
      updatedAt: change.at,
    })
    .where(
      and(
        eq(applications.id, change.id),
        eq(applications.status, change.from),
        change.version !== undefined ? eq(applications.version, change.version) : undefined,
      ),
    )
    .returning();
  if (row) {
    await db.insert(applicationEvents).values({
      applicationId: row.id,
      status: change.to,
      comment: change.comment ?? null,
      actorId: change.actorId,
      at: change.at,
    });
  }
  return row;
}

export type NewApplication = typeof applications.$inferInsert;
export type MeasureRow = typeof measures.$inferSelect;
export type ReportRow = typeof applicationReports.$inferSelect;

export async function findMeasure(db: DbOrTx, id: string): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(measures).where(eq(measures.id, id));
  return row;
}

/** The next number of the application_number_seq sequence; numbers are never reused. */
export async function nextApplicationSequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select nextval(${applicationNumberSeq.seqName})::int as n`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return Number(rows[0].n);
}

/** Inserts a draft, or answers undefined when the organization already has an open one for the measure. */
export async function insertApplication(db: DbOrTx, values: NewApplication): Promise<ApplicationRow | undefined> {
  const [row] = await db.insert(applications).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertEvent(
  db: DbOrTx,
  event: { applicationId: string; status: ApplicationStatus; comment: string | null; actorId: string | null; at: Date },
) {
  await db.insert(applicationEvents).values(event);
}

/** Names (or, with null, forgets) the application's consortium project; the version stays as the edit left it. */
export async function setApplicationProject(
  db: DbOrTx,
  id: string,
  projectId: string | null,
): Promise<ApplicationRow | undefined> {
  const [row] = await db.update(applications).set({ projectId }).where(eq(applications.id, id)).returning();
  return row;
}

/** Changes the company's answers of a draft or returned application, only at `version`. */
export async function updateEditable(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<Pick<NewApplication, 'answers' | 'requestedAmountKopecks' | 'promisedKpis'>>,
  at: Date,
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...patch, version: sql`${applications.version} + 1`, updatedAt: at })
    .where(
      and(
        eq(applications.id, id),
        eq(applications.version, version),
        inArray(applications.status, [...EDITABLE_STATUSES]),
      ),
    )
    .returning();
  return row;
}

/**
 * Commits an approved amount to the measure's budget only if it still fits: concurrent approvals queue on the
 * measure's row and each re-checks the condition, so the budget is never exceeded. Undefined when refused.
 */
export async function commitBudget(db: DbOrTx, measureId: string, amount: bigint) {
  const [row] = await db
    .update(measures)
    .set({ committedKopecks: sql`${measures.committedKopecks} + ${amount}` })
    .where(and(eq(measures.id, measureId), sql`${measures.committedKopecks} + ${amount} <= ${measures.budgetKopecks}`))
    .returning({ budgetKopecks: measures.budgetKopecks, committedKopecks: measures.committedKopecks });
  return row;
}

/** Adds a paid tranche to the application only if the total stays within the approved amount. */
export async function addPaid(db: DbOrTx, id: string, amount: bigint, at: Date) {
  const [row] = await db
    .update(applications)
    .set({ paidKopecks: sql`${applications.paidKopecks} + ${amount}`, updatedAt: at })
    .where(
      and(
        eq(applications.id, id),
        inArray(applications.status, ['agreement_signed', 'disbursing']),
        sql`${applications.paidKopecks} + ${amount} <= coalesce(${applications.approvedAmountKopecks}, 0)`,
      ),
    )
    .returning();
  return row;
}

export async function insertTranche(db: DbOrTx, values: typeof tranches.$inferInsert) {
  const [row] = await db.insert(tranches).values(values).returning();
  return row;
}

export async function listTranches(db: DbOrTx, applicationId: string) {
  return db
    .select()
    .from(tranches)
    .where(eq(tranches.applicationId, applicationId))
    .orderBy(asc(tranches.paidAt), asc(tranches.id));
}

/** Replaces the documents attached to an application with the given file answers. */
export async function replaceDocuments(
  db: DbOrTx,
  applicationId: string,
  documents: Array<{ fieldKey: string; fileId: string }>,
  at: Date,
) {
  await db.delete(applicationDocuments).where(eq(applicationDocuments.applicationId, applicationId));
  if (documents.length) {
    await db
      .insert(applicationDocuments)
      .values(documents.map((d) => ({ ...d, applicationId, attachedAt: at })))
      .onConflictDoNothing();
  }
}

export async function listDocuments(db: DbOrTx, applicationId: string) {
  return db
    .select({
      fieldKey: applicationDocuments.fieldKey,
      fileId: applicationDocuments.fileId,
      fileName: files.fileName,
      contentType: files.contentType,
      sizeBytes: files.sizeBytes,
      attachedAt: applicationDocuments.attachedAt,
    })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.fieldKey), asc(applicationDocuments.attachedAt));
}

/** Of the given file ids, those the organization (or this user) uploaded. */
export async function findUsableFileIds(db: DbOrTx, ids: string[], organizationId: string, userId: string) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), or(eq(files.organizationId, organizationId), eq(files.uploadedBy, userId))));
  return new Set(rows.map((r) => r.id));
}

export async function insertReports(db: DbOrTx, applicationId: string, dueDates: string[]) {
  if (!dueDates.length) return;
  await db
    .insert(applicationReports)
    .values(dueDates.map((dueOn, i) => ({ applicationId, sequence: i + 1, dueOn })))
    .onConflictDoNothing();
}

export async function listReports(db: DbOrTx, applicationId: string) {
  return db
    .select()
    .from(applicationReports)
    .where(eq(applicationReports.applicationId, applicationId))
    .orderBy(asc(applicationReports.sequence));
}

/** Moves a report from one of `from` to `to` only if it is still there; undefined otherwise. */
export async function transitionReport(
  db: DbOrTx,
  change: {
    applicationId: string;
    reportId: string;
    from: ReportStatus[];
    to: ReportStatus;
    set?: Partial<typeof applicationReports.$inferInsert>;
  },
): Promise<ReportRow | undefined> {
  const [row] = await db
    .update(applicationReports)
    .set({ ...change.set, status: change.to })
    .where(
      and(
        eq(applicationReports.id, change.reportId),
        eq(applicationReports.applicationId, change.applicationId),
        inArray(applicationReports.status, change.from),
      ),
    )
    .returning();
  return row;
}

/**
 * Reports still owed (due or returned) by applications in a reporting status, due between `from` and `until`
 * (inclusive dates): the candidates for a reminder or an overdue notice.
 */
export async function listOwedReportsDueBetween(
  db: DbOrTx,
  from: string,
  until: string,
  statuses: readonly ApplicationStatus[],
) {
  return db
    .select({
      reportId: applicationReports.id,
      sequence: applicationReports.sequence,
      dueOn: applicationReports.dueOn,
      applicationId: applications.id,
      number: applications.number,
      organizationId: applications.organizationId,
      measureTitle: measures.title,
    })
    .from(applicationReports)
    .innerJoin(applications, eq(applications.id, applicationReports.applicationId))
    .innerJoin(measures, eq(measures.id, applications.measureId))
    .where(
      and(
        inArray(applicationReports.status, ['due', 'returned']),
        gte(applicationReports.dueOn, from),
        lte(applicationReports.dueOn, until),
        inArray(applications.status, [...statuses]),
      ),
    )
    .orderBy(asc(applicationReports.dueOn));
}

export async function countOpenReports(db: DbOrTx, applicationId: string) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(applicationReports)
    .where(and(eq(applicationReports.applicationId, applicationId), ne(applicationReports.status, 'accepted')));
  return n;
}

export async function listEvents(db: DbOrTx, applicationId: string) {
  return db
    .select({
      status: applicationEvents.status,
      comment: applicationEvents.comment,
      at: applicationEvents.at,
      actorName: users.fullName,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
}

export interface ApplicationFilter {
  /** a company's view: only these organizations */
  organizationIds?: string[];
  statuses?: ApplicationStatus[];
  measureId?: string;
  q?: string;
}

/** A name matching more organizations than this is too vague to search the queue by; the first ones are taken. */
const SEARCH_ORGANIZATIONS_MAX = 1000;

function filterWhere(filter: ApplicationFilter, withStatus: boolean): SQL | undefined {
  const q = filter.q?.trim();
  const pattern = q ? `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    filter.organizationIds ? inArray(applications.organizationId, filter.organizationIds) : undefined,
    withStatus && filter.statuses?.length ? inArray(applications.status, filter.statuses) : undefined,
    filter.measureId ? eq(applications.measureId, filter.measureId) : undefined,
    pattern
      ? or(
          // lower(short_name) LIKE is served by the trigram index on organizations; as an array (not a join) the
          // matching organizations reach the applications through their index, whatever the planner guesses
          sql`${applications.organizationId} = any(array(select ${organizations.id} from ${organizations} where lower(${organizations.shortName}) like ${pattern} limit ${SEARCH_ORGANIZATIONS_MAX}))`,
          eq(applications.number, q!.toUpperCase()),
        )
      : undefined,
  );
}

export type ApplicationSort = 'newest' | 'oldest' | 'updated' | 'amount';

const ORDER: Record<ApplicationSort, SQL[]> = {
  newest: [desc(applications.createdAt), desc(applications.id)],
  oldest: [asc(applications.createdAt), asc(applications.id)],
  updated: [desc(applications.updatedAt), desc(applications.id)],
  amount: [desc(applications.requestedAmountKopecks), asc(applications.id)],
};

export async function listApplications(
  db: DbOrTx,
  filter: ApplicationFilter & { sort: ApplicationSort; limit: number; offset: number },
) {
  if (filter.organizationIds && !filter.organizationIds.length) return { items: [], total: 0, counts: [] };
  const where = filterWhere(filter, true);
  // the page's ids first, from the (status, created_at, id) index alone; only those twenty rows are then joined,
  // so a deep page costs an index walk, not thousands of joins
  const page = db
    .select({ id: applications.id })
    .from(applications)
    .where(where)
    .orderBy(...ORDER[filter.sort])
    .limit(filter.limit)
    .offset(filter.offset)
    .as('page');
  // the page and the tab counts are independent: outside a transaction they go out on two pooled connections at once
  const [items, counts] = await Promise.all([
    db
      .select({
        application: applications,
        measureTitle: measures.title,
        organizationName: organizations.shortName,
      })
      .from(page)
      .innerJoin(applications, eq(applications.id, page.id))
      .innerJoin(measures, eq(measures.id, applications.measureId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .orderBy(...ORDER[filter.sort]),
    countByStatus(db, filter),
  ]);
  // the counts ignore only the status filter, so the list's total is the sum of the chosen statuses' counts
  const total = counts
    .filter((c) => !filter.statuses?.length || filter.statuses.includes(c.status))
    .reduce((sum, c) => sum + c.count, 0);
  return { items, total, counts };
}

/** Counts by status ignore the status filter, so the tabs show what each would hold. */
async function countByStatus(db: DbOrTx, filter: ApplicationFilter) {
  if (filter.q?.trim() || filter.organizationIds) {
    return db
      .select({ status: applications.status, count: count() })
      .from(applications)
      .where(filterWhere(filter, false))
      .groupBy(applications.status);
  }
  // one measure's or the whole queue's: the counters kept by the trigger, never a scan of the applications
  return filter.measureId
    ? sumCounters(db, applicationStatusCounts, eq(applicationStatusCounts.measureId, filter.measureId))
    : sumCounters(db, applicationStatusTotals);
}

/** Per status, the sum of a counter table's slots (statuses with none left out). */
function sumCounters(
  db: DbOrTx,
  counters: typeof applicationStatusCounts | typeof applicationStatusTotals,
  where?: SQL,
) {
  return db
    .select({ status: counters.status, count: sql<number>`sum(${counters.n})::int`.mapWith(Number) })
    .from(counters)
    .where(where)
    .groupBy(counters.status)
    .having(sql`sum(${counters.n}) > 0`);
}

/**
 * One page of the filtered list in number order (numbers grow with time), after `afterNumber`: keyset paging for
 * exports, so every page costs the same however deep it is and nothing is read twice.
 */
export async function listApplicationsPage(
  db: DbOrTx,
  filter: ApplicationFilter,
  afterNumber: string | null,
  limit: number,
) {
  return db
    .select({
      number: applications.number,
      status: applications.status,
      requestedAmountKopecks: applications.requestedAmountKopecks,
      approvedAmountKopecks: applications.approvedAmountKopecks,
      paidKopecks: applications.paidKopecks,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
      createdAt: applications.createdAt,
      measureTitle: measures.title,
      organizationName: organizations.shortName,
      organizationInn: organizations.inn,
    })
    .from(applications)
    .innerJoin(measures, eq(measures.id, applications.measureId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(filterWhere(filter, true), afterNumber === null ? undefined : gt(applications.number, afterNumber)))
    .orderBy(asc(applications.number))
    .limit(limit);
}

/** Draft applications to published measures whose window closes in (from, until]: their deadline reminders. */
export async function listDraftApplicationsClosingBetween(db: DbOrTx, from: Date, until: Date) {
  return db
    .select({
      applicationId: applications.id,
      organizationId: applications.organizationId,
      measureId: measures.id,
      measureTitle: measures.title,
      closesAt: measures.closesAt,
    })
    .from(applications)
    .innerJoin(measures, eq(measures.id, applications.measureId))
    .where(
      and(
        eq(applications.status, 'draft'),
        eq(measures.status, 'published'),
        gt(measures.closesAt, from),
        lte(measures.closesAt, until),
      ),
    )
    .orderBy(asc(measures.closesAt), asc(applications.id));
}
