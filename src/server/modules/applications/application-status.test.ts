import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../shared/measures.ts';
import {
  APPLICATION_EVENTS,
  type ApplicationEvent,
  allowedApplicationEvents,
  nextApplicationStatus,
} from './application-status.ts';

// every allowed transition; everything else must be refused
const ALLOWED: Array<[ApplicationStatus, ApplicationEvent, ApplicationStatus]> = [
  ['draft', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'return', 'returned'],
  ['registered', 'return', 'returned'],
  ['submitted', 'register', 'registered'],
  ['registered', 'start_review', 'under_review'],
  ['under_review', 'approve', 'approved'],
  ['registered', 'reject', 'rejected'],
  ['under_review', 'reject', 'rejected'],
  ['approved', 'sign_agreement', 'agreement_signed'],
  ['agreement_signed', 'pay', 'disbursing'],
  ['disbursing', 'pay', 'disbursing'],
  ['disbursing', 'start_reporting', 'reporting'],
  ['reporting', 'complete', 'completed'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['returned', 'withdraw', 'withdrawn'],
  ['registered', 'withdraw', 'withdrawn'],
  ['under_review', 'withdraw', 'withdrawn'],
];

test('application: every status × event pair is allowed exactly as the table says', () => {
  for (const status of APPLICATION_STATUSES) {
    for (const event of APPLICATION_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextApplicationStatus(status, event), expected, `${status} --${event}-->`);
    }
  }
});

test('application: no withdrawal after a decision; rejected, withdrawn and completed are final', () => {
  for (const decided of ['approved', 'rejected', 'agreement_signed', 'disbursing', 'reporting', 'completed'] as const) {
    assert.equal(nextApplicationStatus(decided, 'withdraw'), null, decided);
  }
  for (const final of ['rejected', 'withdrawn', 'completed'] as const)
    assert.deepEqual(allowedApplicationEvents(final), []);
});
