// Open innovation: requests from corporations and the city, solutions, pilot sites and pilots — the names stored
// and sent over the API (the UI translates the keys).
import type { Criterion } from './measures.ts';

export const REQUEST_KINDS = ['corporate', 'city'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['draft', 'moderation', 'published', 'closed', 'resolved', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Statuses a guest may see; closed, resolved and cancelled requests form the searchable archive. */
export const PUBLIC_REQUEST_STATUSES: readonly RequestStatus[] = ['published', 'closed', 'resolved', 'cancelled'];
export const ARCHIVED_REQUEST_STATUSES: readonly RequestStatus[] = ['closed', 'resolved', 'cancelled'];

/** How the customer rewards the winner: a budget for the work, or a prize. */
export const REWARD_KINDS = ['budget', 'prize'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** Spheres of the city's and corporations' life a request belongs to. */
export const REQUEST_SCOPES = [
  'healthcare',
  'education',
  'transport',
  'housing',
  'construction',
  'ecology',
  'safety',
  'culture',
  'sport',
  'retail',
  'industry',
  'energy',
  'finance',
  'public_services',
  'tourism',
  'telecom',
] as const;
export type RequestScope = (typeof REQUEST_SCOPES)[number];

export const PROBLEM_TYPES = [
  'automation',
  'cost_reduction',
  'quality',
  'safety',
  'ecology',
  'customer_experience',
  'monitoring',
  'analytics',
  'new_product',
  'import_substitution',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const SOLUTION_STATUSES = [
  'draft',
  'submitted',
  'shortlisted',
  'declined',
  'pilot',
  'contract',
  'not_adopted',
  'withdrawn',
] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

export const SOLUTION_SUMMARY_MAX = 500;
export const TEAM_MIN = 1;
export const TEAM_MAX = 10;
export const TRL_MIN = 1;
export const TRL_MAX = 9;
/** A pilot tests a solution that already works outside the lab. */
export const PILOT_MIN_TRL = 6;
export const PILOT_MAX_MONTHS = 3;

export interface TeamMember {
  name: string;
  role: string;
}

/** The default criteria on which solutions are scored (K1–K5), each 0–10. */
export const DEFAULT_REQUEST_CRITERIA: Criterion[] = [
  { key: 'K1', name: 'Команда', weight: 20, maxScore: 10 },
  { key: 'K2', name: 'Новизна и интеллектуальная собственность', weight: 20, maxScore: 10 },
  { key: 'K3', name: 'Соответствие задаче', weight: 25, maxScore: 10 },
  { key: 'K4', name: 'Масштабируемость', weight: 15, maxScore: 10 },
  { key: 'K5', name: 'План внедрения и риски', weight: 20, maxScore: 10 },
];

export interface CriterionScore {
  criterion: string;
  score: number;
  comment: string;
}

export const PILOT_SITE_KINDS = [
  'school',
  'clinic',
  'park',
  'transport',
  'construction',
  'factory',
  'culture',
  'sport',
] as const;
export type PilotSiteKind = (typeof PILOT_SITE_KINDS)[number];

export const PILOT_STATUSES = ['proposed', 'approved', 'rejected', 'running', 'completed', 'cancelled'] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

export const PILOT_OUTCOMES = ['success', 'failure'] as const;
export type PilotOutcome = (typeof PILOT_OUTCOMES)[number];
