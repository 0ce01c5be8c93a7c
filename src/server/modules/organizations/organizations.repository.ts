import { and, asc, count, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { OrgRole } from '../../../shared/domain.ts';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/auth.ts';
import { organizationInvitations, organizationMembers, organizations } from '../../db/schema/organizations.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

/** Inserts, or tells which identifier is taken. */
export async function insertOrganization(
  db: DbOrTx,
  values: NewOrganization,
): Promise<{ row: OrganizationRow } | { taken: 'inn' | 'ogrn'; existingId: string }> {
  const [row] = await db.insert(organizations).values(values).onConflictDoNothing().returning();
  if (row) return { row };
  const [byInn] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.inn, values.inn));
  if (byInn) return { taken: 'inn', existingId: byInn.id };
  const [byOgrn] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.ogrn, values.ogrn));
  return { taken: 'ogrn', existingId: byOgrn?.id ?? '' };
}

export async function findOrganization(db: DbOrTx, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

export async function findOrganizationForUpdate(db: DbOrTx, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).for('update');
  return row;
}

/** Applies a patch only if nobody changed the row since `version`; answers the new row or undefined. */
export async function updateOrganization(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<NewOrganization>,
  now: Date,
): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .update(organizations)
    .set({ ...patch, version: sql`${organizations.version} + 1`, updatedAt: now })
    .where(and(eq(organizations.id, id), eq(organizations.version, version)))
    .returning();
  return row;
}

export async function findOrgRole(db: DbOrTx, organizationId: string, userId: string): Promise<OrgRole | undefined> {
  const [row] = await db
    .select({ orgRole: organizationMembers.orgRole })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  return row?.orgRole;
}

/** The organizations the user belongs to, with the role in each. */
export async function listUserMemberships(db: DbOrTx, userId: string) {
  return db
    .select({ organizationId: organizationMembers.organizationId, orgRole: organizationMembers.orgRole })
    .from(organizationMembers)
    .where(eq(organizationMembers.userId, userId)) as Promise<Array<{ organizationId: string; orgRole: OrgRole }>>;
}

function nameOrInnMatches(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(organizations.shortName, pattern), ilike(organizations.fullName, pattern), eq(organizations.inn, q));
}

const summaryColumns = {
  id: organizations.id,
  inn: organizations.inn,
  shortName: organizations.shortName,
  fullName: organizations.fullName,
  regionCode: organizations.regionCode,
  membershipStatus: organizations.membershipStatus,
  membershipKind: organizations.membershipKind,
  registryNumber: organizations.registryNumber,
};

/** Organizations the user belongs to, with the user's role in each. */
export async function listUserOrganizations(
  db: DbOrTx,
  userId: string,
  page: { q?: string; limit: number; offset: number },
  onlyOrganizationId?: string,
) {
  const where = and(
    eq(organizationMembers.userId, userId),
    onlyOrganizationId ? eq(organizationMembers.organizationId, onlyOrganizationId) : undefined,
    nameOrInnMatches(page.q),
  );
  const items = await db
    .select({ ...summaryColumns, myOrgRole: organizationMembers.orgRole })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(where)
    .orderBy(asc(organizations.shortName))
    .limit(page.limit)
    .offset(page.offset);
  const [{ total }] = await db
    .select({ total: count() })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(where);
  return { items, total };
}

/** Every organization, for the operator. */
export async function listAllOrganizations(db: DbOrTx, page: { q?: string; limit: number; offset: number }) {
  const where = nameOrInnMatches(page.q);
  const items = await db
    .select({ ...summaryColumns, myOrgRole: sql<OrgRole | null>`null` })
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.shortName))
    .limit(page.limit)
    .offset(page.offset);
  const [{ total }] = await db.select({ total: count() }).from(organizations).where(where);
  return { items, total };
}

export async function insertMember(db: DbOrTx, organizationId: string, userId: string, orgRole: OrgRole) {
  await db
    .insert(organizationMembers)
    .values({ organizationId, userId, orgRole })
    .onConflictDoUpdate({ target: [organizationMembers.organizationId, organizationMembers.userId], set: { orgRole } });
}

export async function listMembers(db: DbOrTx, organizationId: string) {
  return db
    .select({
      userId: organizationMembers.userId,
      email: users.email,
      fullName: users.fullName,
      orgRole: organizationMembers.orgRole,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId))
    .orderBy(asc(users.fullName));
}

export async function countOwners(db: DbOrTx, organizationId: string) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.orgRole, 'owner')));
  return n;
}

export async function deleteMember(db: DbOrTx, organizationId: string, userId: string) {
  const rows = await db
    .delete(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)))
    .returning({ userId: organizationMembers.userId });
  return rows.length > 0;
}

const invitationColumns = {
  id: organizationInvitations.id,
  organizationId: organizationInvitations.organizationId,
  organizationName: organizations.shortName,
  email: organizationInvitations.email,
  orgRole: organizationInvitations.orgRole,
  createdAt: organizationInvitations.createdAt,
};

/** A pending invitation, unless one for this e-mail is already pending (answers undefined then). */
export async function insertInvitation(
  db: DbOrTx,
  values: { organizationId: string; email: string; orgRole: OrgRole; invitedBy: string },
) {
  const [row] = await db.insert(organizationInvitations).values(values).onConflictDoNothing().returning();
  return row;
}

export async function listPendingInvitations(db: DbOrTx, filter: { organizationId?: string; email?: string }) {
  return db
    .select(invitationColumns)
    .from(organizationInvitations)
    .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
    .where(
      and(
        isNull(organizationInvitations.acceptedAt),
        filter.organizationId ? eq(organizationInvitations.organizationId, filter.organizationId) : undefined,
        filter.email ? eq(organizationInvitations.email, filter.email) : undefined,
      ),
    )
    .orderBy(asc(organizationInvitations.createdAt));
}

/** Marks a pending invitation accepted; answers it, or undefined when it was not pending. */
export async function acceptInvitation(db: DbOrTx, id: string, email: string, now: Date) {
  const [row] = await db
    .update(organizationInvitations)
    .set({ acceptedAt: now })
    .where(
      and(
        eq(organizationInvitations.id, id),
        eq(organizationInvitations.email, email),
        isNull(organizationInvitations.acceptedAt),
      ),
    )
    .returning();
  return row;
}
