import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { STARTUP_STAGES, TECHNOLOGY_AREAS } from '../../shared/domain.ts';
import {
  DEAL_INSTRUMENTS,
  DEAL_ROUNDS,
  DEAL_STATUSES,
  INVESTOR_TYPES,
  MARKETS,
  PARTNER_STATUSES,
  PROJECT_STAGES,
  PROJECT_STATUSES,
} from '../../shared/ventures.ts';
import { statusEvents } from '../db/schema/events.ts';
import { deals, investorProfiles, startupNeeds } from '../db/schema/investments.ts';
import { organizations } from '../db/schema/organizations.ts';
import { projectPartners, projects } from '../db/schema/projects.ts';
import { DEMO_INNOVATION_SIZES, demoInnovationOrganizations, generateDemoInnovation } from './demo-innovation.ts';
import { generateDemoOrganizations } from './demo-organizations.ts';
import {
  DEMO_VENTURES_SIZES,
  type DemoVentureOrganization,
  type DemoVentures,
  type DemoVenturesInput,
  generateDemoVentures,
} from './demo-ventures.ts';
import { seedIfEmpty } from './seed.ts';

const NOW = new Date('2026-11-26T09:00:00Z');
const DAY = 86_400_000;
const ADMITTED = new Date(NOW.getTime() - 180 * DAY);
const FULL_INVESTMENT = 3_420_000_000_000n;

/** The demo accounts' organizations as the seed has them. */
const ACCOUNT_ORGS: DemoVentureOrganization[] = [
  {
    inn: '9909000011',
    shortName: 'ООО «Демо Технологии»',
    capabilities: ['company'],
    technologies: ['ai', 'smart_city'],
    okvedMain: '62.01',
    district: 'ЦАО',
    regionCode: '77',
    smeCategory: 'small',
    foundedOn: '2015-03-01',
    isStartup: false,
    startupStage: null,
    membershipStatus: 'participant',
    membershipKind: 'participant',
    admittedAt: ADMITTED,
  },
  {
    inn: '9909000022',
    shortName: 'ПАО «Московская энергетическая корпорация»',
    capabilities: ['company', 'customer'],
    technologies: ['energy', 'iot'],
    okvedMain: '35.11',
    district: 'ЦАО',
    regionCode: '77',
    smeCategory: 'large',
    foundedOn: '2015-03-01',
    isStartup: false,
    startupStage: null,
    membershipStatus: 'participant',
    membershipKind: 'participant',
    admittedAt: ADMITTED,
  },
  {
    inn: '9909000044',
    shortName: 'АО «Венчурный фонд Демо»',
    capabilities: ['investor'],
    technologies: ['ai', 'biotech', 'fintech'],
    okvedMain: '64.30',
    district: 'ЦАО',
    regionCode: '77',
    smeCategory: 'medium',
    foundedOn: '2015-03-01',
    isStartup: false,
    startupStage: null,
    membershipStatus: 'none',
    membershipKind: null,
    admittedAt: null,
  },
];
const ACCOUNTS = { company: '9909000011', corporate: '9909000022', investor: '9909000044' };
/** The city department's account: a customer of open innovation, nothing of projects and investments. */
const CITY_ORG: DemoVentureOrganization = {
  ...ACCOUNT_ORGS[0],
  inn: '9909000033',
  shortName: 'ГКУ «Центр городских инноваций»',
  capabilities: ['customer'],
  technologies: ['smart_city', 'transport'],
  okvedMain: '84.11',
  smeCategory: 'large',
  membershipStatus: 'none',
  membershipKind: null,
  admittedAt: null,
};

