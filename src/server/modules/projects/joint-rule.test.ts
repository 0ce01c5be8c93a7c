import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CONSORTIUM_MAX, CONSORTIUM_MIN, JOINT_MIN_PARTICIPANTS, PARTNER_STATUSES } from '../../../shared/ventures.ts';
import { consortiumCheck, countConfirmedParticipants, isJoint, type ParticipationFacts } from './joint-rule.ts';

const partner = (organizationId: string, status: 'invited' | 'confirmed' | 'declined', isParticipant = true) => ({
  organizationId,
  status,
  isParticipant,
});

test('joint rule: distinct confirmed participants, the lead included when it is a participant', () => {
  const cases: Array<[string, ParticipationFacts, number]> = [
    ['a lead alone', { lead: { isParticipant: true }, partners: [] }, 1],
    ['a lead outside the cluster alone', { lead: { isParticipant: false }, partners: [] }, 0],
    ['a confirmed participant partner', { lead: { isParticipant: true }, partners: [partner('a', 'confirmed')] }, 2],
    ['an invited partner never counts', { lead: { isParticipant: true }, partners: [partner('a', 'invited')] }, 1],
    ['a declined partner never counts', { lead: { isParticipant: true }, partners: [partner('a', 'declined')] }, 1],
    [
      'a confirmed partner outside the cluster does not count',
      { lead: { isParticipant: true }, partners: [partner('a', 'confirmed', false)] },
      1,
    ],
    [
      'a lead outside the cluster with two confirmed participants',
      { lead: { isParticipant: false }, partners: [partner('a', 'confirmed'), partner('b', 'confirmed')] },
      2,
    ],
    [
      'one organization listed twice counts once',
      { lead: { isParticipant: true }, partners: [partner('a', 'confirmed'), partner('a', 'confirmed')] },
      2,
    ],
    [
      'the lead listed as its own partner counts once',
      { lead: { organizationId: 'lead', isParticipant: true }, partners: [partner('lead', 'confirmed')] },
      1,
    ],
    [
      'a mix',
      {
        lead: { isParticipant: true },
        partners: [
          partner('a', 'confirmed'),
          partner('b', 'confirmed', false),
          partner('c', 'invited'),
          partner('d', 'declined'),
          partner('e', 'confirmed'),
        ],
      },
      3,
    ],
  ];
  for (const [name, facts, expected] of cases) assert.equal(countConfirmedParticipants(facts), expected, name);
});

test('joint rule: joint from two participants on', () => {
  assert.equal(JOINT_MIN_PARTICIPANTS, 2);
  assert.deepEqual([0, 1, 2, 3, 10].map(isJoint), [false, false, true, true, true]);
});

test('consortium rule: 2–5 participants for the cooperative grant, or the range given', () => {
  assert.deepEqual([CONSORTIUM_MIN, CONSORTIUM_MAX], [2, 5]);
  const verdicts = [0, 1, 2, 3, 4, 5, 6, 9].map((n) => consortiumCheck(n));
  assert.deepEqual(verdicts, ['too_few', 'too_few', 'ok', 'ok', 'ok', 'ok', 'too_many', 'too_many']);
  assert.equal(consortiumCheck(3, { min: 3, max: 3 }), 'ok');
  assert.equal(consortiumCheck(2, { min: 3, max: 4 }), 'too_few');
  assert.equal(consortiumCheck(5, { min: 3, max: 4 }), 'too_many');
});

test('joint rule (property): an unconfirmed or non-participant partner never changes the count', () => {
  const organizationId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const anyPartner = fc.record({
    organizationId,
    status: fc.constantFrom(...PARTNER_STATUSES),
    isParticipant: fc.boolean(),
  });
  const facts = fc.record({
    lead: fc.record({ isParticipant: fc.boolean() }),
    partners: fc.array(anyPartner, { maxLength: 8 }),
  });
  const idle = fc.oneof(
    fc.record({
      organizationId,
      status: fc.constantFrom('invited' as const, 'declined' as const),
      isParticipant: fc.boolean(),
    }),
    fc.record({ organizationId, status: fc.constantFrom(...PARTNER_STATUSES), isParticipant: fc.constant(false) }),
  );
  fc.assert(
    fc.property(facts, idle, fc.nat(), (f, extra, at) => {
      const partners = [...f.partners];
      partners.splice(at % (partners.length + 1), 0, extra);
      return countConfirmedParticipants({ ...f, partners }) === countConfirmedParticipants(f);
    }),
  );
  // and the count never exceeds the lead plus the distinct partners
  fc.assert(
    fc.property(facts, (f) => {
      const n = countConfirmedParticipants(f);
      return n >= 0 && n <= 1 + new Set(f.partners.map((p) => p.organizationId)).size;
    }),
  );
});
