import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PILOT_STATUSES, type PilotStatus } from '../../../shared/innovation.ts';
import {
  allowedPilotEvents,
  nextPilotStatus,
  OPEN_PILOT_STATUSES,
  PILOT_EVENTS,
  type PilotEvent,
} from './pilot-status.ts';

// every allowed transition; everything else must be refused
const ALLOWED: Array<[PilotStatus, PilotEvent, PilotStatus]> = [
  ['proposed', 'approve', 'approved'],
  ['proposed', 'reject', 'rejected'],
  ['approved', 'start', 'running'],
  ['running', 'complete', 'completed'],
  ['proposed', 'cancel', 'cancelled'],
  ['approved', 'cancel', 'cancelled'],
];

test('pilot: every status × event pair is allowed exactly as the table says', () => {
  for (const status of PILOT_STATUSES) {
    for (const event of PILOT_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextPilotStatus(status, event), expected, `${status} --${event}-->`);
    }
  }
});

test('pilot: a running pilot cannot be cancelled; rejected, completed and cancelled are final', () => {
  assert.equal(nextPilotStatus('running', 'cancel'), null);
  for (const final of ['rejected', 'completed', 'cancelled'] as const) assert.deepEqual(allowedPilotEvents(final), []);
});

test('pilot: the open statuses are exactly those from which the pilot can still move', () => {
  assert.deepEqual(
    PILOT_STATUSES.filter((s) => allowedPilotEvents(s).length > 0),
    [...OPEN_PILOT_STATUSES],
  );
});