function inputFor(size: 'small' | 'full'): DemoVenturesInput {
  const generated = generateDemoOrganizations(size === 'full' ? 10_000 : 40);
  const innovation = generateDemoInnovation({
    now: NOW,
    size: DEMO_INNOVATION_SIZES[size],
    organizations: [...generated, ...ACCOUNT_ORGS, CITY_ORG].map((o) => ({ ...o, address: null })),
    accounts: { company: ACCOUNTS.company, corporate: ACCOUNTS.corporate, city: CITY_ORG.inn },
  });
  const organizations = [...generated, ...demoInnovationOrganizations(), ...ACCOUNT_ORGS, CITY_ORG];
  // a completed application for a few participants, the cooperative grant among them
  const participants = generated.filter(
    (o) => o.membershipStatus === 'participant' && o.membershipKind === 'participant',
  );
  const applications = participants.slice(0, size === 'full' ? 200 : 4).map((o, i) => ({
    applicationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    organizationKey: o.inn,
    measureCode: i % 3 === 0 ? 'MIK-COOP' : 'MIK-PAT-RU',
    measureTitle: i % 3 === 0 ? 'Грант на кооперационные проекты' : 'Компенсация патентования',
    decidedAt: new Date(Math.max(o.admittedAt!.getTime(), Date.UTC(2019, 0, 1)) + 30 * DAY),
    completedAt: new Date(
      Math.min(Math.max(o.admittedAt!.getTime(), Date.UTC(2019, 0, 1)) + 400 * DAY, NOW.getTime() - DAY),
    ),
  }));
  const requestById = new Map(innovation.requests.map((r) => [r.id, r]));
  return {
    now: NOW,
    size: DEMO_VENTURES_SIZES[size],
    organizations,
    accounts: ACCOUNTS,
    origins: {
      contracts: innovation.contracts.map((c) => ({
        solutionId: c.solutionId,
        pilotId: c.pilotId,
        organizationKey: c.organizationKey,
        customerKey: c.customerKey,
        signedOn: c.signedOn,
        requestTitle: requestById.get(c.requestId)!.title,
        technologies: requestById.get(c.requestId)!.technologies,
      })),
      applications,
    },
  };
}

