import assert from 'node:assert/strict';
import { test } from 'node:test';
import { categoryOfKind, DEFAULT_CHANNELS, NOTIFICATION_CATEGORIES } from './notification-categories.ts';

test('every notification kind falls into its category', () => {
  const cases: Array<[string, string]> = [
    ['application.status', 'status'],
    ['application.report', 'status'],
    ['request.status', 'status'],
    ['request.moderation', 'status'],
    ['request.expert', 'status'],
    ['solution.shortlisted', 'status'],
    ['solution.contract', 'status'],
    ['pilot.proposed', 'status'],
    ['pilot.completed', 'status'],
    ['project.status', 'status'],
    ['project.invitation', 'status'],
    ['deal.confirmed', 'status'],
    ['review.assigned', 'status'],
    ['review.recused', 'status'],
    ['membership.region', 'status'],
    ['membership.decision', 'status'],
    ['report.submitted', 'status'], // the operator hears that a report was filed: a change of its status
    ['request.matching', 'matching_requests'],
    ['request.deadline', 'deadlines'],
    ['measure.deadline', 'deadlines'],
    ['report.due', 'reports'],
    ['report.overdue', 'reports'],
    ['something.new', 'status'],
  ];
  for (const [kind, category] of cases) assert.equal(categoryOfKind(kind), category, kind);
});

test('every category has a default channel', () => {
  assert.deepEqual(Object.keys(DEFAULT_CHANNELS).sort(), [...NOTIFICATION_CATEGORIES].sort());
  assert.deepEqual(DEFAULT_CHANNELS, {
    status: 'immediate',
    matching_requests: 'digest',
    deadlines: 'immediate',
    reports: 'immediate',
  });
});
