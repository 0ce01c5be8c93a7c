// The actor's place in organizations, for every module's checks: the person's memberships, narrowed to one
// organization when the request came with that organization's API token.
import type { OrgRole } from '../../../shared/domain.ts';
import type { DbOrTx } from '../../db/client.ts';
import { type Actor, mayActFor } from '../../http/actor.ts';
import { findOrgRole, listUserMemberships } from './organizations.repository.ts';

/** The actor's role in the organization; none when not a member, or for another organization's API token. */
export async function orgRoleOf(db: DbOrTx, actor: Actor, organizationId: string): Promise<OrgRole | undefined> {
  if (!mayActFor(actor, organizationId)) return undefined;
  return findOrgRole(db, organizationId, actor.userId);
}

/** The organizations the actor acts for, with the role in each. */
export async function actorMemberships(
  db: DbOrTx,
  actor: Actor,
): Promise<Array<{ organizationId: string; orgRole: OrgRole }>> {
  const memberships = await listUserMemberships(db, actor.userId);
  return memberships.filter((m) => mayActFor(actor, m.organizationId));
}

export async function actorOrganizationIds(db: DbOrTx, actor: Actor): Promise<string[]> {
  return (await actorMemberships(db, actor)).map((m) => m.organizationId);
}
