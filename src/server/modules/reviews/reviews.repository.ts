import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { ReviewStatus } from '../../../shared/measures.ts';
import type { DbOrTx } from '../../db/client.ts';
import { applicationDocuments, applications, experts, reviews, type Score } from '../../db/schema/applications.ts';
import { users } from '../../db/schema/auth.ts';
import { files } from '../../db/schema/files.ts';
import { measures } from '../../db/schema/measures.ts';
import { organizationMembers, organizations } from '../../db/schema/organizations.ts';
import { projectPartners, projects } from '../../db/schema/projects.ts';
import { OPEN_REVIEW_STATUSES } from './review-status.ts';

export type ReviewRow = typeof reviews.$inferSelect;

/**
 * The organizations whose members may not judge an application of `orgId`: the applicant itself, and every
 * organization that works with it in a project — the lead and the confirmed partners of each project it leads or
 * confirmed its part in. An invitation not (yet) confirmed links nobody.
 */
export async function organizationsLinkedTo(db: DbOrTx, orgId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with together as (
      select ${projects.id} as project_id from ${projects} where ${projects.leadOrganizationId} = ${orgId}
      union
      select ${projectPartners.projectId} from ${projectPartners}
       where ${projectPartners.organizationId} = ${orgId} and ${projectPartners.status} = 'confirmed'
    )
    select ${projects.leadOrganizationId} as id from ${projects} join together on together.project_id = ${projects.id}
    union
    select ${projectPartners.organizationId} from ${projectPartners} join together on together.project_id = ${projectPartners.projectId}
     where ${projectPartners.status} = 'confirmed'`);
  const linked = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  return [orgId, ...linked.filter((id) => id !== orgId)];
}

export async function findUser(db: DbOrTx, userId: string) {
  const [row] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  return row;
}

/** Adds the user to the pool unless already there (answers undefined then). */
export async function insertExpert(db: DbOrTx, values: { userId: string; expertise: string[]; at: Date }) {
  const [row] = await db
    .insert(experts)
    .values({ userId: values.userId, expertise: values.expertise, createdAt: values.at })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** An ordinary user appointed to the pool becomes an expert; operators and admins keep their role. */
export async function promoteToExpert(db: DbOrTx, userId: string) {
  await db
    .update(users)
    .set({ role: 'expert' })
    .where(and(eq(users.id, userId), eq(users.role, 'user')));
}

export async function findExpertByUser(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId));
  return row;
}

/** The pool with each expert's current load: reviews assigned or declared but not yet submitted. */
export async function listExpertsWithLoad(db: DbOrTx, filter: { ids?: string[]; activeOnly?: boolean } = {}) {
  const load = db
    .select({ expertId: reviews.expertId, open: count().as('open') })
    .from(reviews)
    .where(inArray(reviews.status, [...OPEN_REVIEW_STATUSES]))
    .groupBy(reviews.expertId)
    .as('load');
  return db
    .select({
      id: experts.id,
      userId: experts.userId,
      fullName: users.fullName,
      email: users.email,
      expertise: experts.expertise,
      active: experts.active,
      createdAt: experts.createdAt,
      openReviews: sql<number>`coalesce(${load.open}, 0)::int`.mapWith(Number),
    })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .leftJoin(load, eq(load.expertId, experts.id))
    .where(
      and(
        filter.ids ? inArray(experts.id, filter.ids) : undefined,
        filter.activeOnly ? eq(experts.active, true) : undefined,
      ),
    )
    .orderBy(asc(users.fullName), asc(experts.id));
}

/** Experts (of the given ones, or of the whole pool) who are members of any of these organizations. */
export async function expertsInOrganizations(db: DbOrTx, organizationIds: string[], expertIds?: string[]) {
  if (!organizationIds.length || expertIds?.length === 0) return [];
  return db
    .selectDistinct({ id: experts.id, fullName: users.fullName })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .innerJoin(organizationMembers, eq(organizationMembers.userId, experts.userId))
    .where(
      and(
        inArray(organizationMembers.organizationId, organizationIds),
        expertIds ? inArray(experts.id, expertIds) : undefined,
      ),
    );
}

const applicationFields = {
  id: applications.id,
  number: applications.number,
  status: applications.status,
  organizationId: applications.organizationId,
  organizationName: organizations.shortName,
  technologies: organizations.technologies,
  answers: applications.answers,
  measureId: measures.id,
  measureTitle: measures.title,
  criteria: measures.criteria,
  expertsPerApplication: measures.expertsPerApplication,
};

/** An application with what review needs of its measure and organization; `lock` holds the row to the end of the transaction. */
export async function findApplicationForReview(db: DbOrTx, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select(applicationFields)
    .from(applications)
    .innerJoin(measures, eq(measures.id, applications.measureId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(applications.id, id));
  const [row] = options.lock ? await query.for('update', { of: applications }) : await query;
  return row;
}

export type ApplicationForReview = NonNullable<Awaited<ReturnType<typeof findApplicationForReview>>>;

export async function listApplicationReviews(db: DbOrTx, applicationId: string) {
  return db
    .select({ review: reviews, expertUserId: experts.userId, expertName: users.fullName })
    .from(reviews)
    .innerJoin(experts, eq(experts.id, reviews.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .where(eq(reviews.applicationId, applicationId))
    .orderBy(asc(reviews.assignedAt), asc(reviews.id));
}

export async function insertReviews(db: DbOrTx, rows: Array<{ applicationId: string; expertId: string; at: Date }>) {
  if (!rows.length) return [];
  return db
    .insert(reviews)
    .values(rows.map((r) => ({ applicationId: r.applicationId, expertId: r.expertId, assignedAt: r.at })))
    .onConflictDoNothing()
    .returning({ id: reviews.id, expertId: reviews.expertId });
}

/** One review with its expert's user and the application it judges. */
export async function findReview(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ review: reviews, expertUserId: experts.userId, application: applicationFields })
    .from(reviews)
    .innerJoin(experts, eq(experts.id, reviews.expertId))
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(measures, eq(measures.id, applications.measureId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(reviews.id, id));
  return row;
}

/** The expert's own reviews in the given statuses, newest assignment first. */
export async function listExpertReviews(db: DbOrTx, expertId: string, statuses: readonly ReviewStatus[]) {
  return db
    .select({ review: reviews, expertUserId: experts.userId, application: applicationFields })
    .from(reviews)
    .innerJoin(experts, eq(experts.id, reviews.expertId))
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(measures, eq(measures.id, applications.measureId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(reviews.expertId, expertId), inArray(reviews.status, [...statuses])))
    .orderBy(sql`${reviews.assignedAt} desc`, asc(reviews.id));
}

export async function listApplicationDocuments(db: DbOrTx, applicationId: string) {
  return db
    .select({
      fieldKey: applicationDocuments.fieldKey,
      fileId: files.id,
      fileName: files.fileName,
      contentType: files.contentType,
      sizeBytes: files.sizeBytes,
    })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.fieldKey), asc(files.fileName));
}

/** Moves a review on only if it is still in `from`: of two requests at once, exactly one gets the row back. */
export async function transitionReview(
  db: DbOrTx,
  change: {
    id: string;
    from: ReviewStatus;
    to: ReviewStatus;
    set?: {
      declaredAt?: Date;
      submittedAt?: Date;
      scores?: Score[];
      recommendation?: ReviewRow['recommendation'];
      weightedScore?: number;
    };
  },
) {
  const [row] = await db
    .update(reviews)
    .set({ ...change.set, status: change.to })
    .where(and(eq(reviews.id, change.id), eq(reviews.status, change.from)))
    .returning();
  return row;
}

/**
 * One page of reviews in (application number, review id) order after `after`: keyset paging for exports.
 * Scores stay out; the weighted score and the recommendation say enough in a table.
 */
export async function listReviewsPage(
  db: DbOrTx,
  filter: { statuses?: ReviewStatus[]; expertId?: string; applicationId?: string },
  after: { number: string; id: string } | null,
  limit: number,
) {
  return db
    .select({
      id: reviews.id,
      applicationNumber: applications.number,
      measureTitle: measures.title,
      organizationName: organizations.shortName,
      expertName: users.fullName,
      status: reviews.status,
      recommendation: reviews.recommendation,
      weightedScore: reviews.weightedScore,
      assignedAt: reviews.assignedAt,
      submittedAt: reviews.submittedAt,
    })
    .from(reviews)
    .innerJoin(experts, eq(experts.id, reviews.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(measures, eq(measures.id, applications.measureId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      and(
        filter.statuses?.length ? inArray(reviews.status, filter.statuses) : undefined,
        filter.expertId ? eq(reviews.expertId, filter.expertId) : undefined,
        filter.applicationId ? eq(reviews.applicationId, filter.applicationId) : undefined,
        after === null
          ? undefined
          : sql`(${applications.number}, ${reviews.id}) > (${after.number}, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(applications.number), asc(reviews.id))
    .limit(limit);
}
