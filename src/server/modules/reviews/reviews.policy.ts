// Who may see what of a review, and whether a set of scores fits the measure's criteria. Pure.
import type { Criterion, ReviewStatus } from '../../../shared/measures.ts';
import type { Actor } from '../../http/actor.ts';
import { isOperator } from '../../http/actor.ts';
import type { MessageCode } from '../../http/messages.ts';
import { hasDeclared } from './review-status.ts';

/** The full application (answers, documents) only to the operator and to an expert who declared no conflict. */
export const canSeeFullApplication = (actor: Actor, review: { status: ReviewStatus; expertUserId: string }) =>
  isOperator(actor) || (review.expertUserId === actor.userId && hasDeclared(review.status));

/** Other experts' scores and the consensus: the operator always, an expert once their own scores are in. */
export const canSeeOthersScores = (actor: Actor, ownStatus: ReviewStatus | undefined) =>
  isOperator(actor) || ownStatus === 'submitted';

type ScoreFields = Record<string, MessageCode | { code: MessageCode; params?: Record<string, unknown> }>;

/** Every criterion of the measure exactly once, an integer 0..maxScore, with a comment. Answers field errors. */
export function checkScores(
  criteria: readonly Criterion[],
  scores: ReadonlyArray<{ criterion: string; score: number; comment: string }>,
): ScoreFields {
  const fields: ScoreFields = {};
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const criterion = byKey.get(s.criterion);
    if (!criterion) fields[`scores.${i}.criterion`] = 'review.criterion_unknown';
    else if (seen.has(s.criterion)) fields[`scores.${i}.criterion`] = 'review.criterion_duplicate';
    else if (!Number.isInteger(s.score) || s.score < 0 || s.score > criterion.maxScore) {
      fields[`scores.${i}.score`] = { code: 'review.score_range', params: { max: criterion.maxScore } };
    }
    if (!s.comment.trim()) fields[`scores.${i}.comment`] = 'review.comment_required';
    seen.add(s.criterion);
  });
  for (const c of criteria) {
    if (!seen.has(c.key)) fields[`scores.${c.key}`] = { code: 'review.criterion_missing', params: { name: c.name } };
  }
  return fields;
}

/**
 * Automatic choice: the most expertise areas in common with the application first, then the fewest open
 * reviews, then the longest in the pool. Candidates with a conflict of interest are already left out.
 */
export function rankCandidates<T extends { id: string; expertise: string[]; openReviews: number; createdAt: Date }>(
  candidates: readonly T[],
  areas: readonly string[],
): T[] {
  const wanted = new Set(areas);
  const overlap = (c: T) => c.expertise.filter((e) => wanted.has(e)).length;
  return [...candidates].sort(
    (a, b) =>
      overlap(b) - overlap(a) ||
      a.openReviews - b.openReviews ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
}
