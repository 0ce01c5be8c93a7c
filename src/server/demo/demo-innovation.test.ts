import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { MOSCOW_DISTRICTS, TECHNOLOGY_AREAS } from '../../shared/domain.ts';
import {
  PILOT_MIN_TRL,
  PILOT_SITE_KINDS,
  PILOT_STATUSES,
  type PilotStatus,
  PROBLEM_TYPES,
  REQUEST_SCOPES,
  REQUEST_STATUSES,
  type RequestStatus,
  SOLUTION_STATUSES,
  SOLUTION_SUMMARY_MAX,
  type SolutionStatus,
  TEAM_MAX,
  TEAM_MIN,
} from '../../shared/innovation.ts';
import { statusEvents } from '../db/schema/events.ts';
import { organizationMembers, organizations } from '../db/schema/organizations.ts';
import { contracts, pilotSites, pilots } from '../db/schema/pilots.ts';
import { requests } from '../db/schema/requests.ts';
import { solutionScores, solutions } from '../db/schema/solutions.ts';
import { nextPilotStatus, PILOT_EVENTS } from '../modules/pilots/pilot-status.ts';
import { nextRequestStatus, REQUEST_EVENTS } from '../modules/requests/request-status.ts';
import { nextSolutionStatus, SOLUTION_EVENTS } from '../modules/solutions/solution-status.ts';
import {
  addMonthsIso,
  DEMO_INNOVATION_SIZES,
  type DemoInnovation,
  type DemoInnovationOrganization,
  generateDemoInnovation,
  statusAt,
} from './demo-innovation.ts';
import { generateDemoOrganizations } from './demo-organizations.ts';
import { seedIfEmpty } from './seed.ts';

const NOW = new Date('2026-11-26T09:00:00Z');
const ARCHIVED = new Set(['closed', 'resolved', 'cancelled']);
const DECIDED = new Set(['shortlisted', 'declined', 'pilot', 'contract', 'not_adopted']);
/** Solutions that went through a pilot (or, for a contract, maybe straight from the shortlist). */
const PILOTED = new Set(['pilot', 'contract', 'not_adopted']);
/** What a resolved request's winners may be when it is resolved (as the requests service checks). */
const WINNING = new Set(['shortlisted', 'pilot', 'contract']);

/** The moves the services' own state machines allow. */
const MOVES: Record<'request' | 'solution' | 'pilot', (from: string, to: string) => boolean> = {
  request: (from, to) => REQUEST_EVENTS.some((e) => nextRequestStatus(from as RequestStatus, e) === to),
  solution: (from, to) => SOLUTION_EVENTS.some((e) => nextSolutionStatus(from as SolutionStatus, e) === to),
  pilot: (from, to) => PILOT_EVENTS.some((e) => nextPilotStatus(from as PilotStatus, e) === to),
};

/** The demo accounts' organizations as the seed has them. */
const ACCOUNT_ORGS: DemoInnovationOrganization[] = [
  {
    inn: '9909000011',
    shortName: 'ООО «Демо Технологии»',
    capabilities: ['company'],
    technologies: ['ai', 'smart_city'],
    okvedMain: '62.01',
    district: 'ЦАО',
    address: 'г. Москва, ул. Тверская, д. 1',
    membershipStatus: 'participant',
  },
  {
    inn: '9909000022',
    shortName: 'ПАО «Московская энергетическая корпорация»',
    capabilities: ['company', 'customer'],
    technologies: ['energy', 'iot'],
    okvedMain: '35.11',
    district: 'ЦАО',
    address: 'г. Москва, ул. Тверская, д. 2',
    membershipStatus: 'participant',
  },
  {
    inn: '9909000033',
    shortName: 'ГКУ «Центр городских инноваций»',
    capabilities: ['customer'],
    technologies: ['smart_city', 'transport'],
    okvedMain: '84.11',
    district: 'ЦАО',
    address: 'г. Москва, ул. Тверская, д. 3',
    membershipStatus: 'none',
  },
];
const ACCOUNTS = { company: '9909000011', corporate: '9909000022', city: '9909000033' };

