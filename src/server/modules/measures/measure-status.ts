// The support measure life cycle: data plus one pure function.
// draft → published → closed → archived; a draft nobody will publish may be archived too (measures are never deleted).
import type { MeasureStatus } from '../../../shared/measures.ts';

export const MEASURE_EVENTS = ['publish', 'close', 'archive'] as const;
export type MeasureEvent = (typeof MEASURE_EVENTS)[number];

const TRANSITIONS: Record<MeasureEvent, Partial<Record<MeasureStatus, MeasureStatus>>> = {
  publish: { draft: 'published' },
  close: { published: 'closed' },
  archive: { draft: 'archived', closed: 'archived' },
};

export function nextMeasureStatus(current: MeasureStatus, event: MeasureEvent): MeasureStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedMeasureEvents(current: MeasureStatus): MeasureEvent[] {
  return MEASURE_EVENTS.filter((event) => nextMeasureStatus(current, event) !== null);
}
