import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCalendarMonths, isCalendarDate, moscowToday } from './calendar-dates.ts';

test('adding months keeps the day, or takes the last day of a shorter month', () => {
  const cases: Array<[string, number, string]> = [
    ['2026-12-01', 3, '2027-03-01'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-08-31', 3, '2026-11-30'],
    ['2026-10-15', 3, '2027-01-15'],
    ['2026-01-31', 1, '2026-02-28'],
  ];
  for (const [from, months, expected] of cases) assert.equal(addCalendarMonths(from, months), expected, from);
});

test("Moscow's date turns over at 21:00 UTC", () => {
  assert.equal(moscowToday(new Date('2026-11-26T20:59:59Z')), '2026-11-26');
  assert.equal(moscowToday(new Date('2026-11-26T21:00:00Z')), '2026-11-27');
});

test('calendar dates: real days only', () => {
  assert.equal(isCalendarDate('2028-02-29'), true);
  assert.equal(isCalendarDate('2027-02-29'), false);
  assert.equal(isCalendarDate('2026-13-01'), false);
});