function generate(size: 'small' | 'full', now = NOW) {
  return generateDemoInnovation({
    now,
    size: DEMO_INNOVATION_SIZES[size],
    organizations: [...generateDemoOrganizations(size === 'full' ? 10_000 : 40), ...ACCOUNT_ORGS],
    accounts: ACCOUNTS,
  });
}

function tally<T extends string>(items: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function checkTimeline(
  label: string,
  machine: keyof typeof MOVES,
  steps: Array<{ status: string; at: Date }>,
  status: string,
  now: Date,
) {
  assert.equal(steps[0]?.status, machine === 'pilot' ? 'proposed' : 'draft', `${label} starts right`);
  for (let i = 1; i < steps.length; i++) {
    assert.ok(
      MOVES[machine](steps[i - 1].status, steps[i].status),
      `${label}: ${steps[i - 1].status} → ${steps[i].status}`,
    );
    assert.ok(steps[i].at >= steps[i - 1].at, `${label}: ${steps[i].status} not before ${steps[i - 1].status}`);
  }
  assert.equal(steps.at(-1)!.status, status, `${label} ends in its status`);
  assert.ok(steps.at(-1)!.at <= now, `${label}: nothing in the future`);
}

/** Everything the database and the state machines demand of the generated data, checked without a database. */
function checkInvariants(data: DemoInnovation, now: Date) {
  const requestById = new Map(data.requests.map((r) => [r.id, r]));
  const solutionById = new Map(data.solutions.map((s) => [s.id, s]));
  const siteById = new Map(data.sites.map((s) => [s.id, s]));
  for (const table of [data.sites, data.requests, data.solutions, data.pilots, data.contracts]) {
    assert.equal(new Set(table.map((row) => row.id)).size, table.length, 'ids are unique');
  }
  for (const rows of [data.requests, data.solutions, data.pilots]) {
    assert.equal(new Set(rows.map((row) => row.number)).size, rows.length, 'numbers are unique');
  }
  assert.ok(data.requests.every((r) => /^ЗИ-\d{4}-\d{6}$/.test(r.number)));
  assert.ok(data.solutions.every((s) => /^РШ-\d{4}-\d{6}$/.test(s.number)));
  assert.ok(data.pilots.every((p) => /^ПИ-\d{4}-\d{6}$/.test(p.number)));

  for (const r of data.requests) {
    checkTimeline(r.number, 'request', r.events, r.status, now);
    assert.equal(r.version, r.events.length);
    assert.ok(r.minTrl >= 1 && r.minTrl <= 9);
    assert.ok(r.scopes.length > 0 && r.scopes.every((s) => (REQUEST_SCOPES as readonly string[]).includes(s)));
    assert.ok(r.technologies.every((t) => (TECHNOLOGY_AREAS as readonly string[]).includes(t)));
    assert.ok(r.problemTypes.every((p) => (PROBLEM_TYPES as readonly string[]).includes(p)));
    assert.ok(r.budgetKopecks === null || r.budgetKopecks > 0n);
    assert.ok(r.brief.length > 0 && r.description.length > 0 && r.expectedResult.length > 0);
    if (r.status === 'published') assert.ok(r.deadline > now, `${r.number}: a published request is still open`);
    if (ARCHIVED.has(r.status)) {
      assert.ok(r.deadline <= now, `${r.number}: archived after its deadline`);
      assert.equal(r.closedAt?.getTime(), r.deadline.getTime());
    }
    assert.equal(r.publishedAt === null, r.status === 'draft' || r.status === 'moderation', r.number);
  }

  const active = new Set<string>();
  for (const s of data.solutions) {
    const r = requestById.get(s.requestId)!;
    checkTimeline(s.number, 'solution', s.events, s.status, now);
    assert.equal(s.version, s.events.length);
    assert.ok(s.summary.length >= 1 && s.summary.length <= SOLUTION_SUMMARY_MAX, `${s.number} summary`);
    assert.ok(s.team.length >= TEAM_MIN && s.team.length <= TEAM_MAX, `${s.number} team`);
    assert.ok(s.trl >= 1 && s.trl <= 9);
    assert.ok(s.priceKopecks === null || s.priceKopecks >= 0n);
    assert.notEqual(s.organizationKey, r.organizationKey, 'nobody answers its own request');
    assert.ok(r.status === 'published' || ARCHIVED.has(r.status), `${s.number} answers a public request`);
    if (s.status !== 'withdrawn') {
      const key = `${s.requestId}/${s.organizationKey}`;
      assert.ok(!active.has(key), `${s.number}: one active solution per company per request`);
      active.add(key);
    }
    const created = s.events[0].at;
    assert.ok(r.publishedAt && created >= r.publishedAt, `${s.number} started after publication`);
    if (s.submittedAt) assert.ok(s.submittedAt <= r.deadline, `${s.number} submitted before the deadline`);
    if (s.status === 'draft') assert.equal(r.status, 'published', 'drafts only while the request is open');
    if (r.status === 'cancelled') assert.ok(['declined', 'withdrawn'].includes(s.status), s.number);
    if (r.status === 'resolved') assert.ok(!['submitted', 'draft'].includes(s.status), `${s.number} decided`);
    if (PILOTED.has(s.status)) assert.ok(s.trl >= PILOT_MIN_TRL, `${s.number}: piloted at TRL ≥ 6`);
    for (const e of s.events.filter((x) => DECIDED.has(x.status))) {
      assert.ok(e.at > r.publishedAt!, `${s.number}: decided on a published request`);
    }
    if (s.ndaAcceptedAt) {
      assert.ok(r.ndaTerms !== null && s.ndaAcceptedAt >= r.publishedAt! && s.ndaAcceptedAt <= s.createdAt, s.number);
    }
    if (s.organizationKey === ACCOUNTS.company && r.ndaTerms !== null) assert.ok(s.ndaAcceptedAt, `${s.number} NDA`);
    assert.equal(s.scoreCount, s.scores.length);
    if (s.scores.length) {
      const mean = Math.round(s.scores.reduce((a, x) => a + x.total, 0) / s.scores.length);
      assert.equal(s.scoreAverage, mean);
      assert.equal(new Set(s.scores.map((x) => x.scorer)).size, s.scores.length, 'one score per scorer');
      for (const x of s.scores) {
        assert.ok(x.total >= 0 && x.total <= 100);
        assert.ok(x.scoredAt >= s.submittedAt! && x.scoredAt <= now);
      }
    } else assert.equal(s.scoreAverage, null);
  }
  for (const r of data.requests.filter((x) => x.status === 'resolved')) {
    const resolvedAt = r.events.at(-1)!.at.getTime();
    const winners = data.solutions
      .filter((s) => s.requestId === r.id && WINNING.has(statusAt(s.events, resolvedAt) ?? 'draft'))
      .map((s) => s.id);
    assert.deepEqual([...r.winnerSolutionIds].sort(), winners.sort(), `${r.number} winners`);
    assert.ok(winners.length > 0, `${r.number} resolved with a winner`);
  }

  const openPerSolution = new Set<string>();
  for (const p of data.pilots) {
    const s = solutionById.get(p.solutionId)!;
    const site = siteById.get(p.siteId)!;
    checkTimeline(p.number, 'pilot', p.events, p.status, now);
    assert.equal(p.version, p.events.length);
    assert.ok(p.trl >= PILOT_MIN_TRL && p.trl <= 9, `${p.number} TRL`);
    assert.ok(p.endsOn > p.startsOn && p.endsOn <= addMonthsIso(p.startsOn, 3), `${p.number}: at most three months`);
    assert.equal(p.requestId, s.requestId);
    assert.equal(p.organizationKey, s.organizationKey);
    assert.equal(p.customerKey, requestById.get(p.requestId)!.organizationKey);
    assert.ok(site.createdAt <= p.createdAt, `${p.number}: the site existed`);
    assert.ok(
      statusAt(s.events, p.createdAt.getTime()) === 'shortlisted',
      `${p.number}: proposed for a shortlisted one`,
    );
    assert.equal(p.outcome !== null, p.status === 'completed', `${p.number} outcome`);
    assert.equal(p.resultReport !== null, p.status === 'completed', `${p.number} report`);
    if (p.status === 'proposed' || p.status === 'approved' || p.status === 'running') {
      assert.ok(!openPerSolution.has(p.solutionId), `${p.number}: one open pilot per solution`);
      openPerSolution.add(p.solutionId);
      // the site's approval moves the solution to pilot
      assert.equal(s.status, p.status === 'proposed' ? 'shortlisted' : 'pilot', `${p.number} and its solution`);
    }
    if (p.status === 'completed' && p.outcome === 'failure') assert.equal(s.status, 'not_adopted', p.number);
  }
  const contractBySolution = new Map(data.contracts.map((c) => [c.solutionId, c]));
  for (const s of data.solutions) {
    assert.equal(contractBySolution.has(s.id), s.status === 'contract', `${s.number}: a contract when contracted`);
    if (s.status === 'pilot' || s.status === 'not_adopted') {
      assert.ok(
        data.pilots.some((p) => p.solutionId === s.id && p.status !== 'proposed'),
        `${s.number} has a pilot`,
      );
    }
  }
  for (const c of data.contracts) {
    const s = solutionById.get(c.solutionId)!;
    assert.ok(c.amountKopecks > 0n);
    assert.ok(c.signedOn <= now.toISOString().slice(0, 10));
    if (c.pilotId === null) {
      assert.deepEqual(
        s.events.slice(-2).map((e) => e.status),
        ['shortlisted', 'contract'],
        'straight from the shortlist',
      );
      continue;
    }
    const pilot = data.pilots.find((p) => p.id === c.pilotId)!;
    assert.equal(pilot.outcome, 'success', 'a contract follows a successful pilot');
    assert.ok(c.signedOn >= pilot.completedAt!.toISOString().slice(0, 10));
  }
  for (const site of data.sites) {
    assert.ok((MOSCOW_DISTRICTS as readonly string[]).includes(site.district));
    assert.ok(site.name && site.address.startsWith('г. Москва'), site.name);
  }
}

function everyStatus(data: DemoInnovation) {
  const requestsBy = tally(data.requests.map((r) => r.status));
  for (const status of REQUEST_STATUSES) assert.ok(requestsBy.get(status), `a ${status} request`);
  const solutionsBy = tally(data.solutions.map((s) => s.status));
  for (const status of SOLUTION_STATUSES) assert.ok(solutionsBy.get(status), `a ${status} solution`);
  const pilotsBy = tally(data.pilots.map((p) => p.status));
  for (const status of PILOT_STATUSES) assert.ok(pilotsBy.get(status), `a ${status} pilot`);
  assert.ok(data.pilots.some((p) => p.outcome === 'success') && data.pilots.some((p) => p.outcome === 'failure'));
  assert.deepEqual(new Set(data.sites.map((s) => s.kind)), new Set(PILOT_SITE_KINDS), 'every kind of site');
  assert.deepEqual(new Set(data.sites.map((s) => s.district)), new Set(MOSCOW_DISTRICTS), 'every district');
  assert.ok(data.requests.some((r) => r.kind === 'city') && data.requests.some((r) => r.kind === 'corporate'));
}

function demoAccountsOwnData(data: DemoInnovation) {
  for (const key of [ACCOUNTS.corporate, ACCOUNTS.city]) {
    const own = new Set(data.requests.filter((r) => r.organizationKey === key).map((r) => r.status));
    for (const status of ['draft', 'moderation', 'published', 'closed', 'resolved', 'cancelled'] as const) {
      assert.ok(own.has(status), `${key} has a ${status} request`);
    }
  }
  const company = new Set(data.solutions.filter((s) => s.organizationKey === ACCOUNTS.company).map((s) => s.status));
  for (const status of ['draft', 'submitted', 'shortlisted', 'declined', 'pilot', 'contract'] as const) {
    assert.ok(company.has(status), `the demo company has a ${status} solution`);
  }
  const companyPilot = data.solutions.find((s) => s.organizationKey === ACCOUNTS.company && s.status === 'pilot')!;
  assert.ok(
    data.pilots.some((p) => p.solutionId === companyPilot.id && p.status === 'running'),
    'its pilot runs',
  );
}

describe('demo open innovation', () => {
  test('the full set: deterministic, its sizes, every status, every constraint', () => {
    const first = generate('full');
    const again = generate('full');
    const fingerprint = (d: DemoInnovation) =>
      JSON.stringify([d.sites, d.requests, d.solutions, d.pilots, d.contracts], (_, v) =>
        typeof v === 'bigint' ? v.toString() : v,
      );
    assert.equal(fingerprint(again), fingerprint(first), 'the same input gives the same data');

    const size = DEMO_INNOVATION_SIZES.full;
    assert.equal(first.sites.length, size.sites);
    assert.equal(first.requests.length, size.requests);
    assert.ok(
      Math.abs(first.solutions.length - size.solutions) <= size.solutions * 0.05,
      `${first.solutions.length} solutions`,
    );
    assert.ok(Math.abs(first.pilots.length - size.pilots) <= size.pilots * 0.15, `${first.pilots.length} pilots`);
    const archived = first.requests.filter((r) => ARCHIVED.has(r.status)).length / first.requests.length;
    assert.ok(archived >= 0.55 && archived <= 0.65, `archived share ${archived}`);
    const nda = first.requests.filter((r) => r.ndaTerms !== null).length / first.requests.length;
    assert.ok(nda >= 0.2 && nda <= 0.4, `NDA share ${nda}`);
    const years = new Set(first.requests.map((r) => r.deadline.getUTCFullYear()));
    for (let year = 2019; year <= 2027; year++) assert.ok(years.has(year), `a deadline in ${year}`);
    assert.ok(first.requests.some((r) => r.rewardKind === 'prize') && first.requests.some((r) => r.budgetKopecks));
    assert.ok(
      first.solutions.some((s) => s.scores.length === 2),
      'some solutions scored by two people',
    );
    assert.ok(first.organizations.some((o) => o.shortName === 'Департамент здравоохранения'));
    for (const o of first.organizations.filter((x) => x.legalForm === 'ОИВ')) {
      assert.deepEqual(o.capabilities, ['customer', 'pilot_site_owner'], o.shortName);
    }
    everyStatus(first);
    checkInvariants(first, NOW);
    demoAccountsOwnData(first);
  });

  test('the small set on other days: still every status and every constraint', () => {
    for (const day of [
      '2026-11-26T09:00:00Z',
      '2025-03-10T12:00:00Z',
      '2027-08-31T18:00:00Z',
      '2024-02-29T06:00:00Z',
    ]) {
      const now = new Date(day);
      const data = generate('small', now);
      const size = DEMO_INNOVATION_SIZES.small;
      assert.equal(data.sites.length, size.sites);
      assert.equal(data.requests.length, size.requests);
      assert.ok(Math.abs(data.solutions.length - size.solutions) <= 10, `${day}: ${data.solutions.length} solutions`);
      assert.ok(data.pilots.length >= 10 && data.pilots.length <= 30, `${day}: ${data.pilots.length} pilots`);
      everyStatus(data);
      checkInvariants(data, now);
      demoAccountsOwnData(data);
    }
  });

  describe('seeded small into a fresh database', () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp();
      assert.equal(await seedIfEmpty(t.database.db, 'small', { now: () => NOW }), true);
    });
    after(() => t.close());

    test('the rows, their timelines and the number sequences', async () => {
      const db = t.database.db;
      const size = DEMO_INNOVATION_SIZES.small;
      const sites = await db.select().from(pilotSites);
      const reqs = await db.select().from(requests);
      const sols = await db.select().from(solutions);
      const pils = await db.select().from(pilots);
      assert.equal(sites.length, size.sites);
      assert.equal(reqs.length, size.requests);
      assert.ok(sols.length >= 110 && sols.length <= 130, `${sols.length} solutions`);
      assert.ok(pils.length >= 10, `${pils.length} pilots`);

      const events = await db.select().from(statusEvents).orderBy(asc(statusEvents.id));
      const byEntity = new Map<string, typeof events>();
      for (const e of events) byEntity.set(e.entityId, [...(byEntity.get(e.entityId) ?? []), e]);
      for (const [machine, rows] of [
        ['request', reqs],
        ['solution', sols],
        ['pilot', pils],
      ] as const) {
        for (const row of rows) {
          const steps = byEntity.get(row.id) ?? [];
          assert.ok(steps.every((e) => e.entity === machine));
          checkTimeline(
            row.number,
            machine,
            steps.map((e) => ({ status: e.toStatus, at: e.at })),
            row.status,
            NOW,
          );
          for (const [i, e] of steps.entries()) assert.equal(e.fromStatus, i ? steps[i - 1].toStatus : null);
          assert.equal(row.version, steps.length, `${row.number} version`);
        }
      }

      // owners of sites may own sites; every status reached the database
      const owners = await db
        .select({ capabilities: organizations.capabilities })
        .from(pilotSites)
        .innerJoin(organizations, eq(organizations.id, pilotSites.ownerOrganizationId));
      assert.ok(owners.every((o) => o.capabilities.includes('pilot_site_owner')));
      for (const status of SOLUTION_STATUSES)
        assert.ok(
          sols.some((s) => s.status === status),
          status,
        );
      for (const status of PILOT_STATUSES)
        assert.ok(
          pils.some((p) => p.status === status),
          status,
        );
      const signed = await db.select().from(contracts);
      assert.equal(signed.length, sols.filter((s) => s.status === 'contract').length);

      const scores = await db.select().from(solutionScores);
      for (const s of sols) {
        const own = scores.filter((x) => x.solutionId === s.id);
        assert.equal(s.scoreCount, own.length, `${s.number} score count`);
        if (own.length) assert.equal(s.scoreAverage, Math.round(own.reduce((a, x) => a + x.total, 0) / own.length));
      }

      // the app's next numbers never collide with the demo's
      for (const [sequence, rows] of [
        ['request_number_seq', reqs],
        ['solution_number_seq', sols],
        ['pilot_number_seq', pils],
      ] as const) {
        const result = await db.execute<{ last: string }>(
          sql`select last_value::text as last from ${sql.identifier(sequence)}`,
        );
        const last = Number((result as unknown as { rows: Array<{ last: string }> }).rows[0].last);
        assert.equal(last, Math.max(...rows.map((r) => Number(r.number.slice(-6)))), sequence);
      }
    });

    test('the demo accounts own requests and solutions in several statuses', async () => {
      const db = t.database.db;
      const orgOf = async (email: string) => {
        const [row] = await db
          .execute<{ id: string }>(
            sql`select m.organization_id as id from organization_members m join users u on u.id = m.user_id where u.email = ${email}`,
          )
          .then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows);
        return row.id;
      };
      for (const email of ['corporate@klaster.demo', 'city@klaster.demo']) {
        const id = await orgOf(email);
        const own = await db
          .select({ status: requests.status, authorId: requests.authorId })
          .from(requests)
          .where(eq(requests.organizationId, id));
        assert.ok(new Set(own.map((r) => r.status)).size >= 5, `${email}: ${own.map((r) => r.status)}`);
        const [owner] = await db
          .select({ userId: organizationMembers.userId })
          .from(organizationMembers)
          .where(eq(organizationMembers.organizationId, id));
        assert.ok(
          own.every((r) => r.authorId === owner.userId),
          `${email} wrote its requests`,
        );
      }
      const company = await orgOf('company@klaster.demo');
      const own = await db
        .select({ status: solutions.status })
        .from(solutions)
        .where(eq(solutions.organizationId, company));
      assert.ok(new Set(own.map((s) => s.status)).size >= 5, own.map((s) => s.status).join());
      const city = await db.select().from(organizations).where(eq(organizations.okvedMain, '84.11'));
      assert.ok(city.length >= 9, 'the city departments and the demo city customer');
    });
  });
});
