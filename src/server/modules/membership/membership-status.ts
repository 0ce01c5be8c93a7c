// The cluster membership state machine: data plus one pure function.
import type { MembershipStatus } from '../../../shared/domain.ts';

export const MEMBERSHIP_EVENTS = ['review', 'approve', 'reject', 'suspend', 'reinstate', 'exclude'] as const;
export type MembershipEvent = (typeof MEMBERSHIP_EVENTS)[number];

const TRANSITIONS: Record<MembershipEvent, Partial<Record<MembershipStatus, MembershipStatus>>> = {
  review: { applied: 'under_review' },
  approve: { under_review: 'participant' },
  reject: { applied: 'rejected', under_review: 'rejected' },
  suspend: { participant: 'suspended' },
  reinstate: { suspended: 'participant' },
  exclude: { participant: 'excluded', suspended: 'excluded' },
};

/** Events that are decisions and so must carry a reason. */
export const EVENTS_NEEDING_REASON: ReadonlySet<MembershipEvent> = new Set([
  'approve',
  'reject',
  'suspend',
  'reinstate',
  'exclude',
]);

export function nextMembershipStatus(current: MembershipStatus, event: MembershipEvent): MembershipStatus | null {
  return TRANSITIONS[event][current] ?? null;
}

export function allowedMembershipEvents(current: MembershipStatus): MembershipEvent[] {
  return MEMBERSHIP_EVENTS.filter((event) => nextMembershipStatus(current, event) !== null);
}
