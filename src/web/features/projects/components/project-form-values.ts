// The project form's text values to the API's bodies and back: rubles to kopecks, empty dates and origins left
// out (or cleared on edit). Pure, so it is tested without a browser.

import { isCalendarDate } from '../../../../shared/calendar-dates.ts';
import { PROJECT_STAGES, type ProjectStage } from '../../../../shared/ventures.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import type { CreateProjectBody, PatchProjectBody, ProjectDetail, Technology } from '../api/projects.ts';

export interface ProjectFormValues {
  organizationId: string;
  title: string;
  description: string;
  technologies: Technology[];
  trl: string;
  /** rubles as typed: «1 500 000,50» */
  budget: string;
  startedOn: string;
  plannedEndOn: string;
  stage: ProjectStage;
  originSolutionId: string;
  originApplicationId: string;
  originDealId: string;
}

export const PROJECT_FORM_FIELDS = [
  'organizationId',
  'title',
  'description',
  'technologies',
  'trl',
  'budget',
  'startedOn',
  'plannedEndOn',
  'stage',
  'originSolutionId',
  'originApplicationId',
  'originDealId',
] as const;
export type ProjectFormField = (typeof PROJECT_FORM_FIELDS)[number];

export function emptyProjectValues(organizationId: string, today: string): ProjectFormValues {
  return {
    organizationId,
    title: '',
    description: '',
    technologies: [],
    trl: '',
    budget: '',
    startedOn: today,
    plannedEndOn: '',
    stage: 'research',
    originSolutionId: '',
    originApplicationId: '',
    originDealId: '',
  };
}

export function projectValuesOf(project: ProjectDetail): ProjectFormValues {
  return {
    organizationId: project.lead.id,
    title: project.title,
    description: project.description,
    technologies: [...project.technologies],
    trl: String(project.trl),
    budget: kopecksToRubles(project.budgetKopecks),
    startedOn: project.startedOn,
    plannedEndOn: project.plannedEndOn ?? '',
    stage: project.stage,
    originSolutionId: project.originSolutionId ?? '',
    originApplicationId: project.originApplicationId ?? '',
    originDealId: project.originDealId ?? '',
  };
}

/** Problems the browser can see before the server: translation keys by field. */
export function projectProblems(values: ProjectFormValues): Partial<Record<ProjectFormField, string>> {
  const problems: Partial<Record<ProjectFormField, string>> = {};
  if (!values.organizationId) problems.organizationId = 'projects.form.required';
  if (values.title.trim().length < 3) problems.title = 'projects.form.titleShort';
  const trl = Number(values.trl);
  if (!values.trl || !Number.isInteger(trl) || trl < 1 || trl > 9) problems.trl = 'projects.form.trlRequired';
  if (rublesToKopecks(values.budget) === null) problems.budget = 'projects.form.amountInvalid';
  if (!isCalendarDate(values.startedOn)) problems.startedOn = 'projects.form.dateRequired';
  if (values.plannedEndOn) {
    if (!isCalendarDate(values.plannedEndOn)) problems.plannedEndOn = 'projects.form.dateInvalid';
    else if (isCalendarDate(values.startedOn) && values.plannedEndOn < values.startedOn)
      problems.plannedEndOn = 'projects.form.endBeforeStart';
  }
  if (!PROJECT_STAGES.includes(values.stage)) problems.stage = 'projects.form.required';
  return problems;
}

export function toCreateProjectBody(values: ProjectFormValues): CreateProjectBody {
  const kopecks = rublesToKopecks(values.budget);
  return {
    organizationId: values.organizationId,
    title: values.title.trim(),
    description: values.description.trim(),
    technologies: values.technologies,
    trl: Number(values.trl),
    ...(kopecks ? { budgetKopecks: kopecks } : {}),
    startedOn: values.startedOn,
    ...(values.plannedEndOn ? { plannedEndOn: values.plannedEndOn } : {}),
    stage: values.stage,
    ...(values.originSolutionId ? { originSolutionId: values.originSolutionId } : {}),
    ...(values.originApplicationId ? { originApplicationId: values.originApplicationId } : {}),
    ...(values.originDealId ? { originDealId: values.originDealId } : {}),
  };
}

export function toPatchProjectBody(values: ProjectFormValues, version: number): PatchProjectBody {
  const kopecks = rublesToKopecks(values.budget);
  return {
    version,
    title: values.title.trim(),
    description: values.description.trim(),
    technologies: values.technologies,
    trl: Number(values.trl),
    budgetKopecks: kopecks || null,
    startedOn: values.startedOn,
    plannedEndOn: values.plannedEndOn || null,
    stage: values.stage,
    originSolutionId: values.originSolutionId || null,
    originApplicationId: values.originApplicationId || null,
    originDealId: values.originDealId || null,
  };
}

/** The API's field paths (`technologies.2`, `budgetKopecks`) to the form's fields. */
export function projectFieldOf(path: string): ProjectFormField | null {
  const head = path.split('.')[0];
  if (head === 'budgetKopecks') return 'budget';
  return (PROJECT_FORM_FIELDS as readonly string[]).includes(head) ? (head as ProjectFormField) : null;
}
