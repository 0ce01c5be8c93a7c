// Who may see and do what with investor profiles, startup needs and deals. Pure: the caller looks up the actor's
// roles in the organizations concerned.
import type { Capability, OrgRole } from '../../../shared/domain.ts';
import type { DealStatus } from '../../../shared/ventures.ts';
import type { MessageCode } from '../../http/messages.ts';
import {
  allowedDealEvents,
  type ConfirmationState,
  confirmDeal,
  type DealEvent,
  type DealSide,
  disputeDeal,
  isDealOpen,
} from './deal-status.ts';

/** Owners and managers act for an organization; plain members read. */
export const canActFor = (orgRole: OrgRole | undefined) => orgRole === 'owner' || orgRole === 'manager';

/** Admitted organizations are public (the registry); the rest are known to their members and the operator only. */
export const isPublicOrganization = (membershipStatus: string) => membershipStatus === 'participant';

/** An investor side: an organization with the `investor` capability, or one that already keeps an investor profile. */
export const isInvestorSide = (capabilities: readonly string[], hasProfile: boolean) =>
  capabilities.includes('investor' satisfies Capability) || hasProfile;

/** The smallest ticket is no more than the largest (both given). */
export function ticketRangeFields(min: bigint | null, max: bigint | null): Record<string, MessageCode> {
  return min !== null && max !== null && min > max ? { ticketMaxKopecks: 'investor.ticket_range' } : {};
}

/** Who the actor is to a deal. */
export interface DealStanding {
  investorRole?: OrgRole;
  companyRole?: OrgRole;
  operator: boolean;
}

/** The two sides' members and the operator; everyone else: 404. */
export const canSeeDeal = (s: DealStanding) =>
  s.investorRole !== undefined || s.companyRole !== undefined || s.operator;

/** Either side's owners and managers move the deal on, change its terms, close it or drop it. */
export const canActOnDeal = (s: DealStanding) => canActFor(s.investorRole) || canActFor(s.companyRole);

/** The side the actor acts for (the investor's, when the actor acts for both). */
export const actingSide = (s: DealStanding): DealSide | null =>
  canActFor(s.investorRole) ? 'investor' : canActFor(s.companyRole) ? 'company' : null;

export const roleOnSide = (s: DealStanding, side: DealSide) => (side === 'investor' ? s.investorRole : s.companyRole);

/** What the caller may do with the deal now: the buttons of the deal page. */
export function viewerOf(s: DealStanding, deal: ConfirmationState & { status: DealStatus }) {
  const acts = canActOnDeal(s);
  const sides = (['investor', 'company'] as const).filter((side) => canActFor(roleOnSide(s, side)));
  return {
    investorRole: s.investorRole ?? null,
    companyRole: s.companyRole ?? null,
    operator: s.operator,
    canEdit: acts && isDealOpen(deal.status),
    allowedEvents: acts ? allowedDealEvents(deal.status) : ([] as DealEvent[]),
    canConfirm: sides.filter((side) => {
      const outcome = confirmDeal(deal, side);
      return outcome.ok && outcome.changed;
    }),
    canDispute: sides.filter((side) => disputeDeal(deal, side).ok),
  };
}
