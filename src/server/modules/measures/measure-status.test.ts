import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MEASURE_STATUSES, type MeasureStatus } from '../../../shared/measures.ts';
import { allowedMeasureEvents, MEASURE_EVENTS, type MeasureEvent, nextMeasureStatus } from './measure-status.ts';

// every allowed transition; everything not listed here must be refused
const ALLOWED: Array<[MeasureStatus, MeasureEvent, MeasureStatus]> = [
  ['draft', 'publish', 'published'],
  ['draft', 'archive', 'archived'],
  ['published', 'close', 'closed'],
  ['closed', 'archive', 'archived'],
];

test('measures: every status × event pair is allowed exactly as the table says', () => {
  let refused = 0;
  for (const status of MEASURE_STATUSES) {
    for (const event of MEASURE_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextMeasureStatus(status, event), expected, `${status} --${event}-->`);
      if (expected === null) refused++;
    }
  }
  assert.equal(refused, MEASURE_STATUSES.length * MEASURE_EVENTS.length - ALLOWED.length);
});

test('measures: archived is final; a published measure is closed before it is archived', () => {
  assert.deepEqual(allowedMeasureEvents('archived'), []);
  assert.deepEqual(allowedMeasureEvents('published'), ['close']);
  assert.equal(nextMeasureStatus('closed', 'publish'), null, 'a closed measure is not reopened');
});
