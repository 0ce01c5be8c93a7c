import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/measures.ts';
import { hasDeclared, nextReviewStatus, REVIEW_EVENTS, type ReviewEvent } from './review-status.ts';

describe('review state machine', () => {
  const allowed: Array<[ReviewStatus, ReviewEvent, ReviewStatus]> = [
    ['assigned', 'declare', 'declared'],
    ['assigned', 'recuse', 'recused'],
    ['declared', 'submit', 'submitted'],
  ];

  for (const [from, event, to] of allowed) {
    test(`${from} --${event}--> ${to}`, () => assert.equal(nextReviewStatus(from, event), to));
  }

  test('every other pair is refused', () => {
    for (const from of REVIEW_STATUSES) {
      for (const event of REVIEW_EVENTS) {
        if (allowed.some(([f, e]) => f === from && e === event)) continue;
        assert.equal(nextReviewStatus(from, event), null, `${from} --${event}-->`);
      }
    }
  });

  test('scores only after the declaration, never twice; recusal only before seeing the file', () => {
    assert.equal(nextReviewStatus('assigned', 'submit'), null);
    assert.equal(nextReviewStatus('submitted', 'submit'), null);
    assert.equal(nextReviewStatus('declared', 'recuse'), null);
  });

  test('the full file opens after the declaration', () => {
    assert.deepEqual(REVIEW_STATUSES.filter(hasDeclared), ['declared', 'submitted']);
  });
});
