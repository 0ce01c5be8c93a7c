import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../../../shared/domain.ts';
import {
  allowedMembershipEvents,
  MEMBERSHIP_EVENTS,
  type MembershipEvent,
  nextMembershipStatus,
} from './membership-status.ts';

// every allowed transition; everything not listed here must be refused
const ALLOWED: Array<[MembershipStatus, MembershipEvent, MembershipStatus]> = [
  ['applied', 'review', 'under_review'],
  ['applied', 'reject', 'rejected'],
  ['under_review', 'approve', 'participant'],
  ['under_review', 'reject', 'rejected'],
  ['participant', 'suspend', 'suspended'],
  ['participant', 'exclude', 'excluded'],
  ['suspended', 'reinstate', 'participant'],
  ['suspended', 'exclude', 'excluded'],
];

test('membership: every status × event pair is allowed exactly as the table says', () => {
  let refused = 0;
  for (const status of MEMBERSHIP_STATUSES) {
    for (const event of MEMBERSHIP_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextMembershipStatus(status, event), expected, `${status} --${event}-->`);
      if (expected === null) refused++;
    }
  }
  assert.equal(refused, MEMBERSHIP_STATUSES.length * MEMBERSHIP_EVENTS.length - ALLOWED.length);
});

test('membership: rejected and excluded are final', () => {
  assert.deepEqual(allowedMembershipEvents('rejected'), []);
  assert.deepEqual(allowedMembershipEvents('excluded'), []);
});

test('membership: approval needs a review first', () => {
  assert.equal(nextMembershipStatus('applied', 'approve'), null);
  assert.deepEqual(allowedMembershipEvents('applied'), ['review', 'reject']);
});
