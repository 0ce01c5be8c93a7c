// The solution state machine: data plus one pure function.
import type { SolutionStatus } from '../../../shared/innovation.ts';

export const SOLUTION_EVENTS = [
  'submit',
  'shortlist',
  'decline',
  'pilot',
  'contract',
  'not_adopt',
  'withdraw',
] as const;
export type SolutionEvent = (typeof SOLUTION_EVENTS)[number];

const TRANSITIONS: Record<SolutionEvent, Partial<Record<SolutionStatus, SolutionStatus>>> = {
  submit: { draft: 'submitted' },
  shortlist: { submitted: 'shortlisted' },
  decline: { submitted: 'declined', shortlisted: 'declined' },
  // the site owner approved a pilot of a shortlisted solution
  pilot: { shortlisted: 'pilot' },
  // after a successful pilot, or straight from the shortlist when the customer needs no pilot
  contract: { pilot: 'contract', shortlisted: 'contract' },
  not_adopt: { pilot: 'not_adopted' },
  // the company may withdraw only before the customer decides
  withdraw: { draft: 'withdrawn', submitted: 'withdrawn' },
};

export function nextSolutionStatus(current: SolutionStatus, event: SolutionEvent): SolutionStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedSolutionEvents(current: SolutionStatus): SolutionEvent[] {
  return SOLUTION_EVENTS.filter((event) => nextSolutionStatus(current, event) !== null);
}

/** The customer, its experts and the operator score a solution while the customer is still choosing. */
export const SCORABLE_STATUSES: readonly SolutionStatus[] = ['submitted', 'shortlisted'];
