import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/innovation.ts';
import { allowedRequestEvents, nextRequestStatus, REQUEST_EVENTS, type RequestEvent } from './request-status.ts';

// every allowed transition; everything not listed here must be refused
const ALLOWED: Array<[RequestStatus, RequestEvent, RequestStatus]> = [
  ['draft', 'moderate', 'moderation'],
  ['moderation', 'publish', 'published'],
  ['moderation', 'return', 'draft'],
  ['published', 'close', 'closed'],
  ['closed', 'resolve', 'resolved'],
  ['draft', 'cancel', 'cancelled'],
  ['moderation', 'cancel', 'cancelled'],
  ['published', 'cancel', 'cancelled'],
  ['closed', 'cancel', 'cancelled'],
];

test('requests: every status × event pair is allowed exactly as the table says', () => {
  let refused = 0;
  for (const status of REQUEST_STATUSES) {
    for (const event of REQUEST_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextRequestStatus(status, event), expected, `${status} --${event}-->`);
      if (expected === null) refused++;
    }
  }
  assert.equal(refused, REQUEST_STATUSES.length * REQUEST_EVENTS.length - ALLOWED.length);
});

test('requests: resolved and cancelled are final; a published request is never returned to a draft', () => {
  assert.deepEqual(allowedRequestEvents('resolved'), []);
  assert.deepEqual(allowedRequestEvents('cancelled'), []);
  assert.deepEqual(allowedRequestEvents('published'), ['close', 'cancel']);
  assert.equal(nextRequestStatus('published', 'return'), null);
  assert.equal(nextRequestStatus('closed', 'publish'), null, 'a closed request is not reopened');
  assert.equal(nextRequestStatus('draft', 'publish'), null, 'nothing is published without moderation');
});
