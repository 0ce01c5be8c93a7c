import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MeasureDefinition, validateMeasureDefinition } from './measure-definition.ts';

const valid: MeasureDefinition = {
  maxAmountKopecks: 15_000_000n,
  budgetKopecks: 100_000_000_00n,
  committedKopecks: 0n,
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt: new Date('2026-12-31T00:00:00Z'),
  formFields: [
    { key: 'project_title', label: 'Название проекта', type: 'text', required: true, maxLength: 300 },
    { key: 'stage', label: 'Стадия', type: 'choice', required: true, options: ['Идея', 'Прототип'] },
    { key: 'amount', label: 'Сумма', type: 'money', required: true, min: 100, max: 15_000_000 },
  ],
  criteria: [
    { key: 'K1', name: 'Команда', weight: 0.4, maxScore: 10 },
    { key: 'K2', name: 'Новизна', weight: 0.6, maxScore: 10 },
  ],
};

const now = new Date('2026-11-26T09:00:00Z');

test('validateMeasureDefinition: each problem is reported at its path', () => {
  const fields = valid.formFields;
  const table: Array<[string, Partial<MeasureDefinition>, Record<string, string>, Date?]> = [
    ['a valid definition', {}, {}],
    ['valid for publication too', {}, {}, now],
    ['zero maximum', { maxAmountKopecks: 0n }, { maxAmountKopecks: 'measure.amount_positive' }],
    ['negative budget', { budgetKopecks: -1n }, { budgetKopecks: 'measure.amount_positive' }],
    [
      'maximum over budget',
      { maxAmountKopecks: 2n, budgetKopecks: 1n },
      { maxAmountKopecks: 'measure.max_over_budget' },
    ],
    ['maximum equal to budget', { maxAmountKopecks: 5n, budgetKopecks: 5n }, {}],
    [
      'budget below committed',
      { budgetKopecks: 10n, maxAmountKopecks: 5n, committedKopecks: 11n },
      { budgetKopecks: 'measure.budget_below_committed' },
    ],
    ['window backwards', { closesAt: valid.opensAt }, { closesAt: 'measure.window_order' }],
    [
      'window over by publication',
      { closesAt: new Date('2026-11-20T00:00:00Z') },
      { closesAt: 'measure.window_past' },
      now,
    ],
    ['window over is fine for a draft', { closesAt: new Date('2026-11-20T00:00:00Z') }, {}],
    [
      'window in the future',
      { opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-02-01T00:00:00Z') },
      {},
      now,
    ],
    [
      'key with capitals',
      { formFields: [{ ...fields[0], key: 'Title' }] },
      { 'formFields.0.key': 'measure.field_key_format' },
    ],
    [
      'key starting with a digit',
      { formFields: [{ ...fields[0], key: '1title' }] },
      { 'formFields.0.key': 'measure.field_key_format' },
    ],
    [
      'key of 41 characters',
      { formFields: [{ ...fields[0], key: `a${'b'.repeat(40)}` }] },
      { 'formFields.0.key': 'measure.field_key_format' },
    ],
    ['key of 40 characters', { formFields: [{ ...fields[0], key: `a${'b'.repeat(39)}` }] }, {}],
    [
      'duplicate key',
      { formFields: [fields[0], fields[1], { ...fields[2], key: 'project_title' }] },
      { 'formFields.2.key': 'measure.field_key_duplicate' },
    ],
    [
      'choice without options',
      { formFields: [{ ...fields[1], options: [] }] },
      { 'formFields.0.options': 'measure.choice_options' },
    ],
    [
      'choice with repeated options',
      { formFields: [{ ...fields[1], options: ['А', 'А'] }] },
      { 'formFields.0.options': 'measure.choice_options' },
    ],
    [
      'minimum over maximum',
      { formFields: [{ ...fields[2], min: 10, max: 5 }] },
      { 'formFields.0.max': 'measure.bounds_order' },
    ],
    ['no criteria in a draft', { criteria: [] }, {}],
    ['no criteria for publication', { criteria: [] }, { criteria: 'measure.criteria_required' }, now],
    [
      'zero weight',
      { criteria: [{ ...valid.criteria[0], weight: 0 }] },
      { 'criteria.0.weight': 'measure.weight_positive' },
    ],
    [
      'duplicate criterion',
      { criteria: [valid.criteria[0], { ...valid.criteria[1], key: 'K1' }] },
      { 'criteria.1.key': 'measure.criterion_key_duplicate' },
    ],
    [
      'criterion key with a space',
      { criteria: [{ ...valid.criteria[0], key: 'K 1' }] },
      { 'criteria.0.key': 'measure.criterion_key_format' },
    ],
    ['a consortium of 2–5', { eligibility: { consortium: { min: 2, max: 5 } } }, {}],
    ['a consortium of exactly 3', { eligibility: { consortium: { min: 3, max: 3 } } }, {}],
    [
      'a consortium range upside down',
      { eligibility: { consortium: { min: 5, max: 2 } } },
      { 'eligibility.consortium.max': 'project.consortium_range' },
    ],
  ];
  for (const [name, change, expected, publishAt] of table) {
    const problems = validateMeasureDefinition({ ...valid, ...change }, { publishAt });
    const codes = Object.fromEntries(
      Object.entries(problems).map(([path, p]) => [path, typeof p === 'string' ? p : p.code]),
    );
    assert.deepEqual(codes, expected, name);
  }
});

test('validateMeasureDefinition: several problems at once, all reported', () => {
  const problems = validateMeasureDefinition(
    { ...valid, maxAmountKopecks: 0n, closesAt: valid.opensAt, criteria: [] },
    { publishAt: now },
  );
  assert.deepEqual(Object.keys(problems).sort(), ['closesAt', 'criteria', 'maxAmountKopecks']);
});
