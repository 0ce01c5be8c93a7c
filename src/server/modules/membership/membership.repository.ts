import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { MembershipKind, MembershipStatus } from '../../../shared/domain.ts';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { membershipApplications, membershipEvents, registryNumberSeq } from '../../db/schema/membership.ts';
import { organizations } from '../../db/schema/organizations.ts';

export type MembershipRow = typeof membershipApplications.$inferSelect;

/** Opens a case unless the organization already has an open one (answers undefined then). */
export async function insertApplication(
  db: DbOrTx,
  values: { organizationId: string; kind: MembershipKind; applicantId: string; comment?: string | null; at: Date },
) {
  const { at, ...rest } = values;
  const [row] = await db
    .insert(membershipApplications)
    .values({ ...rest, status: 'applied', createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findApplication(db: DbOrTx, id: string) {
  const [row] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
  return row;
}

export async function findLatestApplication(db: DbOrTx, organizationId: string) {
  const [row] = await db
    .select()
    .from(membershipApplications)
    .where(eq(membershipApplications.organizationId, organizationId))
    .orderBy(desc(membershipApplications.createdAt))
    .limit(1);
  return row;
}

/**
 * Moves a case from one status to the next only if it is still in `from` (and at `version` when given):
 * of two operators deciding at once, exactly one gets the row back.
 */
export async function transitionApplication(
  db: DbOrTx,
  change: {
    id: string;
    from: MembershipStatus;
    to: MembershipStatus;
    version?: number;
    reason: string | null;
    actorId: string;
    at: Date;
    decided: boolean;
  },
) {
  const [row] = await db
    .update(membershipApplications)
    .set({
      status: change.to,
      lastReason: change.reason,
      version: sql`${membershipApplications.version} + 1`,
      updatedAt: change.at,
      ...(change.decided ? { decidedBy: change.actorId, decidedAt: change.at } : {}),
    })
    .where(
      and(
        eq(membershipApplications.id, change.id),
        eq(membershipApplications.status, change.from),
        change.version !== undefined ? eq(membershipApplications.version, change.version) : undefined,
      ),
    )
    .returning();
  return row;
}

export async function insertEvent(
  db: DbOrTx,
  event: { applicationId: string; status: MembershipStatus; reason: string | null; actorId: string | null; at: Date },
) {
  await db.insert(membershipEvents).values(event);
}

export async function listEvents(db: DbOrTx, applicationId: string) {
  return db
    .select({
      status: membershipEvents.status,
      reason: membershipEvents.reason,
      at: membershipEvents.at,
      actorName: users.fullName,
    })
    .from(membershipEvents)
    .leftJoin(users, eq(users.id, membershipEvents.actorId))
    .where(eq(membershipEvents.applicationId, applicationId))
    .orderBy(asc(membershipEvents.at), asc(membershipEvents.id));
}

export async function nextRegistrySequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select nextval(${registryNumberSeq.seqName})::int as n`);
  const rows = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return Number(rows[0].n);
}

/** Keeps the organization's current membership in step with its case, in the same transaction. */
export async function setOrganizationMembership(
  db: DbOrTx,
  organizationId: string,
  values: {
    membershipStatus: MembershipStatus;
    membershipKind: MembershipKind;
    registryNumber?: string;
    admittedAt?: Date;
    at: Date;
  },
) {
  const { at, ...rest } = values;
  await db
    .update(organizations)
    .set({ ...rest, updatedAt: at, version: sql`${organizations.version} + 1` })
    .where(eq(organizations.id, organizationId));
}

const queueColumns = {
  id: membershipApplications.id,
  organizationId: membershipApplications.organizationId,
  kind: membershipApplications.kind,
  status: membershipApplications.status,
  version: membershipApplications.version,
  comment: membershipApplications.comment,
  lastReason: membershipApplications.lastReason,
  createdAt: membershipApplications.createdAt,
  updatedAt: membershipApplications.updatedAt,
  decidedAt: membershipApplications.decidedAt,
  organizationName: organizations.shortName,
  inn: organizations.inn,
  regionCode: organizations.regionCode,
  registryNumber: organizations.registryNumber,
};

export async function listQueue(
  db: DbOrTx,
  filter: { statuses?: MembershipStatus[]; q?: string; limit: number; offset: number },
) {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    filter.statuses?.length ? inArray(membershipApplications.status, filter.statuses) : undefined,
    pattern ? or(ilike(organizations.shortName, pattern), eq(organizations.inn, filter.q!)) : undefined,
  );
  const items = await db
    .select(queueColumns)
    .from(membershipApplications)
    .innerJoin(organizations, eq(organizations.id, membershipApplications.organizationId))
    .where(where)
    // oldest first: the queue is worked in the order people applied
    .orderBy(asc(membershipApplications.createdAt), asc(membershipApplications.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [{ total }] = await db
    .select({ total: count() })
    .from(membershipApplications)
    .innerJoin(organizations, eq(organizations.id, membershipApplications.organizationId))
    .where(where);
  return { items, total };
}

export async function countByStatus(db: DbOrTx) {
  return db
    .select({ status: membershipApplications.status, count: count() })
    .from(membershipApplications)
    .groupBy(membershipApplications.status);
}
