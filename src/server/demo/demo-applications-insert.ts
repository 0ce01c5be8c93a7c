// Writes generated demo applications with their timelines, tranches, reports and the demo expert's reviews, and
// commits their approved amounts to the measures' budgets. The only SQL for demo applications; what to write
// comes from demo-applications.ts.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import {
  applicationEvents,
  applicationReports,
  applications,
  experts,
  reviews,
  tranches,
} from '../db/schema/applications.ts';
import { measures } from '../db/schema/measures.ts';
import type { DemoApplication } from './demo-applications.ts';

// ~20 columns per application: 500 rows stay well below PostgreSQL's 65 535 bind parameters per statement
const APPLICATION_BATCH = 500;
const ROW_BATCH = 2000;

export interface InsertDemoApplicationsOptions {
  /** organization key (INN) → id */
  organizationIds: Map<string, string>;
  /** measure code → id */
  measureIds: Map<string, string>;
  /** The operator recorded for registrations, decisions and tranches. */
  operatorId: string;
  /** The applicant of organizations without a person of their own (generated ones), as the membership demo does. */
  defaultApplicantId: string;
  /** The owner acting for an organization (the demo accounts'), by organization key. */
  ownerIds?: Map<string, string>;
  /** The demo expert: joins the experts pool and gets the generated reviews. */
  expertUserId?: string;
  expertise?: string[];
  now: Date;
}

/**
 * Inserts everything in one transaction (a savepoint when `db` already is one). Meant for a database without
 * applications of its own: the generated numbers start at 1; afterwards `application_number_seq` continues past them.
 */
export async function insertDemoApplications(
  db: DbOrTx,
  apps: DemoApplication[],
  options: InsertDemoApplicationsOptions,
): Promise<void> {
  if (apps.length === 0) return;
  await db.transaction(async (tx) => {
    let expertId: string | undefined;
    if (options.expertUserId) {
      await tx
        .insert(experts)
        .values({ userId: options.expertUserId, expertise: options.expertise ?? [], createdAt: options.now })
        .onConflictDoNothing();
      const [row] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.userId, options.expertUserId));
      expertId = row.id;
    }

    const committed = new Map<string, bigint>();
    for (let start = 0; start < apps.length; start += APPLICATION_BATCH) {
      const batch = apps.slice(start, start + APPLICATION_BATCH);
      const rows = batch.map((app) => {
        const organizationId = options.organizationIds.get(app.organizationKey);
        const measureId = options.measureIds.get(app.measureCode);
        if (!organizationId || !measureId)
          throw new Error(`demo application ${app.number}: unknown organization or measure`);
        if (app.approvedAmountKopecks !== null) {
          committed.set(measureId, (committed.get(measureId) ?? 0n) + app.approvedAmountKopecks);
        }
        return {
          number: app.number,
          measureId,
          organizationId,
          applicantId: options.ownerIds?.get(app.organizationKey) ?? options.defaultApplicantId,
          status: app.status,
          requestedAmountKopecks: app.requestedAmountKopecks,
          approvedAmountKopecks: app.approvedAmountKopecks,
          paidKopecks: app.paidKopecks,
          answers: app.answers,
          promisedKpis: app.promisedKpis,
          lastComment: app.lastComment,
          submittedAt: app.submittedAt,
          decidedAt: app.decidedAt,
          version: app.version,
          createdAt: app.createdAt,
          updatedAt: app.updatedAt,
        };
      });
      const inserted = await tx
        .insert(applications)
        .values(rows)
        .returning({ id: applications.id, number: applications.number });
      // RETURNING order is not promised by SQL, so rows are matched back by their unique number
      const idByNumber = new Map(inserted.map((r) => [r.number, r.id]));

      const events: Array<typeof applicationEvents.$inferInsert> = [];
      const trancheRows: Array<typeof tranches.$inferInsert> = [];
      const reportRows: Array<typeof applicationReports.$inferInsert> = [];
      const reviewRows: Array<typeof reviews.$inferInsert> = [];
      for (const app of batch) {
        const applicationId = idByNumber.get(app.number)!;
        const companyActor = options.ownerIds?.get(app.organizationKey) ?? null;
        for (const e of app.events) {
          events.push({
            applicationId,
            status: e.status,
            comment: e.comment,
            actorId: e.actor === 'operator' ? options.operatorId : companyActor,
            at: e.at,
          });
        }
        for (const t of app.tranches) {
          trancheRows.push({ applicationId, ...t, recordedBy: options.operatorId });
        }
        for (const r of app.reports) reportRows.push({ applicationId, ...r });
        if (app.review && expertId) reviewRows.push({ applicationId, expertId, ...app.review });
      }
      // events in timeline order, so ids break ties between steps taken at the same moment
      for (let i = 0; i < events.length; i += ROW_BATCH)
        await tx.insert(applicationEvents).values(events.slice(i, i + ROW_BATCH));
      for (let i = 0; i < trancheRows.length; i += ROW_BATCH)
        await tx.insert(tranches).values(trancheRows.slice(i, i + ROW_BATCH));
      for (let i = 0; i < reportRows.length; i += ROW_BATCH) {
        await tx.insert(applicationReports).values(reportRows.slice(i, i + ROW_BATCH));
      }
      for (let i = 0; i < reviewRows.length; i += ROW_BATCH)
        await tx.insert(reviews).values(reviewRows.slice(i, i + ROW_BATCH));
    }

    for (const [measureId, amount] of committed) {
      // the CHECK on measures refuses a total above the budget, so a generator bug cannot slip through
      await tx
        .update(measures)
        .set({ committedKopecks: sql`${measures.committedKopecks} + ${amount}` })
        .where(eq(measures.id, measureId));
    }
    const highest = Math.max(...apps.map((a) => Number(a.number.slice(-6))));
    // never move the sequence backwards: numbers it already handed out must not be issued again
    await tx.execute(
      sql`select setval('application_number_seq', greatest(${highest}::bigint, (select last_value from application_number_seq)))`,
    );
  });
}
