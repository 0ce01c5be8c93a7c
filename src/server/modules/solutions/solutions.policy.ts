// Who may see and do what with a solution, and whether a set of scores fits the request's criteria. Pure: the
// caller looks up the actor's roles (in the company, in the customer, among the request's experts).
import type { OrgRole } from '../../../shared/domain.ts';
import type { Criterion } from '../../../shared/measures.ts';
import type { MessageCode } from '../../http/messages.ts';
import type { SolutionViewerRole } from './solutions.schemas.ts';

export interface Standing {
  /** the actor's role in the answering company */
  companyRole?: OrgRole;
  /** the actor's role in the request's customer organization */
  customerRole?: OrgRole;
  /** appointed by the customer to score the request's solutions */
  expert: boolean;
  operator: boolean;
}

export function viewerRoles(standing: Standing): SolutionViewerRole[] {
  const roles: SolutionViewerRole[] = [];
  if (standing.companyRole) roles.push('company');
  if (standing.customerRole) roles.push('customer');
  if (standing.expert) roles.push('expert');
  if (standing.operator) roles.push('operator');
  return roles;
}

/** The customer's side of a request: its members, its experts and the operator. */
export const isCustomerSide = (s: Standing) => s.customerRole !== undefined || s.expert || s.operator;

/**
 * The company sees its own solutions in every status; the customer side sees them once submitted (a draft, or
 * a draft withdrawn before submitting, never reaches the customer). Everyone else: 404.
 */
export const canSeeSolution = (s: Standing, solution: { submittedAt: Date | null }) =>
  s.companyRole !== undefined || (isCustomerSide(s) && solution.submittedAt !== null);

/** Owners and managers act for an organization: answer, edit, submit, withdraw; shortlist, decline, propose. */
export const canActFor = (orgRole: OrgRole | undefined) => orgRole === 'owner' || orgRole === 'manager';

/** The customer's people and its appointed experts score; the operator watches. */
export const canScore = (s: Standing) => s.customerRole !== undefined || s.expert;

/** Every score and the average: the customer and the operator always, an expert once its own score is in. */
export const canSeeAllScores = (s: Standing, hasOwnScore: boolean) =>
  s.customerRole !== undefined || s.operator || (s.expert && hasOwnScore);

/** A request the public may know of: a caller outside it gets 403 rather than 404. */
type ScoreFields = Record<string, MessageCode | { code: MessageCode; params?: Record<string, unknown> }>;

/** Every criterion of the request exactly once, a whole number 0..maxScore. Answers field errors. */
export function checkScores(
  criteria: readonly Criterion[],
  scores: ReadonlyArray<{ criterion: string; score: number }>,
): ScoreFields {
  const fields: ScoreFields = {};
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const criterion = byKey.get(s.criterion);
    if (!criterion) fields[`scores.${i}.criterion`] = 'solution.criterion_unknown';
    else if (seen.has(s.criterion)) fields[`scores.${i}.criterion`] = 'solution.criterion_duplicate';
    else if (!Number.isInteger(s.score) || s.score < 0 || s.score > criterion.maxScore) {
      fields[`scores.${i}.score`] = { code: 'solution.score_range', params: { max: criterion.maxScore } };
    }
    seen.add(s.criterion);
  });
  for (const c of criteria) {
    if (!seen.has(c.key)) fields[`scores.${c.key}`] = { code: 'solution.criterion_missing', params: { name: c.name } };
  }
  return fields;
}

/** The mean of the scorers' weighted totals, on the same 0–100 scale, rounded. */
export const averageOf = (sum: number, count: number) => (count > 0 ? Math.round(sum / count) : 0);
