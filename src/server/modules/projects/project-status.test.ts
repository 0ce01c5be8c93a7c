import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moscowToday } from '../../../shared/calendar-dates.ts';
import { PROJECT_STATUSES, type ProjectStatus } from '../../../shared/ventures.ts';
import {
  allowedProjectEvents,
  implementedOnFor,
  nextProjectStatus,
  PROJECT_EVENTS,
  type ProjectEvent,
} from './project-status.ts';

// every allowed transition; everything not listed here must be refused
const ALLOWED: Array<[ProjectStatus, ProjectEvent, ProjectStatus]> = [
  ['planned', 'start', 'active'],
  ['planned', 'implement', 'implemented'],
  ['active', 'implement', 'implemented'],
  ['planned', 'cancel', 'cancelled'],
  ['active', 'cancel', 'cancelled'],
];

test('projects: every status × event pair is allowed exactly as the table says', () => {
  let refused = 0;
  for (const status of PROJECT_STATUSES) {
    for (const event of PROJECT_EVENTS) {
      const expected = ALLOWED.find(([s, e]) => s === status && e === event)?.[2] ?? null;
      assert.equal(nextProjectStatus(status, event), expected, `${status} --${event}-->`);
      if (expected === null) refused++;
    }
  }
  assert.equal(refused, PROJECT_STATUSES.length * PROJECT_EVENTS.length - ALLOWED.length);
});

test('projects: implemented and cancelled are final; an active project is not started again', () => {
  assert.deepEqual(allowedProjectEvents('implemented'), []);
  assert.deepEqual(allowedProjectEvents('cancelled'), []);
  assert.deepEqual(allowedProjectEvents('planned'), ['start', 'implement', 'cancel']);
  assert.deepEqual(allowedProjectEvents('active'), ['implement', 'cancel']);
  assert.equal(nextProjectStatus('cancelled', 'implement'), null, 'a cancelled project is never implemented');
});

test('projects: the implementation day is today (Moscow) or an earlier day not before the start', () => {
  const project = { startedOn: '2026-03-01' };
  const today = moscowToday(new Date('2026-11-26T20:30:00Z')); // 23:30 in Moscow: still the 26th there
  assert.equal(today, '2026-11-26');
  assert.equal(moscowToday(new Date('2026-11-26T21:30:00Z')), '2026-11-27', 'after midnight in Moscow');
  const cases: Array<[string | undefined, string, string | null]> = [
    [undefined, '2026-11-26', null],
    ['2026-11-26', '2026-11-26', null],
    ['2026-06-30', '2026-06-30', null],
    ['2026-03-01', '2026-03-01', null],
    ['2026-02-28', '2026-02-28', 'before_start'],
    ['2026-11-27', '2026-11-27', 'future'],
  ];
  for (const [given, day, problem] of cases) {
    assert.deepEqual(implementedOnFor(project, today, given), { day, problem }, `given ${given}`);
  }
  assert.equal(
    implementedOnFor({ startedOn: '2026-12-01' }, today).problem,
    'before_start',
    'a project that starts next month is not implemented today',
  );
});
