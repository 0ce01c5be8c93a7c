import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  emptyProjectValues,
  projectFieldOf,
  projectProblems,
  toCreateProjectBody,
  toPatchProjectBody,
} from './project-form-values.ts';

const filled = {
  ...emptyProjectValues('0b6f4c1e-7a0c-4a55-9d1e-3c4d2b1a0f00', '2026-03-01'),
  title: 'Умные остановки',
  trl: '6',
  technologies: ['ai' as const],
};

test('a fresh form asks for the title and the TRL only', () => {
  const problems = projectProblems(emptyProjectValues('org', '2026-03-01'));
  assert.deepEqual(Object.keys(problems).sort(), ['title', 'trl']);
});

test('rubles become kopecks; empty optional fields are left out of a new project', () => {
  const body = toCreateProjectBody({ ...filled, budget: '1 500 000,5' });
  assert.equal(body.budgetKopecks, '150000050');
  assert.equal(body.trl, 6);
  assert.equal('plannedEndOn' in body, false);
  assert.equal('originSolutionId' in body, false);
});

test('an edit clears what was emptied', () => {
  const body = toPatchProjectBody(filled, 3);
  assert.equal(body.version, 3);
  assert.equal(body.budgetKopecks, null);
  assert.equal(body.plannedEndOn, null);
  assert.equal(body.originDealId, null);
});

test('the planned end may not come before the start; an amount must be rubles', () => {
  const problems = projectProblems({ ...filled, plannedEndOn: '2026-02-01', budget: 'много' });
  assert.equal(problems.plannedEndOn, 'projects.form.endBeforeStart');
  assert.equal(problems.budget, 'projects.form.amountInvalid');
});

test('server field paths map to the form', () => {
  assert.equal(projectFieldOf('budgetKopecks'), 'budget');
  assert.equal(projectFieldOf('technologies.1'), 'technologies');
  assert.equal(projectFieldOf('version'), null);
});
