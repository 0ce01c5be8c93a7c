// The expert review state machine: data plus one pure function.
import type { ReviewStatus } from '../../../shared/measures.ts';

export const REVIEW_EVENTS = ['declare', 'recuse', 'submit'] as const;
export type ReviewEvent = (typeof REVIEW_EVENTS)[number];

const TRANSITIONS: Record<ReviewEvent, Partial<Record<ReviewStatus, ReviewStatus>>> = {
  // no conflict of interest declared: the expert may now read the full application
  declare: { assigned: 'declared' },
  // a conflict declared: the expert steps aside before seeing the file
  recuse: { assigned: 'recused' },
  // scores are given once, and only after the declaration
  submit: { declared: 'submitted' },
};

export function nextReviewStatus(current: ReviewStatus, event: ReviewEvent): ReviewStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

/** Reviews that still count towards an expert's load and an application's quota of experts. */
export const OPEN_REVIEW_STATUSES: readonly ReviewStatus[] = ['assigned', 'declared'];
export const DONE_REVIEW_STATUSES: readonly ReviewStatus[] = ['submitted', 'recused'];

/** The expert has declared no conflict of interest, so may read the full application. */
export const hasDeclared = (status: ReviewStatus) => status === 'declared' || status === 'submitted';
