// The request form's text values to the API's body and back: rubles to kopecks, the deadline as Moscow time,
// empty NDA terms as "no NDA". Pure, so it is tested without a browser.
import type { ProblemType, RequestKind, RequestScope, RewardKind } from '../../../../shared/innovation.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import type { CreateRequestBody, InnovationRequest, PatchRequestBody } from '../api/requests.ts';

type Technology = CreateRequestBody['technologies'][number];

export interface RequestFormValues {
  organizationId: string;
  kind: RequestKind;
  title: string;
  brief: string;
  description: string;
  scopes: RequestScope[];
  technologies: Technology[];
  problemTypes: ProblemType[];
  expectedResult: string;
  minTrl: string;
  rewardKind: RewardKind;
  /** rubles as typed: «1 500 000,50» */
  budget: string;
  pilotOffered: boolean;
  /** `YYYY-MM-DDTHH:mm`, Moscow time (the value of a datetime-local input) */
  deadline: string;
  ndaTerms: string;
}

export const FORM_FIELDS = [
  'organizationId',
  'kind',
  'title',
  'brief',
  'description',
  'scopes',
  'technologies',
  'problemTypes',
  'expectedResult',
  'minTrl',
  'rewardKind',
  'budget',
  'pilotOffered',
  'deadline',
  'ndaTerms',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;

/** «2026-11-26T18:00» read as Moscow time (UTC+3 all year) → an ISO instant; null when it is not a date-time. */
export function moscowLocalToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi) - MOSCOW_OFFSET_MS;
  const date = new Date(utc);
  // 2026-02-31 rolls over to March: not a real date
  if (new Date(utc + MOSCOW_OFFSET_MS).getUTCDate() !== d) return null;
  return date.toISOString();
}

/** An ISO instant → «2026-11-26T18:00» in Moscow time, for a datetime-local input. */
export function isoToMoscowLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 16);
}

export function emptyFormValues(organizationId: string, kind: RequestKind): RequestFormValues {
  return {
    organizationId,
    kind,
    title: '',
    brief: '',
    description: '',
    scopes: [],
    technologies: [],
    problemTypes: [],
    expectedResult: '',
    minTrl: '4',
    rewardKind: 'budget',
    budget: '',
    pilotOffered: false,
    deadline: '',
    ndaTerms: '',
  };
}

export function formValuesOf(request: InnovationRequest): RequestFormValues {
  return {
    organizationId: request.organizationId,
    kind: request.kind,
    title: request.title,
    brief: request.brief,
    description: request.description ?? '',
    scopes: [...request.scopes],
    technologies: [...request.technologies],
    problemTypes: [...request.problemTypes],
    expectedResult: request.expectedResult,
    minTrl: String(request.minTrl),
    rewardKind: request.rewardKind,
    budget: kopecksToRubles(request.budgetKopecks),
    pilotOffered: request.pilotOffered,
    deadline: isoToMoscowLocal(request.deadline),
    ndaTerms: request.ndaTerms ?? '',
  };
}

/** Problems the browser can see before the server: translation keys of the `requests.form` block by field. */
export function clientProblems(values: RequestFormValues): Partial<Record<FormField, string>> {
  const problems: Partial<Record<FormField, string>> = {};
  if (!values.organizationId) problems.organizationId = 'requests.form.required';
  if (values.title.trim().length < 5) problems.title = 'requests.form.titleShort';
  if (values.brief.trim().length < 10) problems.brief = 'requests.form.briefShort';
  const trl = Number(values.minTrl);
  if (!Number.isInteger(trl) || trl < 1 || trl > 9) problems.minTrl = 'requests.form.required';
  const kopecks = rublesToKopecks(values.budget);
  if (kopecks === null) problems.budget = 'requests.form.amountInvalid';
  if (!values.deadline) problems.deadline = 'requests.form.required';
  else if (!moscowLocalToIso(values.deadline)) problems.deadline = 'requests.form.deadlineInvalid';
  return problems;
}

/** The body of POST /api/requests. */
export function toCreateBody(values: RequestFormValues): CreateRequestBody {
  const kopecks = rublesToKopecks(values.budget);
  const ndaTerms = values.ndaTerms.trim();
  return {
    organizationId: values.organizationId,
    kind: values.kind,
    title: values.title.trim(),
    brief: values.brief.trim(),
    description: values.description,
    scopes: values.scopes,
    technologies: values.technologies,
    problemTypes: values.problemTypes,
    expectedResult: values.expectedResult,
    minTrl: Number(values.minTrl),
    rewardKind: values.rewardKind,
    ...(kopecks ? { budgetKopecks: kopecks } : {}),
    pilotOffered: values.pilotOffered,
    deadline: moscowLocalToIso(values.deadline) ?? values.deadline,
    ...(ndaTerms ? { ndaTerms } : {}),
  };
}

/**
 * The body of PATCH /api/requests/{id}: every field the browser finds valid (a draft is saved as it is typed, a
 * half-written title does not hold back the rest), with the version read.
 */
export function toPatchBody(values: RequestFormValues, version: number): PatchRequestBody {
  const problems = clientProblems(values);
  const ok = (field: FormField) => !problems[field];
  const kopecks = rublesToKopecks(values.budget);
  const ndaTerms = values.ndaTerms.trim();
  const body: PatchRequestBody = {
    version,
    kind: values.kind,
    description: values.description,
    scopes: values.scopes,
    technologies: values.technologies,
    problemTypes: values.problemTypes,
    expectedResult: values.expectedResult,
    rewardKind: values.rewardKind,
    pilotOffered: values.pilotOffered,
    ndaTerms: ndaTerms || null,
  };
  if (ok('title')) body.title = values.title.trim();
  if (ok('brief')) body.brief = values.brief.trim();
  if (ok('minTrl')) body.minTrl = Number(values.minTrl);
  if (ok('budget')) body.budgetKopecks = kopecks || null;
  if (ok('deadline')) body.deadline = moscowLocalToIso(values.deadline) ?? undefined;
  return body;
}

/** The API's field paths (`scopes.2`, `budgetKopecks`) to the form's fields. */
export function formFieldOf(path: string): FormField | null {
  const head = path.split('.')[0];
  if (head === 'budgetKopecks') return 'budget';
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : null;
}
