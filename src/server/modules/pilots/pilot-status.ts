// The pilot state machine: data plus one pure function.
import type { PilotStatus } from '../../../shared/innovation.ts';

export const PILOT_EVENTS = ['approve', 'reject', 'start', 'complete', 'cancel'] as const;
export type PilotEvent = (typeof PILOT_EVENTS)[number];

const TRANSITIONS: Record<PilotEvent, Partial<Record<PilotStatus, PilotStatus>>> = {
  // the site owner agrees to host the pilot, or refuses with a comment
  approve: { proposed: 'approved' },
  reject: { proposed: 'rejected' },
  start: { approved: 'running' },
  complete: { running: 'completed' },
  // called off before it runs
  cancel: { proposed: 'cancelled', approved: 'cancelled' },
};

export function nextPilotStatus(current: PilotStatus, event: PilotEvent): PilotStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedPilotEvents(current: PilotStatus): PilotEvent[] {
  return PILOT_EVENTS.filter((event) => nextPilotStatus(current, event) !== null);
}

/** Pilots in progress: at most one per solution (a partial unique index holds the same rule). */
export const OPEN_PILOT_STATUSES: readonly PilotStatus[] = ['proposed', 'approved', 'running'];
