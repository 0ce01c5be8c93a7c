// When a project is joint, and when it may stand as a consortium for the cooperative grant. Pure: the caller reads
// the lead's and the partners' standing first.
import {
  CONSORTIUM_MAX,
  CONSORTIUM_MIN,
  JOINT_MIN_PARTICIPANTS,
  type PartnerStatus,
} from '../../../shared/ventures.ts';

export interface ParticipationFacts {
  lead: { organizationId?: string; isParticipant: boolean };
  partners: Array<{ organizationId: string; status: PartnerStatus; isParticipant: boolean }>;
}

/**
 * Distinct cluster participants that take part: the lead (it confirms by leading) when it is a participant, and every
 * partner participant that confirmed. An invited or declined partner, or one outside the cluster, never counts; an
 * organization listed twice (or the lead listed as its own partner) counts once.
 */
export function countConfirmedParticipants(facts: ParticipationFacts): number {
  const counted = new Set<string>();
  let leadCounted = false;
  if (facts.lead.isParticipant) {
    if (facts.lead.organizationId) counted.add(facts.lead.organizationId);
    else leadCounted = true;
  }
  for (const partner of facts.partners) {
    if (partner.status === 'confirmed' && partner.isParticipant) counted.add(partner.organizationId);
  }
  return counted.size + (leadCounted ? 1 : 0);
}

export const isJoint = (confirmedParticipants: number) => confirmedParticipants >= JOINT_MIN_PARTICIPANTS;

export type ConsortiumVerdict = 'ok' | 'too_few' | 'too_many';

/** A consortium holds between `min` and `max` confirmed participants (2–5 for the cooperative grant). */
export function consortiumCheck(
  confirmedParticipants: number,
  range: { min: number; max: number } = { min: CONSORTIUM_MIN, max: CONSORTIUM_MAX },
): ConsortiumVerdict {
  if (confirmedParticipants < range.min) return 'too_few';
  if (confirmedParticipants > range.max) return 'too_many';
  return 'ok';
}
