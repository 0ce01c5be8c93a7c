// Who may see, read in full and change a request. Pure: the caller looks up the actor's standing first.
import type { OrgRole } from '../../../shared/domain.ts';
import { PUBLIC_REQUEST_STATUSES, type RequestStatus } from '../../../shared/innovation.ts';
import { nextRequestStatus, REQUEST_EVENTS, type RequestEvent } from './request-status.ts';

/** The caller's standing towards one request. */
export interface RequestViewer {
  /** operator or administrator */
  operator: boolean;
  /** the caller's role in the customer organization, when a member */
  customerRole: OrgRole | null;
  /** appointed by the customer to score its solutions */
  expert: boolean;
  /** a member of an organization that accepted the request's current NDA version */
  ndaAccepted: boolean;
}

export const GUEST_VIEWER: RequestViewer = { operator: false, customerRole: null, expert: false, ndaAccepted: false };

export const isPublicStatus = (status: RequestStatus) => PUBLIC_REQUEST_STATUSES.includes(status);

/** Public: published, closed, resolved, or cancelled after publication — a draft cancelled unseen stays private. */
export const isPublicRequest = (request: { status: RequestStatus; publishedAt: Date | null }) =>
  isPublicStatus(request.status) && (request.status !== 'cancelled' || request.publishedAt !== null);

/** The customer's members, its experts and the operator see every status; everyone else the public ones (404). */
export const canSeeRequest = (request: { status: RequestStatus; publishedAt: Date | null }, viewer: RequestViewer) =>
  isPublicRequest(request) || viewer.operator || viewer.customerRole !== null || viewer.expert;

/** The customer's people, its experts and the operator work on the request: timeline names, comments, winners. */
export const isInsider = (viewer: RequestViewer) => viewer.operator || viewer.customerRole !== null || viewer.expert;

/**
 * The full description: public without NDA terms; behind them, for the customer, the operator, the appointed experts
 * and the members of an organization that accepted the current version of the terms.
 */
export const canReadDescription = (request: { ndaTerms: string | null }, viewer: RequestViewer) =>
  request.ndaTerms === null || isInsider(viewer) || viewer.ndaAccepted;

/** Owners and managers act for the customer: write, moderate, close, resolve, cancel, appoint experts. */
export const canActForCustomer = (viewer: Pick<RequestViewer, 'customerRole'>) =>
  viewer.customerRole === 'owner' || viewer.customerRole === 'manager';

/** Who may fire each event (the state machine then says whether it is possible now). */
export function mayFire(event: RequestEvent, viewer: RequestViewer): boolean {
  switch (event) {
    case 'moderate':
    case 'resolve':
      return canActForCustomer(viewer);
    case 'publish':
    case 'return':
      return viewer.operator;
    case 'close':
    case 'cancel':
      return canActForCustomer(viewer) || viewer.operator;
  }
}

/**
 * A request accepts solutions while it is published and its deadline has not passed — even in the minute before
 * the deadline job closes it.
 */
export const isOpenForSolutions = (request: { status: RequestStatus; deadline: Date }, now: Date) =>
  request.status === 'published' && request.deadline.getTime() > now.getTime();

/** The events the viewer may fire on the request now. */
export function allowedEventsFor(
  request: { status: RequestStatus; deadline: Date },
  viewer: RequestViewer,
  now: Date,
): RequestEvent[] {
  return REQUEST_EVENTS.filter((event) => {
    if (!mayFire(event, viewer) || nextRequestStatus(request.status, event) === null) return false;
    // a request whose deadline passed is not published, nor sent to moderation, until the deadline moves
    if ((event === 'publish' || event === 'moderate') && request.deadline.getTime() <= now.getTime()) return false;
    return true;
  });
}

/** Experts are appointed while the request is alive; a resolved or cancelled one is over. */
export const acceptsExperts = (status: RequestStatus) => status !== 'resolved' && status !== 'cancelled';

/** Only a draft changes; once in moderation the customer asks the operator to return it. */
export const isEditable = (status: RequestStatus) => status === 'draft';

/** Solution statuses that may win a request. */
export const WINNING_SOLUTION_STATUSES = ['shortlisted', 'pilot', 'contract'] as const;