function tally<T extends string | number>(items: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** The moves of the projects' and deals' state machines (projects/project-status.ts, investments/deal-status.ts). */
const PROJECT_MOVES = new Set([
  'planned>active',
  'planned>implemented',
  'planned>cancelled',
  'active>implemented',
  'active>cancelled',
]);
const DEAL_MOVES = new Set([
  'intro>due_diligence',
  'due_diligence>term_sheet',
  'intro>closed',
  'due_diligence>closed',
  'term_sheet>closed',
  'intro>dropped',
  'due_diligence>dropped',
  'term_sheet>dropped',
]);

function checkTimeline(label: string, moves: Set<string>, steps: Array<{ status: string; at: Date }>, status: string) {
  for (let i = 1; i < steps.length; i++) {
    assert.ok(
      moves.has(`${steps[i - 1].status}>${steps[i].status}`),
      `${label}: ${steps[i - 1].status} → ${steps[i].status}`,
    );
    assert.ok(steps[i].at >= steps[i - 1].at, `${label}: ${steps[i].status} not before ${steps[i - 1].status}`);
  }
  assert.equal(steps.at(-1)!.status, status, `${label} ends in its status`);
  assert.ok(steps.at(-1)!.at <= NOW, `${label}: nothing in the future`);
}

/** The counting rule, written again from the spec: distinct confirmed cluster participants, the lead included. */
function jointFromRows(data: DemoVentures, orgs: DemoVentureOrganization[]) {
  const participant = new Set(
    orgs.filter((o) => o.membershipStatus === 'participant' && o.membershipKind !== 'partner').map((o) => o.inn),
  );
  const confirmed = new Map<string, Set<string>>();
  for (const r of data.partners) {
    if (r.status !== 'confirmed') continue;
    const set = confirmed.get(r.projectId) ?? new Set<string>();
    set.add(r.organizationKey);
    confirmed.set(r.projectId, set);
  }
  return new Map(
    data.projects.map((p) => {
      const members = new Set([p.leadKey, ...(confirmed.get(p.id) ?? [])]);
      return [p.id, [...members].filter((k) => participant.has(k)).length] as const;
    }),
  );
}

/** Everything the database and the state machines demand of the generated data, checked without a database. */
function checkInvariants(data: DemoVentures, input: DemoVenturesInput) {
  const orgs = [...input.organizations, ...data.organizations];
  const orgByInn = new Map(orgs.map((o) => [o.inn, o]));
  assert.equal(new Set(data.projects.map((p) => p.id)).size, data.projects.length, 'project ids are unique');
  assert.equal(new Set(data.deals.map((d) => d.id)).size, data.deals.length, 'deal ids are unique');
  for (const [rows, pattern] of [
    [data.projects, /^ПР-(\d{4})-(\d{6})$/],
    [data.deals, /^СД-(\d{4})-(\d{6})$/],
  ] as const) {
    assert.equal(new Set(rows.map((r) => r.number)).size, rows.length, 'numbers are unique');
    const sorted = [...rows].sort((a, b) => a.number.slice(-6).localeCompare(b.number.slice(-6)));
    for (const [i, row] of sorted.entries()) {
      const m = pattern.exec(row.number);
      assert.ok(m, row.number);
      assert.equal(Number(m[1]), row.createdAt.getUTCFullYear(), `${row.number}: the year it was created`);
      assert.equal(Number(m[2]), i + 1, 'numbered 1.. in order');
      if (i > 0) assert.ok(row.createdAt >= sorted[i - 1].createdAt, `${row.number} in order of creation`);
    }
  }

  const projectById = new Map(data.projects.map((p) => [p.id, p]));
  for (const p of data.projects) {
    const lead = orgByInn.get(p.leadKey);
    assert.ok(lead, `${p.number}: the lead exists`);
    assert.ok(PROJECT_STATUSES.includes(p.status) && PROJECT_STAGES.includes(p.stage), p.number);
    assert.ok(p.trl >= 1 && p.trl <= 9, `${p.number}: TRL`);
    assert.ok(p.budgetKopecks === null || p.budgetKopecks >= 0n, `${p.number}: budget`);
    assert.ok(p.plannedEndOn === null || p.plannedEndOn >= p.startedOn, `${p.number}: dates`);
    assert.equal(p.status === 'implemented', p.implementedOn !== null, `${p.number}: implemented_on iff implemented`);
    assert.equal(p.joint, p.confirmedParticipants >= 2, `${p.number}: joint = (confirmed_participants >= 2)`);
    assert.equal(p.leadDistrict, lead.district, `${p.number}: the lead's district`);
    assert.ok(p.technologies.length > 0 && p.technologies.every((t) => TECHNOLOGY_AREAS.includes(t)), p.number);
    assert.ok(/[а-яё]{4}/i.test(p.title) && p.description.length > p.title.length, `${p.number}: Russian text`);
    assert.equal(p.events[0].status, 'planned', `${p.number} starts planned`);
    assert.equal(p.events[0].at.getTime(), p.createdAt.getTime(), `${p.number}: created with its first step`);
    checkTimeline(p.number, PROJECT_MOVES, p.events, p.status);
    if (p.implementedOn) {
      const done = p.events.at(-1)!.at;
      assert.equal(p.implementedOn, done.toISOString().slice(0, 10), `${p.number}: implemented on the day it was`);
      assert.ok(p.startedOn <= p.implementedOn, `${p.number}: started before implemented`);
    }
    assert.ok(p.updatedAt >= p.createdAt && p.updatedAt <= NOW, `${p.number}: updated_at`);
  }
  const pairs = new Set<string>();
  for (const r of data.partners) {
    const p = projectById.get(r.projectId);
    assert.ok(p, 'a partner of a generated project');
    assert.ok(orgByInn.has(r.organizationKey), 'a partner that exists');
    assert.notEqual(r.organizationKey, p.leadKey, `${p.number}: the lead is not its own partner`);
    const pair = `${r.projectId}/${r.organizationKey}`;
    assert.ok(!pairs.has(pair), `${p.number}: one row per partner`);
    pairs.add(pair);
    assert.ok(PARTNER_STATUSES.includes(r.status));
    assert.equal(r.status === 'invited', r.decidedAt === null, `${p.number}: decided iff not invited`);
    assert.ok(r.invitedAt >= p.createdAt && r.invitedAt <= NOW, `${p.number}: invited while the project was there`);
    if (r.decidedAt)
      assert.ok(r.decidedAt > r.invitedAt && r.decidedAt <= NOW, `${p.number}: decided after the invitation`);
    if (r.decidedAt && p.status !== 'planned' && p.status !== 'active') {
      assert.ok(r.decidedAt <= p.events.at(-1)!.at, `${p.number}: partners decided before the project ended`);
    }
  }
  // partners of the cluster from other regions never lead nor confirm, so no reading of «participant» changes a count
  const partnerKind = (key: string) => {
    const o = orgByInn.get(key)!;
    return o.membershipStatus === 'participant' && o.membershipKind === 'partner';
  };
  assert.ok(!data.projects.some((p) => partnerKind(p.leadKey)), 'no lead is a partner from another region');
  assert.ok(!data.partners.some((r) => r.status === 'confirmed' && partnerKind(r.organizationKey)));
  // the joint flag follows from the partner rows by the counting rule
  const counted = jointFromRows(data, orgs);
  for (const p of data.projects) {
    assert.equal(p.confirmedParticipants, counted.get(p.id), `${p.number}: confirmed_participants from the rows`);
  }

  const profileByOrg = new Map(data.investorProfiles.map((i) => [i.organizationKey, i]));
  assert.equal(profileByOrg.size, data.investorProfiles.length, 'one profile per organization');
  for (const i of data.investorProfiles) {
    const org = orgByInn.get(i.organizationKey);
    assert.ok(org?.capabilities.includes('investor'), `${i.organizationKey}: an investor organization`);
    assert.ok(INVESTOR_TYPES.includes(i.type));
    assert.ok(i.ticketMinKopecks > 0n && i.ticketMinKopecks <= i.ticketMaxKopecks, 'ticket range');
    assert.ok(i.fundSizeKopecks === null || i.fundSizeKopecks > 0n, 'fund size');
    assert.ok(i.stages.length > 0 && i.stages.every((s) => STARTUP_STAGES.includes(s)));
    assert.ok(i.technologies.length > 0 && i.technologies.every((t) => TECHNOLOGY_AREAS.includes(t)));
    assert.ok(i.markets.length > 0 && i.markets.every((m) => MARKETS.includes(m)));
    assert.ok(i.createdAt <= i.updatedAt && i.updatedAt <= NOW);
  }
  const startups = input.organizations.filter((o) => o.isStartup && o.startupStage);
  assert.equal(data.startupNeeds.length, startups.length, 'a need for every startup with a stage');
  for (const n of data.startupNeeds) {
    assert.ok(orgByInn.get(n.organizationKey)?.isStartup);
    assert.ok(n.amountKopecks > 0n && n.rounds.length > 0 && n.rounds.every((r) => DEAL_ROUNDS.includes(r)));
    assert.ok(n.instruments.length > 0 && n.instruments.every((i) => DEAL_INSTRUMENTS.includes(i)));
    assert.ok(n.markets.every((m) => MARKETS.includes(m)) && n.pitch.length > 40 && n.updatedAt <= NOW);
  }

  for (const d of data.deals) {
    assert.ok(profileByOrg.has(d.investorKey), `${d.number}: the investor has a profile`);
    assert.ok(orgByInn.has(d.companyKey), `${d.number}: the company exists`);
    assert.notEqual(d.investorKey, d.companyKey, `${d.number}: two sides`);
    assert.ok(
      DEAL_STATUSES.includes(d.status) && DEAL_ROUNDS.includes(d.round) && DEAL_INSTRUMENTS.includes(d.instrument),
    );
    assert.ok(d.amountKopecks > 0n, `${d.number}: amount`);
    assert.equal(d.status === 'closed', d.closedAt !== null, `${d.number}: closed_at iff closed`);
    const marks = [d.investorConfirmedAt, d.companyConfirmedAt, d.disputedAt];
    assert.ok(marks.every((m) => m === null) || d.status === 'closed', `${d.number}: confirmations only when closed`);
    if (d.disputedAt) {
      // a side that confirmed may not dispute (investments/deal-status.ts)
      const disputer = d.disputedBy === 'investor' ? d.investorConfirmedAt : d.companyConfirmedAt;
      assert.ok(d.disputedBy && !disputer && d.disputeReason, `${d.number}: disputed by a side that did not confirm`);
    }
    for (const m of marks) if (m) assert.ok(m > d.closedAt! && m <= NOW, `${d.number}: confirmed after closing`);
    assert.equal(d.events[0].status, 'intro');
    checkTimeline(d.number, DEAL_MOVES, d.events, d.status);
    if (d.projectId) {
      const p = projectById.get(d.projectId);
      assert.ok(p && p.originDealId === d.id && p.leadKey === d.companyKey, `${d.number}: its project came from it`);
      assert.ok(d.closedAt! < p.createdAt, `${d.number}: closed before the project`);
    }
  }
  for (const p of data.projects) {
    if (p.originDealId) assert.equal(data.deals.find((d) => d.id === p.originDealId)?.projectId, p.id, p.number);
  }
}

function investmentKopecks(data: DemoVentures) {
  return data.deals
    .filter((d) => d.status === 'closed' && d.investorConfirmedAt && d.companyConfirmedAt && !d.disputedAt)
    .reduce((sum, d) => sum + d.amountKopecks, 0n);
}

function checkCoverage(data: DemoVentures) {
  for (const status of PROJECT_STATUSES)
    assert.ok(
      data.projects.some((p) => p.status === status),
      `a ${status} project`,
    );
  for (const status of PARTNER_STATUSES)
    assert.ok(
      data.partners.some((r) => r.status === status),
      `a ${status} partner`,
    );
  for (const status of DEAL_STATUSES)
    assert.ok(
      data.deals.some((d) => d.status === status),
      `a ${status} deal`,
    );
  for (const type of INVESTOR_TYPES)
    assert.ok(
      data.investorProfiles.some((i) => i.type === type),
      `a ${type}`,
    );
  const closed = data.deals.filter((d) => d.status === 'closed');
  assert.ok(
    closed.some((d) => d.investorConfirmedAt && d.companyConfirmedAt),
    'confirmed by both',
  );
  assert.ok(
    closed.some((d) => d.investorConfirmedAt && !d.companyConfirmedAt),
    'by the investor only',
  );
  assert.ok(
    closed.some((d) => !d.investorConfirmedAt && d.companyConfirmedAt),
    'by the company only',
  );
  assert.ok(
    closed.some((d) => d.disputedAt),
    'disputed',
  );
  assert.ok(data.projects.some((p) => p.originSolutionId) && data.projects.some((p) => p.originPilotId));
  assert.ok(data.projects.some((p) => p.originApplicationId) && data.projects.some((p) => p.originDealId));
}

/** The rule matters: confirmed partners that do not count, and participants that did not confirm. */
function checkRuleMatters(data: DemoVentures, input: DemoVenturesInput) {
  const orgByInn = new Map([...input.organizations, ...data.organizations].map((o) => [o.inn, o]));
  const isParticipant = (k: string) => {
    const o = orgByInn.get(k)!;
    return o.membershipStatus === 'participant' && o.membershipKind !== 'partner';
  };
  const rows = new Map<string, typeof data.partners>();
  for (const r of data.partners) rows.set(r.projectId, [...(rows.get(r.projectId) ?? []), r]);
  const implemented = data.projects.filter((p) => p.status === 'implemented' && !p.joint);
  const naive = implemented.filter(
    (p) => 1 + (rows.get(p.id) ?? []).filter((r) => r.status === 'confirmed').length >= 2,
  );
  assert.ok(naive.length > 0, 'non-joint projects with confirmed partners that are not cluster participants');
  const unconfirmed = implemented.filter((p) =>
    (rows.get(p.id) ?? []).some((r) => r.status !== 'confirmed' && isParticipant(r.organizationKey)),
  );
  assert.ok(unconfirmed.length > 0, 'non-joint projects with participants that declined or never confirmed');
}

function checkAccounts(data: DemoVentures) {
  const own = data.projects.filter((p) => p.leadKey === ACCOUNTS.company);
  assert.ok(
    own.some((p) => p.status === 'implemented' && p.joint),
    'the demo company leads a joint implemented project',
  );
  const invitedTo = new Set(data.partners.filter((r) => r.status === 'invited').map((r) => r.projectId));
  assert.ok(
    own.some((p) => p.status === 'active' && invitedTo.has(p.id)),
    'and an active one waiting for a partner to confirm',
  );
  assert.ok(
    data.partners.some((r) => r.organizationKey === ACCOUNTS.company && r.status === 'invited'),
    'the demo company is invited to a project it can confirm',
  );
  const fund = data.deals.filter((d) => d.investorKey === ACCOUNTS.investor);
  assert.ok(new Set(fund.map((d) => d.status)).size >= 4, 'the demo investor has deals in several statuses');
  assert.ok(
    fund.some(
      (d) =>
        d.status === 'closed' &&
        d.companyKey === ACCOUNTS.company &&
        d.investorConfirmedAt &&
        !d.companyConfirmedAt &&
        !d.disputedAt,
    ),
    'a closed deal with the demo company, confirmed only by the investor',
  );
}

describe('demo projects and investments (generator)', () => {
  test('deterministic: the same input gives the same data, ids included', () => {
    const input = inputFor('small');
    const a = generateDemoVentures(input);
    const b = generateDemoVentures(input);
    assert.deepEqual(a, b);
    // the order the organizations come in does not matter
    const c = generateDemoVentures({ ...input, organizations: [...input.organizations].reverse() });
    assert.deepEqual(c, a);
    assert.notDeepEqual(generateDemoVentures({ ...input, seed: 7 }).projects, a.projects);
  });

  test('small: every status, the constraints, the demo accounts', () => {
    const input = inputFor('small');
    const data = generateDemoVentures(input);
    const size = DEMO_VENTURES_SIZES.small;
    const implemented = data.projects.filter((p) => p.status === 'implemented');
    assert.equal(implemented.length, size.implemented);
    assert.equal(implemented.filter((p) => p.joint).length, size.joint);
    assert.equal(data.projects.length, size.implemented + size.other);
    assert.equal(data.deals.length, size.deals);
    assert.ok(data.investorProfiles.length >= 10, `${data.investorProfiles.length} investors`);
    checkInvariants(data, input);
    checkCoverage(data);
    checkRuleMatters(data, input);
    checkAccounts(data);
  });

  test('full: the published figures — 14.3 thousand implemented, 5 thousand joint, 34.2 bn RUB', () => {
    const input = inputFor('full');
    const data = generateDemoVentures(input);
    const implemented = data.projects.filter((p) => p.status === 'implemented');
    assert.ok(Math.abs(implemented.length - 14_300) <= 143, `${implemented.length} implemented`);
    // joint counted again from the partner rows, not from the flag
    const counted = jointFromRows(data, [...input.organizations, ...data.organizations]);
    const joint = implemented.filter((p) => counted.get(p.id)! >= 2);
    assert.ok(Math.abs(joint.length - 5_000) <= 50, `${joint.length} joint`);
    assert.equal(joint.length, implemented.filter((p) => p.joint).length, 'the flags agree with the rows');
    const investment = investmentKopecks(data);
    const off = Number(investment - FULL_INVESTMENT) / Number(FULL_INVESTMENT);
    assert.ok(Math.abs(off) <= 0.02, `investment ${Number(investment / 100n) / 1e9} bn RUB`);
    assert.ok(data.projects.length >= 17_000 && data.deals.length === 4_000);
    assert.ok(data.investorProfiles.length >= 120 && data.investorProfiles.length <= 200, 'about 150 investors');
    // implemented_on grows year by year from 2018; the investment is spread over the same years
    const byYear = tally(implemented.map((p) => Number(p.implementedOn!.slice(0, 4))));
    for (let y = 2019; y <= 2025; y++) assert.ok(byYear.get(y)! > byYear.get(y - 1)!, `${y} beats ${y - 1}`);
    const invested = tally(
      data.deals
        .filter((d) => d.status === 'closed' && d.investorConfirmedAt && d.companyConfirmedAt && !d.disputedAt)
        .map((d) => Number(d.dealDate.slice(0, 4))),
    );
    for (let y = 2018; y <= 2026; y++) assert.ok((invested.get(y) ?? 0) > 0, `investment in ${y}`);
    // titles read like a real showcase: hardly any repeats
    assert.ok(new Set(data.projects.map((p) => p.title)).size === data.projects.length, 'unique titles');
    assert.ok(data.projects.filter((p) => /этап\)$/.test(p.title)).length < data.projects.length * 0.05);
    checkInvariants(data, input);
    checkCoverage(data);
    checkRuleMatters(data, input);
    checkAccounts(data);
  });
});

