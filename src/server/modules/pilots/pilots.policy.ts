// Who may see and do what with a pilot. Pure: the caller looks up the actor's role in each of the pilot's three
// organizations (the company tested, the customer, the site's owner).
import type { OrgRole } from '../../../shared/domain.ts';
import type { PilotViewerRole } from './pilots.schemas.ts';

export interface PilotStanding {
  companyRole?: OrgRole;
  customerRole?: OrgRole;
  siteOwnerRole?: OrgRole;
  operator: boolean;
}

export function viewerRoles(s: PilotStanding): PilotViewerRole[] {
  const roles: PilotViewerRole[] = [];
  if (s.companyRole) roles.push('company');
  if (s.customerRole) roles.push('customer');
  if (s.siteOwnerRole) roles.push('site_owner');
  if (s.operator) roles.push('operator');
  return roles;
}

/** Its three sides and the operator; for everyone else the pilot does not exist (404). */
export const canSeePilot = (s: PilotStanding) => viewerRoles(s).length > 0;

const acts = (role: OrgRole | undefined) => role === 'owner' || role === 'manager';

/** The customer proposes, completes and records the contract. */
export const canActAsCustomer = (s: PilotStanding) => acts(s.customerRole);
/** The site's owner approves or rejects a proposal on its site. */
export const canActAsSiteOwner = (s: PilotStanding) => acts(s.siteOwnerRole);
/** Either the customer or the company starts an approved pilot. */
export const canStart = (s: PilotStanding) => acts(s.customerRole) || acts(s.companyRole);
