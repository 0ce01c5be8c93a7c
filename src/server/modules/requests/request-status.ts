// The request life cycle: data plus one pure function.
// draft → moderation → published → closed → resolved; returned from moderation to draft; cancelled from any
// status before a result (a resolved request keeps its winners, a cancelled one stays cancelled).
import type { RequestStatus } from '../../../shared/innovation.ts';

export const REQUEST_EVENTS = ['moderate', 'publish', 'return', 'close', 'resolve', 'cancel'] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

const TRANSITIONS: Record<RequestEvent, Partial<Record<RequestStatus, RequestStatus>>> = {
  // the customer sends a draft to the operator
  moderate: { draft: 'moderation' },
  publish: { moderation: 'published' },
  // the operator sends it back with a comment; the customer fixes it and moderates again
  return: { moderation: 'draft' },
  // early by the customer or the operator, or by the deadline job
  close: { published: 'closed' },
  // the customer names the winning solutions once solutions are no longer accepted
  resolve: { closed: 'resolved' },
  cancel: { draft: 'cancelled', moderation: 'cancelled', published: 'cancelled', closed: 'cancelled' },
};

export function nextRequestStatus(current: RequestStatus, event: RequestEvent): RequestStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedRequestEvents(current: RequestStatus): RequestEvent[] {
  return REQUEST_EVENTS.filter((event) => nextRequestStatus(current, event) !== null);
}
