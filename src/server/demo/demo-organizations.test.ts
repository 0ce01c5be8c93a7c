import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CAPABILITIES,
  type MembershipStatus,
  MOSCOW_DISTRICTS,
  OKVED_CODE_PATTERN,
  okvedSectionOf,
  RESIDENCIES,
  STARTUP_STAGES,
  TECHNOLOGY_AREAS,
} from '../../shared/domain.ts';
import { isValidInn, isValidKpp, isValidOgrn, REGISTRY_NUMBER_PATTERN } from '../../shared/requisites.ts';
import { MEMBERSHIP_EVENTS, nextMembershipStatus } from '../modules/membership/membership-status.ts';
import { type DemoOrganization, demoMembershipHistory, generateDemoOrganizations } from './demo-organizations.ts';

// generated once: every test below reads the same 10 000 organizations
const ORGS = generateDemoOrganizations(10_000);

function share(predicate: (org: DemoOrganization) => boolean): number {
  return (ORGS.filter(predicate).length / ORGS.length) * 100;
}

function assertShare(label: string, actual: number, target: number, tolerance = 3) {
  assert.ok(Math.abs(actual - target) <= tolerance, `${label}: ${actual.toFixed(1)} % is not ${target} ± ${tolerance}`);
}

test('demo: the same seed gives the same organizations, another seed others', () => {
  assert.deepEqual(generateDemoOrganizations(50), generateDemoOrganizations(50));
  assert.deepEqual(generateDemoOrganizations(50, 2026), ORGS.slice(0, 50), 'a larger set extends a smaller one');
  assert.deepEqual(generateDemoOrganizations(50, 7), generateDemoOrganizations(50, 7));
  assert.notDeepEqual(
    generateDemoOrganizations(50, 7).map((o) => o.shortName),
    ORGS.slice(0, 50).map((o) => o.shortName),
  );
});

test('demo: count is checked', () => {
  assert.deepEqual(generateDemoOrganizations(0), []);
  assert.throws(() => generateDemoOrganizations(-1), RangeError);
  assert.throws(() => generateDemoOrganizations(1.5), RangeError);
  assert.throws(() => generateDemoOrganizations(100_001), RangeError);
});

test('demo: INN, OGRN and KPP are valid and INN/OGRN unique', () => {
  for (const org of ORGS) {
    assert.ok(isValidInn(org.inn, org.legalType), `INN ${org.inn}`);
    assert.ok(isValidOgrn(org.ogrn, org.legalType), `OGRN ${org.ogrn}`);
    if (org.legalType === 'legal_entity') {
      assert.ok(org.kpp && isValidKpp(org.kpp), `KPP ${org.kpp}`);
      assert.equal(org.kpp.slice(0, 4), org.inn.slice(0, 4), 'KPP is issued by the INN tax office');
      assert.ok(org.ogrn.startsWith('1'));
      assert.notEqual(org.legalForm, 'ИП');
    } else {
      assert.equal(org.kpp, null);
      assert.equal(org.legalForm, 'ИП');
      assert.ok(org.shortName.startsWith('ИП '));
    }
    assert.equal(org.ogrn.slice(3, 5), org.regionCode, 'OGRN carries the region');
  }
  assert.equal(new Set(ORGS.map((o) => o.inn)).size, ORGS.length);
  assert.equal(new Set(ORGS.map((o) => o.ogrn)).size, ORGS.length);
  assertShare(
    'sole proprietors',
    share((o) => o.legalType === 'sole_proprietor'),
    7,
    1.5,
  );
});

test('demo: registry numbers are unique, well formed and match the admission year', () => {
  const numbers: string[] = [];
  for (const org of ORGS) {
    const admitted = ['participant', 'suspended', 'excluded'].includes(org.membershipStatus);
    if (!admitted) {
      assert.equal(org.registryNumber, null);
      assert.equal(org.admittedAt, null);
      continue;
    }
    assert.ok(org.registryNumber && REGISTRY_NUMBER_PATTERN.test(org.registryNumber), `${org.registryNumber}`);
    assert.ok(org.admittedAt);
    assert.equal(org.registryNumber.slice(4, 8), String(org.admittedAt.getUTCFullYear()));
    assert.ok(org.admittedAt >= new Date('2018-01-01T00:00:00Z') && org.admittedAt < new Date('2026-11-01T00:00:00Z'));
    assert.ok(org.foundedOn < org.admittedAt.toISOString().slice(0, 10), 'founded before admission');
    numbers.push(org.registryNumber);
  }
  assert.equal(new Set(numbers).size, numbers.length);
  // sequences follow generation order: 1, 2, 3…
  assert.deepEqual(
    numbers.map((n) => Number(n.slice(-6))),
    numbers.map((_, i) => i + 1),
  );
});

test('demo: membership statuses are shared as targeted', () => {
  const targets = { participant: 82, applied: 5, under_review: 3, rejected: 3, suspended: 2, excluded: 1, none: 4 };
  for (const [status, target] of Object.entries(targets)) {
    assertShare(
      status,
      share((o) => o.membershipStatus === status),
      target,
    );
  }
});

