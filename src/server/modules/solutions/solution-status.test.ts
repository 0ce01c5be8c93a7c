import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SOLUTION_STATUSES, type SolutionStatus } from '../../../shared/innovation.ts';
import { allowedSolutionEvents, nextSolutionStatus, SOLUTION_EVENTS, type SolutionEvent } from './solution-status.ts';

// every allowed transition; everything else must be refused
const ALLOWED: Array<[SolutionStatus, SolutionEvent, SolutionStatus]> = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'shortlist', 'shortlisted'],
  ['submitted', 'decline', 'declined'],
  ['shortlisted', 'decline', 'declined'],
  ['shortlisted', 'pilot', 'pilot'],
  ['pilot', 'contract', 'contract'],
  ['shortlisted', 'contract', 'contract'],
  ['pilot', 'not_adopt', 'not_adopted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
];

test('solution: every status × event pair is allowed exactly as the table says', () => {
  for (const status of SOLUTION_STATUSES) {
    for (const event of SOLUTION_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextSolutionStatus(status, event), expected, `${status} --${event}-->`);
    }
  }
});

test('solution: no withdrawal after a decision; declined, contract, not adopted and withdrawn are final', () => {
  for (const decided of ['shortlisted', 'declined', 'pilot', 'contract', 'not_adopted'] as const) {
    assert.equal(nextSolutionStatus(decided, 'withdraw'), null, decided);
  }
  for (const final of ['declined', 'contract', 'not_adopted', 'withdrawn'] as const) {
    assert.deepEqual(allowedSolutionEvents(final), [], final);
  }
});
