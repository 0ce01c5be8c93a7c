// The deal state machine and the two-sided confirmation of a closed deal: data plus pure functions.
import type { DealStatus } from '../../../shared/ventures.ts';

export const DEAL_EVENTS = ['advance', 'close', 'drop'] as const;
export type DealEvent = (typeof DEAL_EVENTS)[number];

const TRANSITIONS: Record<DealEvent, Partial<Record<DealStatus, DealStatus>>> = {
  advance: { intro: 'due_diligence', due_diligence: 'term_sheet' },
  // a deal may close (or fall through) at any open step: not every investor asks for a term sheet
  close: { intro: 'closed', due_diligence: 'closed', term_sheet: 'closed' },
  drop: { intro: 'dropped', due_diligence: 'dropped', term_sheet: 'dropped' },
};

export function nextDealStatus(current: DealStatus, event: DealEvent): DealStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedDealEvents(current: DealStatus): DealEvent[] {
  return DEAL_EVENTS.filter((event) => nextDealStatus(current, event) !== null);
}

/** Terms of a deal may change only while it is open; a closed deal is only confirmed or disputed. */
export const OPEN_DEAL_STATUSES: readonly DealStatus[] = ['intro', 'due_diligence', 'term_sheet'];
export const isDealOpen = (status: DealStatus) => OPEN_DEAL_STATUSES.includes(status);

export const DEAL_SIDES = ['investor', 'company'] as const;
export type DealSide = (typeof DEAL_SIDES)[number];
export const otherSide = (side: DealSide): DealSide => (side === 'investor' ? 'company' : 'investor');

/** What the confirmation rules look at. */
export interface ConfirmationState {
  status: DealStatus;
  investorConfirmed: boolean;
  companyConfirmed: boolean;
  disputed: boolean;
}

export type ConfirmationRefusal = 'deal.not_closed' | 'deal.disputed' | 'deal.confirmed_cannot_dispute';

export type ConfirmOutcome =
  | { ok: true; state: ConfirmationState; changed: boolean; confirmedByBoth: boolean }
  | { ok: false; code: ConfirmationRefusal };

const confirmedBy = (state: ConfirmationState, side: DealSide) =>
  side === 'investor' ? state.investorConfirmed : state.companyConfirmed;

/**
 * A side confirms a closed deal once; confirming again changes nothing (a double click). A disputed deal takes no
 * more confirmations: the operator sorts it out.
 */
export function confirmDeal(state: ConfirmationState, side: DealSide): ConfirmOutcome {
  if (state.status !== 'closed') return { ok: false, code: 'deal.not_closed' };
  if (confirmedBy(state, side)) {
    return { ok: true, state, changed: false, confirmedByBoth: state.investorConfirmed && state.companyConfirmed };
  }
  if (state.disputed) return { ok: false, code: 'deal.disputed' };
  const next: ConfirmationState = {
    ...state,
    ...(side === 'investor' ? { investorConfirmed: true } : { companyConfirmed: true }),
  };
  return { ok: true, state: next, changed: true, confirmedByBoth: next.investorConfirmed && next.companyConfirmed };
}

export type DisputeOutcome = { ok: true; state: ConfirmationState } | { ok: false; code: ConfirmationRefusal };

/** A side that has not confirmed may dispute a closed deal, once; after that the deal never counts. */
export function disputeDeal(state: ConfirmationState, side: DealSide): DisputeOutcome {
  if (state.status !== 'closed') return { ok: false, code: 'deal.not_closed' };
  if (state.disputed) return { ok: false, code: 'deal.disputed' };
  if (confirmedBy(state, side)) return { ok: false, code: 'deal.confirmed_cannot_dispute' };
  return { ok: true, state: { ...state, disputed: true } };
}

/** Investment attracted through the platform: closed, confirmed by both sides and not disputed. */
export const countsAsInvestment = (state: ConfirmationState) =>
  state.status === 'closed' && state.investorConfirmed && state.companyConfirmed && !state.disputed;
