import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateEligibility, fullYearsBetween, type OrganizationFacts } from './eligibility.ts';

const now = new Date('2026-11-26T12:00:00Z');
const moscowStartup: OrganizationFacts = {
  membershipStatus: 'participant',
  membershipKind: 'participant',
  regionCode: '77',
  okvedSection: 'J',
  smeCategory: 'small',
  foundedOn: '2021-05-10',
  isStartup: true,
};

test('eligibility: each rule, met and not met, with the reason', () => {
  const table: Array<[string, Parameters<typeof evaluateEligibility>[0], Partial<OrganizationFacts>, boolean, RegExp]> =
    [
      ['no rules', {}, {}, true, /.*/],
      ['participant required, is one', { membershipKinds: ['participant'] }, {}, true, /участник/],
      [
        'participant required, is a partner',
        { membershipKinds: ['participant'] },
        { membershipKind: 'partner' },
        false,
        /партнёр/,
      ],
      [
        'member required, only applied',
        { membershipKinds: ['participant', 'partner'] },
        { membershipStatus: 'applied' },
        false,
        /Подайте заявку/,
      ],
      [
        'suspended is not admitted',
        { membershipKinds: ['participant'] },
        { membershipStatus: 'suspended' },
        false,
        /Подайте/,
      ],
      ['region 77', { regionCodes: ['77'] }, {}, true, /77/],
      ['region 50 refused', { regionCodes: ['77'] }, { regionCode: '50' }, false, /регионе 50/],
      ['OKVED section', { okvedSections: ['C', 'J'] }, {}, true, /раздела J/],
      ['OKVED section refused', { okvedSections: ['C'] }, {}, false, /раздел J/],
      ['SME category', { smeCategories: ['micro', 'small'] }, {}, true, /подходит/],
      ['large refused', { smeCategories: ['micro', 'small'] }, { smeCategory: 'large' }, false, /large/],
      ['age 5: founded 2021-05-10 → 5 full years', { minAgeYears: 5 }, {}, true, /5 лет/],
      ['age 6 refused', { minAgeYears: 6 }, {}, false, /прошло 5/],
      ['age unknown refused', { minAgeYears: 1 }, { foundedOn: null }, false, /не указана/],
      ['startup only', { startupOnly: true }, {}, true, /стартап/],
      ['startup only refused', { startupOnly: true }, { isStartup: false }, false, /только для стартапов/],
    ];
  for (const [name, rules, change, eligible, reason] of table) {
    const result = evaluateEligibility(rules, { ...moscowStartup, ...change }, now);
    assert.equal(result.eligible, eligible, name);
    if (result.checks.length) assert.match(result.checks.map((c) => c.reason).join(' | '), reason, name);
  }
});

test('eligibility: every rule is reported, not only the first failure', () => {
  const result = evaluateEligibility(
    { membershipKinds: ['participant'], regionCodes: ['77'], smeCategories: ['micro'], startupOnly: true },
    { ...moscowStartup, regionCode: '50', membershipKind: 'partner', isStartup: false },
    now,
  );
  assert.equal(result.eligible, false);
  assert.deepEqual(
    result.checks.map((c) => [c.rule, c.met]),
    [
      ['membership', false],
      ['region', false],
      ['smeCategory', false],
      ['startup', false],
    ],
  );
});

test('full years count the anniversary day', () => {
  assert.equal(fullYearsBetween('2020-11-26', now), 6);
  assert.equal(fullYearsBetween('2020-11-27', now), 5);
  assert.equal(fullYearsBetween('2024-02-29', new Date('2025-02-28T00:00:00Z')), 0);
});