describe('demo projects and investments (seeded)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('DEMO_DATA=small writes them with their timelines, and the rule holds in the database', async () => {
    const db = t.database.db;
    assert.equal(await seedIfEmpty(db, 'small', { now: () => NOW }), true);
    const size = DEMO_VENTURES_SIZES.small;
    const [row] = await db
      .select({
        implemented: sql<number>`count(*) filter (where ${projects.status} = 'implemented')::int`,
        joint: sql<number>`count(*) filter (where ${projects.status} = 'implemented' and ${projects.joint})::int`,
        total: sql<number>`count(*)::int`,
      })
      .from(projects);
    assert.deepEqual(row, { implemented: size.implemented, joint: size.joint, total: size.implemented + size.other });

    // confirmed_participants counted again in SQL from the partner rows and today's membership: participants of
    // Moscow only, or anyone listed as participant (the projects module's reading) — the same either way
    const mismatched = await query<{ number: string }>(
      db,
      sql`
      with taking_part as (
        select p.id as project_id, p.lead_organization_id as organization_id from projects p
        union
        select pp.project_id, pp.organization_id from project_partners pp where pp.status = 'confirmed'
      ), counted as (
        select t.project_id,
          count(*) filter (where o.membership_status = 'participant' and o.membership_kind = 'participant') as strict,
          count(*) filter (where o.membership_status = 'participant') as listed
        from taking_part t join organizations o on o.id = t.organization_id group by t.project_id
      )
      select p.number from projects p join counted c on c.project_id = p.id
      where p.confirmed_participants <> c.strict or p.confirmed_participants <> c.listed
         or p.joint <> (p.confirmed_participants >= 2)`,
    );
    assert.equal(mismatched.length, 0, JSON.stringify(mismatched.slice(0, 3)));

    const [dealRow] = await db
      .select({
        n: sql<number>`count(*)::int`,
        statuses: sql<number>`count(distinct ${deals.status})::int`,
        invested: sql<string>`coalesce(sum(${deals.amountKopecks}) filter (where ${deals.status} = 'closed' and ${deals.investorConfirmedAt} is not null and ${deals.companyConfirmedAt} is not null and ${deals.disputedAt} is null), 0)::text`,
      })
      .from(deals);
    assert.equal(dealRow.n, size.deals);
    assert.equal(dealRow.statuses, 5);
    const off = Number(BigInt(dealRow.invested) - size.investmentKopecks) / Number(size.investmentKopecks);
    assert.ok(Math.abs(off) <= 0.02, `investment ${dealRow.invested}`);
    const [{ profiles }] = await db.select({ profiles: sql<number>`count(*)::int` }).from(investorProfiles);
    const [{ needs }] = await db.select({ needs: sql<number>`count(*)::int` }).from(startupNeeds);
    assert.ok(profiles >= 10 && needs > 0, `${profiles} profiles, ${needs} needs`);

    // a timeline for every project and deal, starting where the state machine starts
    const timelines = await query<Record<string, unknown>>(
      db,
      sql`
      select e.entity, count(distinct e.entity_id)::int as n,
        count(*) filter (where e.from_status is null)::int as starts,
        bool_and(e.from_status is not null or e.to_status in ('planned', 'intro')) as first_ok
      from status_events e where e.entity in ('project', 'deal') group by e.entity order by e.entity`,
    );
    assert.deepEqual(
      timelines.map((r) => ({ ...r })),
      [
        { entity: 'deal', n: size.deals, starts: size.deals, first_ok: true },
        { entity: 'project', n: size.implemented + size.other, starts: size.implemented + size.other, first_ok: true },
      ],
    );
    const lastSteps = await query<{ wrong: number }>(
      db,
      sql`
      select count(*)::int as wrong from projects p
      where p.status <> (select e.to_status from status_events e where e.entity = 'project' and e.entity_id = p.id
                         order by e.id desc limit 1)`,
    );
    assert.equal(lastSteps[0].wrong, 0, 'every project ends in its status');

    // the number sequences continue past the generated numbers
    const [next] = await query<{ p: number; d: number }>(
      db,
      sql`select nextval('project_number_seq')::int as p, nextval('deal_number_seq')::int as d`,
    );
    assert.equal(next.p, size.implemented + size.other + 1);
    assert.equal(next.d, size.deals + 1);

    // the demo company's cabinet: its projects and the deal it can confirm
    const [company] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.inn, (await innOf(db, 'company@klaster.demo'))!));
    const own = await db.select().from(projects).where(eq(projects.leadOrganizationId, company.id));
    assert.ok(own.some((p) => p.status === 'implemented' && p.joint));
    assert.ok(own.some((p) => p.status === 'active'));
    const invited = await db
      .select()
      .from(projectPartners)
      .where(and(eq(projectPartners.organizationId, company.id), eq(projectPartners.status, 'invited')));
    assert.equal(invited.length, 1, 'the demo company is invited once');
    const toConfirm = await db
      .select()
      .from(deals)
      .where(and(eq(deals.organizationId, company.id), eq(deals.status, 'closed')));
    assert.ok(toConfirm.some((d) => d.investorConfirmedAt && !d.companyConfirmedAt && d.investorConfirmedBy));
    const [{ events }] = await db
      .select({ events: sql<number>`count(*)::int` })
      .from(statusEvents)
      .where(eq(statusEvents.entity, 'project'));
    assert.ok(events >= 2 * (size.implemented + size.other));
  });
});

type Db = TestApp['database']['db'];

/** Rows of a raw query, whichever driver runs it. */
async function query<T>(db: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(statement);
  return (result as unknown as { rows: T[] }).rows;
}

async function innOf(db: Db, email: string) {
  const rows = await query<{ inn: string }>(
    db,
    sql`
    select o.inn from organizations o
    join organization_members m on m.organization_id = o.id
    join users u on u.id = m.user_id where u.email = ${email}`,
  );
  return rows[0]?.inn;
}
