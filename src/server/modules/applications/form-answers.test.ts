import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormField } from '../../../shared/measures.ts';
import { type FieldError, fileIdsOf, validateAnswers } from './form-answers.ts';

const FORM: FormField[] = [
  { key: 'title', label: 'Название', type: 'text', required: true, maxLength: 10 },
  { key: 'staff', label: 'Сотрудники', type: 'number', required: false, min: 1, max: 100 },
  { key: 'cost', label: 'Стоимость', type: 'money', required: true, min: 100, max: 1_000_000 },
  { key: 'start', label: 'Начало', type: 'date', required: false },
  { key: 'stage', label: 'Стадия', type: 'choice', required: false, options: ['идея', 'прототип'] },
  { key: 'plan', label: 'Бизнес-план', type: 'file', required: true },
];
const UUID = '3f1c2a7e-9b1d-4c5e-8f00-1234567890ab';
const VALID = { title: 'Дроны', cost: '5000', plan: UUID };

const code = (e: FieldError | undefined) => (typeof e === 'string' ? e : e?.code);

// [case, answers, complete, expected errors by path (message code)]
const CASES: Array<[string, Record<string, unknown>, boolean, Record<string, string>]> = [
  ['complete and valid', VALID, true, {}],
  [
    'all optional fields valid too',
    { ...VALID, staff: 5, start: '2026-02-28', stage: 'идея', plan: [UUID, UUID] },
    true,
    {},
  ],
  ['a draft may miss required answers', {}, false, {}],
  [
    'submission may not',
    {},
    true,
    { 'answers.title': 'field.required', 'answers.cost': 'field.required', 'answers.plan': 'field.required' },
  ],
  ['blank text counts as missing', { ...VALID, title: '   ' }, true, { 'answers.title': 'field.required' }],
  ['an empty file list counts as missing', { ...VALID, plan: [] }, true, { 'answers.plan': 'field.required' }],
  ['unknown keys are refused', { ...VALID, extra: 1 }, false, { 'answers.extra': 'field.unknown' }],
  ['text too long', { ...VALID, title: 'Очень длинное название' }, true, { 'answers.title': 'field.too_long' }],
  ['text must be a string', { ...VALID, title: 42 }, true, { 'answers.title': 'field.type' }],
  [
    'text without control characters',
    { ...VALID, title: 'a\u0000b' },
    true,
    { 'answers.title': 'field.control_chars' },
  ],
  ['number below min', { ...VALID, staff: 0 }, true, { 'answers.staff': 'field.too_small' }],
  ['number above max', { ...VALID, staff: 101 }, true, { 'answers.staff': 'field.too_big' }],
  ['number as a string is refused', { ...VALID, staff: '5' }, true, { 'answers.staff': 'field.type' }],
  ['number must be finite', { ...VALID, staff: Number.POSITIVE_INFINITY }, true, { 'answers.staff': 'field.type' }],
  ['money as a float is refused', { ...VALID, cost: 50.5 }, true, { 'answers.cost': 'field.format' }],
  ['money with a decimal point is refused', { ...VALID, cost: '50.5' }, true, { 'answers.cost': 'field.format' }],
  ['money with leading zeros is refused', { ...VALID, cost: '0100' }, true, { 'answers.cost': 'field.format' }],
  ['money below min', { ...VALID, cost: '99' }, true, { 'answers.cost': 'field.too_small' }],
  ['money above max', { ...VALID, cost: '1000001' }, true, { 'answers.cost': 'field.too_big' }],
  [
    'money beyond 2^53 compares exactly',
    { ...VALID, cost: '900719925474099300' },
    true,
    { 'answers.cost': 'field.too_big' },
  ],
  ['date must exist', { ...VALID, start: '2026-02-30' }, true, { 'answers.start': 'field.format' }],
  ['date must be ISO', { ...VALID, start: '30.01.2026' }, true, { 'answers.start': 'field.format' }],
  ['choice outside the options', { ...VALID, stage: 'продажи' }, true, { 'answers.stage': 'field.choice' }],
  ['file ids are uuids', { ...VALID, plan: 'not-a-uuid' }, true, { 'answers.plan': 'field.format' }],
  ['file answer is an id or a list', { ...VALID, plan: { id: UUID } }, true, { 'answers.plan': 'field.type' }],
  ['wrong types are reported even in a draft', { cost: 12.5 }, false, { 'answers.cost': 'field.format' }],
];

for (const [name, answers, complete, expected] of CASES) {
  test(`form answers: ${name}`, () => {
    const errors = validateAnswers(FORM, answers, { complete });
    assert.deepEqual(Object.fromEntries(Object.entries(errors).map(([path, e]) => [path, code(e)])), expected);
  });
}

test('form answers: limits travel with the message', () => {
  const errors = validateAnswers(FORM, { ...VALID, title: 'x'.repeat(11) }, { complete: true });
  assert.deepEqual(errors['answers.title'], { code: 'field.too_long', params: { limit: 10 } });
});

test('form answers: file ids of an answer', () => {
  assert.deepEqual(fileIdsOf(UUID), [UUID]);
  assert.deepEqual(fileIdsOf([UUID, 5]), [UUID]);
  assert.deepEqual(fileIdsOf(undefined), []);
});
