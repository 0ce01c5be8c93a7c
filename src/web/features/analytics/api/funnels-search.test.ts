import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterGroups, funnelsSearch, isFilterDay, parseFunnelsSearch, periodIsValid } from './funnels-search.ts';

const MEASURE = '886480fd-28a4-4217-afc3-94e38e51b4d1';

test('a link keeps its well-formed filters', () => {
  assert.deepEqual(parseFunnelsSearch({ from: '2026-01-01', to: '2026-12-31', measureId: MEASURE, technology: 'ai' }), {
    from: '2026-01-01',
    to: '2026-12-31',
    measureId: MEASURE,
    customerId: undefined,
    technology: 'ai',
  });
});

test('malformed filters are dropped rather than sent', () => {
  assert.deepEqual(
    parseFunnelsSearch({
      from: '2026-02-31',
      to: '26.11.2026',
      measureId: 'not-an-id',
      customerId: 42,
      technology: 'magic',
    }),
    { from: undefined, to: undefined, measureId: undefined, customerId: undefined, technology: undefined },
  );
});

test('ids are kept in lower case, so one customer is one query', () => {
  assert.equal(parseFunnelsSearch({ customerId: MEASURE.toUpperCase() }).customerId, MEASURE);
});

test('a day is a real calendar day in this century, as typed into a date field', () => {
  assert.equal(isFilterDay('2024-02-29'), true);
  assert.equal(isFilterDay('2026-02-29'), false);
  assert.equal(isFilterDay('2026-13-01'), false);
  // a date field passes through these while a person types 2026
  assert.equal(isFilterDay('0002-01-01'), false);
  assert.equal(isFilterDay('0202-01-01'), false);
  assert.equal(isFilterDay('2026-1-1'), false);
  assert.equal(isFilterDay(undefined), false);
});

test('the address holds only the filters that are set', () => {
  assert.deepEqual(funnelsSearch({ from: '2026-01-01', to: undefined, technology: undefined }), { from: '2026-01-01' });
  assert.deepEqual(funnelsSearch({}), {});
});

test('a period may be open at either end but not end before it starts', () => {
  assert.equal(periodIsValid({}), true);
  assert.equal(periodIsValid({ from: '2026-01-01' }), true);
  assert.equal(periodIsValid({ to: '2026-01-01' }), true);
  assert.equal(periodIsValid({ from: '2026-01-01', to: '2026-01-01' }), true);
  assert.equal(periodIsValid({ from: '2026-01-02', to: '2026-01-01' }), false);
});

test('the two ends of the period read as one filter', () => {
  assert.deepEqual(filterGroups(['from', 'to', 'technology']), ['period', 'technology']);
  assert.deepEqual(filterGroups(['to']), ['period']);
  assert.deepEqual(filterGroups(['technology', 'measureId', 'unknown']), ['measureId', 'technology']);
  assert.deepEqual(filterGroups([]), []);
});
