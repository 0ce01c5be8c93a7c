import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barShares, formatDays, formatPercent } from './funnel-format.ts';

test('conversion reads as a percentage with one decimal, in each language', () => {
  assert.equal(formatPercent(0.9286, 'ru'), '92,9\u00A0%');
  assert.equal(formatPercent(0.9286, 'en'), '92.9%');
  assert.equal(formatPercent(1, 'ru'), '100\u00A0%');
  assert.equal(formatPercent(0, 'en'), '0%');
  assert.equal(formatPercent(0.1569, 'ru'), '15,7\u00A0%');
});

test('a conversion the server could not compute shows a dash, never 0 %', () => {
  assert.equal(formatPercent(null, 'ru'), '—');
  assert.equal(formatPercent(undefined, 'en'), '—');
  assert.equal(formatPercent(Number.NaN, 'en'), '—');
});

test('large percentages are grouped like other numbers', () => {
  assert.equal(formatPercent(12.5, 'ru'), '1\u202F250\u00A0%');
  assert.equal(formatPercent(12.5, 'en'), '1,250%');
});

test('median days keep their decimal and a dash when unknown', () => {
  assert.equal(formatDays(51.2, 'ru'), '51,2');
  assert.equal(formatDays(51.2, 'en'), '51.2');
  assert.equal(formatDays(3, 'ru'), '3');
  assert.equal(formatDays(0, 'ru'), '0');
  assert.equal(formatDays(null, 'ru'), '—');
});

test('bars are shares of the longest, and a step with anyone never looks empty', () => {
  assert.deepEqual(barShares([51, 38, 15, 8]), [100, 74.5, 29.4, 15.7]);
  assert.deepEqual(barShares([1000, 1, 0]), [100, 1, 0]);
  assert.deepEqual(barShares([0, 0]), [0, 0]);
  assert.deepEqual(barShares([]), []);
});
