// Who may do what with an organization. Pure: the caller looks up the actor's org role.
import type { OrgRole } from '../../../shared/domain.ts';
import { type Actor, isOperator } from '../../http/actor.ts';

export const canSeePrivateProfile = (actor: Actor | null, orgRole: OrgRole | undefined) =>
  isOperator(actor) || orgRole !== undefined;

export const canEditProfile = (actor: Actor | null, orgRole: OrgRole | undefined) =>
  isOperator(actor) || orgRole === 'owner' || orgRole === 'manager';

/** Owners invite anyone; managers invite managers and members, never owners. */
export const canInvite = (orgRole: OrgRole | undefined, invitedRole: OrgRole) =>
  orgRole === 'owner' || (orgRole === 'manager' && invitedRole !== 'owner');

export const canRemoveMember = (actor: Actor, orgRole: OrgRole | undefined, targetUserId: string) =>
  orgRole === 'owner' || (orgRole !== undefined && actor.userId === targetUserId);

/** Admitted organizations are public; the rest only to their members and the operator. */
export const isPublic = (membershipStatus: string) => membershipStatus === 'participant';
