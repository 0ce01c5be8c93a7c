import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatDateTimeSeconds, formatKopecks, formatNumber } from './format.ts';

test('money in kopecks keeps every digit and follows the language', () => {
  assert.equal(formatKopecks('123456789', 'ru'), '1\u202F234\u202F567,89\u00A0₽');
  assert.equal(formatKopecks('123456789', 'en'), '₽1,234,567.89');
  assert.equal(formatKopecks('900719925474099312', 'en'), '₽9,007,199,254,740,993.12');
  assert.equal(formatKopecks('5', 'ru'), '0,05\u00A0₽');
});

test('numbers are grouped with thin spaces in Russian', () => {
  assert.equal(formatNumber(1234567, 'ru'), '1\u202F234\u202F567');
  assert.equal(formatNumber(1234567, 'en'), '1,234,567');
  assert.equal(formatNumber(12, 'ru'), '12');
});

test('dates are dd.mm.yyyy in Moscow time; date-only strings are not shifted', () => {
  assert.equal(formatDate('2026-11-26'), '26.11.2026');
  assert.equal(formatDate('2026-11-25T22:30:00Z'), '26.11.2026');
  assert.equal(formatDate(null), '');
  assert.match(formatDateTime('2026-11-26T11:05:00Z'), /^26\.11\.2026,? 14:05$/);
});

test('a moment with seconds, in Moscow time', () => {
  assert.match(formatDateTimeSeconds('2026-11-26T11:05:09Z'), /^26\.11\.2026,? 14:05:09$/);
  assert.match(formatDateTimeSeconds('2026-11-26T21:00:00.400Z'), /^27\.11\.2026,? 00:00:00$/);
  assert.equal(formatDateTimeSeconds('not a date'), '');
});