test('demo: partners only outside Moscow, participants only in it', () => {
  for (const org of ORGS) {
    if (org.membershipStatus === 'none') assert.equal(org.membershipKind, null);
    else assert.equal(org.membershipKind, org.regionCode === '77' ? 'participant' : 'partner');
    if (org.regionCode === '77') assert.ok(MOSCOW_DISTRICTS.includes(org.district as never), `${org.district}`);
    else assert.equal(org.district, null);
  }
  assertShare(
    'Moscow',
    share((o) => o.regionCode === '77'),
    88,
  );
});

test('demo: startups have a stage, others none', () => {
  for (const org of ORGS) {
    if (org.isStartup) assert.ok(org.startupStage && STARTUP_STAGES.includes(org.startupStage));
    else assert.equal(org.startupStage, null);
  }
  assertShare(
    'startups',
    share((o) => o.isStartup),
    35,
  );
  assertShare(
    'exporters',
    share((o) => o.isExporter),
    15,
  );
});

test('demo: categories, sizes and classifiers are consistent', () => {
  const limits = { micro: [0, 15], small: [16, 100], medium: [101, 250], large: [251, Number.POSITIVE_INFINITY] };
  for (const org of ORGS) {
    const [min, max] = limits[org.smeCategory];
    assert.ok(org.employees >= min && org.employees <= max, `${org.smeCategory} with ${org.employees}`);
    assert.ok(org.annualRevenueKopecks >= 0n);
    if (org.smeCategory === 'micro') assert.ok(org.annualRevenueKopecks <= 120_000_000n * 100n);
    assert.match(org.okvedMain, new RegExp(OKVED_CODE_PATTERN));
    assert.equal(org.okvedSection, okvedSectionOf(org.okvedMain));
    assert.ok(org.okvedExtra.length <= 3 && !org.okvedExtra.includes(org.okvedMain));
    assert.ok(org.technologies.length >= 1 && org.technologies.length <= 4);
    assert.equal(new Set(org.technologies).size, org.technologies.length);
    for (const t of org.technologies) assert.ok(TECHNOLOGY_AREAS.includes(t));
    assert.ok(org.capabilities.includes('company'));
    for (const c of org.capabilities) assert.ok(CAPABILITIES.includes(c));
    for (const r of org.residencies) assert.ok(RESIDENCIES.includes(r));
    assert.match(org.foundedOn, /^(199[5-9]|20[0-2]\d)-\d{2}-\d{2}$/);
    assert.ok(org.foundedOn <= '2025-12-31');
    if (org.website) assert.match(org.website, /^https:\/\/[a-z0-9-]+\.ru$/);
  }
  assertShare(
    'micro',
    share((o) => o.smeCategory === 'micro'),
    45,
  );
  assertShare(
    'large',
    share((o) => o.smeCategory === 'large'),
    10,
  );
  assertShare(
    'with a website',
    share((o) => o.website !== null),
    70,
  );
  assert.ok(new Set(ORGS.map((o) => o.shortName)).size > ORGS.length * 0.95, 'names are mostly distinct');
});

test('demo: descriptions speak about drones in the words a search uses', () => {
  const drones = ORGS.filter((o) => /беспилотн/i.test(o.description));
  assert.ok(drones.length >= 20, `${drones.length}`);
  assert.ok(ORGS.some((o) => o.description.includes('беспилотных летательных аппаратов')));
  assert.ok(ORGS.some((o) => o.description.includes('беспилотные летательные аппараты')));
  for (const org of ORGS.slice(0, 500)) {
    const sentences = org.description.split(/(?<=\.)\s/);
    assert.ok(sentences.length >= 1 && sentences.length <= 3, org.description);
  }
});

test('demo: membership histories follow the state machine and end in the current status', () => {
  const transitionExists = (from: MembershipStatus, to: MembershipStatus) =>
    MEMBERSHIP_EVENTS.some((event) => nextMembershipStatus(from, event) === to);
  for (const org of ORGS) {
    const history = demoMembershipHistory(org);
    if (org.membershipStatus === 'none') {
      assert.deepEqual(history, []);
      continue;
    }
    assert.equal(history[0].status, 'applied');
    assert.equal(history[history.length - 1].status, org.membershipStatus);
    assert.ok(history[0].at.toISOString().slice(0, 10) > org.foundedOn, 'applied after founding');
    for (let i = 1; i < history.length; i++) {
      assert.ok(
        transitionExists(history[i - 1].status, history[i].status),
        `${org.inn}: ${history[i - 1].status} → ${history[i].status}`,
      );
      assert.ok(history[i].at > history[i - 1].at, `${org.inn}: dates go forward`);
    }
    for (const step of history) {
      assert.ok(step.at < new Date('2026-11-26T00:00:00Z'));
      if (['participant', 'rejected', 'suspended', 'excluded'].includes(step.status)) assert.ok(step.reason);
    }
    if (org.admittedAt) {
      const admission = history.find((s) => s.status === 'participant');
      assert.equal(admission?.at.getTime(), org.admittedAt.getTime());
    }
  }
  assert.deepEqual(demoMembershipHistory(ORGS[0]), demoMembershipHistory(ORGS[0]));
});
