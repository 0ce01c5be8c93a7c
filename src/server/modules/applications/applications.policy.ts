// Who may do what with a support application. Pure: the caller looks up the actor's role in the organization.
import type { OrgRole } from '../../../shared/domain.ts';
import { type Actor, isOperator } from '../../http/actor.ts';

/** Its organization's members and the operator; for everyone else the application does not exist (404). */
export const canSeeApplication = (actor: Actor | null, orgRole: OrgRole | undefined) =>
  isOperator(actor) || orgRole !== undefined;

/** Owners and managers act for the company: start, edit, submit, withdraw, sign, report. */
export const canActForCompany = (orgRole: OrgRole | undefined) => orgRole === 'owner' || orgRole === 'manager';
