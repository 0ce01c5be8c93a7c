// The project life cycle: data plus one pure function.
// planned → active → implemented; a planned project may be marked implemented at once (recorded after the fact);
// planned or active → cancelled, with the reason. Implemented and cancelled are final.
import type { ProjectStatus } from '../../../shared/ventures.ts';

export const PROJECT_EVENTS = ['start', 'implement', 'cancel'] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

const TRANSITIONS: Record<ProjectEvent, Partial<Record<ProjectStatus, ProjectStatus>>> = {
  start: { planned: 'active' },
  implement: { planned: 'implemented', active: 'implemented' },
  cancel: { planned: 'cancelled', active: 'cancelled' },
};

export function nextProjectStatus(current: ProjectStatus, event: ProjectEvent): ProjectStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedProjectEvents(current: ProjectStatus): ProjectEvent[] {
  return PROJECT_EVENTS.filter((event) => nextProjectStatus(current, event) !== null);
}

/** A project is edited, and takes new partners, only while it is under way. */
export const isOpenProject = (status: ProjectStatus) => status === 'planned' || status === 'active';

/** The UTC calendar day of an instant, as the date columns store it. */
export type ImplementedOnProblem = 'future' | 'before_start' | null;

/**
 * The day a project is marked implemented: today in Moscow (the day people see) unless the lead gives an earlier day, which may not be in the
 * future nor before the project started.
 */
export function implementedOnFor(
  project: { startedOn: string },
  today: string,
  given?: string,
): { day: string; problem: ImplementedOnProblem } {
  const day = given ?? today;
  if (day > today) return { day, problem: 'future' };
  if (day < project.startedOn) return { day, problem: 'before_start' };
  return { day, problem: null };
}
