import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  PROBLEM_TYPES,
  REQUEST_KINDS,
  REQUEST_SCOPES,
  REQUEST_STATUSES,
  REWARD_KINDS,
} from '../../../../shared/innovation.ts';
import {
  clientProblems,
  emptyFormValues,
  formFieldOf,
  isoToMoscowLocal,
  moscowLocalToIso,
  toCreateBody,
  toPatchBody,
} from './request-form-values.ts';

test('the deadline is typed in Moscow time and sent as an instant', () => {
  assert.equal(moscowLocalToIso('2026-11-26T18:00'), '2026-11-26T15:00:00.000Z');
  assert.equal(isoToMoscowLocal('2026-11-26T15:00:00.000Z'), '2026-11-26T18:00');
  assert.equal(isoToMoscowLocal('2026-12-31T22:30:00.000Z'), '2027-01-01T01:30');
  assert.equal(moscowLocalToIso('2026-02-31T10:00'), null);
  assert.equal(moscowLocalToIso(''), null);
});

test('a complete form becomes the create body: kopecks, no NDA when the terms are empty', () => {
  const values = {
    ...emptyFormValues('4b1c2a3e-0000-4000-8000-000000000001', 'corporate'),
    title: '  Мониторинг подстанций  ',
    brief: 'Нужна система мониторинга',
    budget: '1 500 000,5',
    deadline: '2026-11-26T18:00',
    ndaTerms: '   ',
  };
  assert.deepEqual(clientProblems(values), {});
  const body = toCreateBody(values);
  assert.equal(body.title, 'Мониторинг подстанций');
  assert.equal(body.budgetKopecks, '150000050');
  assert.equal(body.deadline, '2026-11-26T15:00:00.000Z');
  assert.equal(body.minTrl, 4);
  assert.equal('ndaTerms' in body, false);
});

test('a draft is saved without the fields the browser finds invalid; empty terms remove the NDA', () => {
  const values = { ...emptyFormValues('x', 'city'), title: 'Ко', brief: 'Нужна система', budget: 'сто', deadline: '' };
  const problems = clientProblems(values);
  assert.deepEqual(Object.keys(problems).sort(), ['budget', 'deadline', 'title']);
  const body = toPatchBody(values, 3);
  assert.equal(body.version, 3);
  assert.equal(body.title, undefined);
  assert.equal(body.brief, 'Нужна система');
  assert.equal('budgetKopecks' in body, false);
  assert.equal(body.ndaTerms, null);
  assert.equal(toPatchBody({ ...values, budget: '' }, 3).budgetKopecks, null);
});

test('API field paths land on the form fields', () => {
  assert.equal(formFieldOf('budgetKopecks'), 'budget');
  assert.equal(formFieldOf('scopes.2'), 'scopes');
  assert.equal(formFieldOf('relatedRequestIds.0'), null);
});

test('every request value has a Russian and an English label', () => {
  const groups: Record<string, readonly string[]> = {
    'requests.kind': REQUEST_KINDS,
    'requests.status': REQUEST_STATUSES,
    'requests.scope': REQUEST_SCOPES,
    'requests.problemType': PROBLEM_TYPES,
    'requests.rewardKind': REWARD_KINDS,
    'requests.form.amount': REWARD_KINDS,
  };
  for (const language of ['ru', 'en']) {
    const dictionary = JSON.parse(readFileSync(new URL(`../../../i18n/${language}.json`, import.meta.url), 'utf8'));
    const missing = Object.entries(groups).flatMap(([group, values]) =>
      values
        .map((value) => `${group}.${value}`)
        .filter((key) => typeof key.split('.').reduce((node, part) => node?.[part], dictionary) !== 'string'),
    );
    assert.deepEqual(missing, [], language);
  }
});
