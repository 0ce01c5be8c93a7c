import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { insertMeasure } from '../../../../test/application-factory.ts';
import { type Client, createOrganization, signIn, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertRequest, insertSolution } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import type { Clock } from '../../clock.ts';
import { kpiSnapshots } from '../../db/schema/analytics.ts';
import { applicationEvents, applications, tranches } from '../../db/schema/applications.ts';
import { statusEvents } from '../../db/schema/events.ts';
import { deals } from '../../db/schema/investments.ts';
import { contracts, pilotSites, pilots } from '../../db/schema/pilots.ts';
import { projectPartners, projects } from '../../db/schema/projects.ts';
import { HEADLINE_FIGURES } from './analytics.rules.ts';

/** A clock the test sets to each moment of the story. */
class SetClock implements Clock {
  private current = new Date('2026-03-01T09:00:00Z');
  now() {
    return new Date(this.current);
  }
  set(at: string) {
    this.current = new Date(at);
  }
}

/** RFC 4180 lines into fields (quotes, doubled quotes, commas and line breaks inside quotes). */
export function parseCsv(text: string, separator = ','): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const lines: string[][] = [];
  let field = '';
  let line: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      line.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      line.push(field);
      lines.push(line);
      line = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || line.length) lines.push([...line, field]);
  return lines;
}

const day = (d: string) => new Date(`${d}T09:00:00Z`);

describe('ecosystem analytics: figures, rules, series, breakdowns, funnels, open data, exports', () => {
  const clock = new SetClock();
  let t: TestApp;
  let operator: Client;
  let owner: Client;
  let member: Client;
  const org: Record<string, string> = {};
  const ids: Record<string, string> = {};

  /** Moves the story to `at`; sessions last two weeks, so the people sign in again. */
  async function moveTo(at: string) {
    clock.set(at);
    operator = await signIn(t, operator.email, 'operator-pass-42');
    owner = await signIn(t, owner.email, 'correct-horse-42');
    member = await signIn(t, member.email, 'correct-horse-42');
  }

  /** Apply, and (when `decidedOn` is given) take into review and approve on that day: the cluster funnel's times. */
  async function join(
    key: string,
    appliedOn: string,
    decidedOn: string | null,
    overrides: Record<string, unknown>,
    kind: 'participant' | 'partner' = 'participant',
  ) {
    await moveTo(`${appliedOn}T09:00:00Z`);
    const created = await createOrganization(owner, { shortName: `ООО «${key}»`, ...overrides });
    org[key] = created.id;
    const applied = await owner.post(`/api/organizations/${created.id}/membership`, { kind });
    assert.equal(applied.statusCode, 201, applied.body);
    ids[`membership:${key}`] = applied.json().id;
    if (!decidedOn) return;
    await moveTo(`${decidedOn}T09:00:00Z`);
    const id = applied.json().id;
    assert.equal((await operator.post(`/api/membership/applications/${id}/review`)).statusCode, 200);
    const approved = await operator.post(`/api/membership/applications/${id}/decision`, {
      decision: 'approve',
      reason: 'Соответствует требованиям',
    });
    assert.equal(approved.statusCode, 200, approved.body);
  }

  before(async () => {
    t = await createTestApp({ clock });
    const db = t.database.db;
    operator = await signUpAs(t, 'operator');
    owner = await signUp(t);
    member = await signUp(t);

    // ——— the cluster: three participants, one partner, one suspended, one still applying
    await join('P1', '2026-03-01', '2026-03-03', {
      technologies: ['ai', 'drones'],
      district: 'ЦАО',
      okvedMain: '62.01',
      smeCategory: 'small',
    });
    await join('P2', '2026-03-01', '2026-03-05', {
      technologies: ['ai'],
      district: 'САО',
      okvedMain: '72.19',
      smeCategory: 'medium',
    });
    await join('P3', '2026-04-01', '2026-04-07', {
      technologies: ['robotics'],
      district: 'ЮАО',
      okvedMain: '26.11',
      smeCategory: 'micro',
    });
    await join(
      'R1',
      '2026-04-01',
      '2026-04-02',
      { regionCode: '50', district: null, technologies: ['iot'] },
      'partner',
    );
    await join('S1', '2026-04-01', '2026-04-04', { technologies: ['ai'] });
    await moveTo('2026-04-10T09:00:00Z');
    const suspended = await operator.post(`/api/membership/applications/${ids['membership:S1']}/decision`, {
      decision: 'suspend',
      reason: 'Не сдана отчётность',
    });
    assert.equal(suspended.statusCode, 200, suspended.body);
    await join('N1', '2026-04-01', null, { technologies: ['ai'] });

    // customers, an investor and a site owner: organizations outside the cluster
    org.C1 = (
      await createOrganization(owner, { shortName: 'ПАО «Корпорация»', capabilities: ['company', 'customer'] })
    ).id;
    org.C2 = (await createOrganization(owner, { shortName: 'ГБУ «Город»', capabilities: ['company', 'customer'] })).id;
    org.I1 = (await createOrganization(owner, { shortName: 'АО «Фонд»', capabilities: ['investor'] })).id;

    // ——— projects: joint (two confirmed participants), one with a partner who never confirmed, one not implemented
    const project = (
      n: string,
      values: Partial<typeof projects.$inferInsert> & { leadOrganizationId: string },
    ): typeof projects.$inferInsert => ({
      number: `ПР-2026-${n}-${process.pid}`,
      authorId: owner.userId,
      title: `Проект ${n}`,
      trl: 6,
      startedOn: '2025-01-10',
      ...values,
    });
    const [pr1, pr2] = await db
      .insert(projects)
      .values([
        project('000001', {
          leadOrganizationId: org.P1,
          status: 'implemented',
          implementedOn: '2026-03-15',
          joint: true,
          confirmedParticipants: 2,
          technologies: ['ai', 'robotics'],
          leadDistrict: 'ЦАО',
        }),
        project('000002', {
          leadOrganizationId: org.P2,
          status: 'implemented',
          implementedOn: '2026-04-20',
          joint: false,
          confirmedParticipants: 1,
          technologies: ['ai'],
          leadDistrict: 'САО',
        }),
        project('000003', {
          leadOrganizationId: org.P3,
          status: 'active',
          joint: true,
          confirmedParticipants: 2,
          technologies: ['drones'],
          leadDistrict: 'ЮАО',
        }),
        project('000004', {
          leadOrganizationId: org.P1,
          status: 'implemented',
          implementedOn: '2025-12-01',
          joint: true,
          confirmedParticipants: 2,
          technologies: ['drones'],
          leadDistrict: 'ЦАО',
        }),
      ])
      .returning();
    await db.insert(projectPartners).values([
      {
        projectId: pr1.id,
        organizationId: org.P2,
        status: 'confirmed',
        invitedBy: owner.userId,
        invitedAt: day('2025-02-01'),
      },
      // invited, never confirmed: the project stays single
      {
        projectId: pr2.id,
        organizationId: org.P3,
        status: 'invited',
        invitedBy: owner.userId,
        invitedAt: day('2025-02-01'),
      },
    ]);

    // ——— deals: counted only when closed, confirmed by both and not disputed
    const deal = (n: string, values: Partial<typeof deals.$inferInsert>) => ({
      number: `СД-2026-${n}-${process.pid}`,
      investorOrganizationId: org.I1,
      organizationId: org.P1,
      round: 'seed' as const,
      instrument: 'equity' as const,
      amountKopecks: 10_000_000n,
      dealDate: '2026-03-20',
      createdBy: owner.userId,
      ...values,
    });
    await db.insert(deals).values([
      deal('000001', {
        status: 'closed',
        amountKopecks: 100_000_000n,
        createdAt: day('2026-01-01'),
        closedAt: day('2026-01-11'),
        investorConfirmedAt: day('2026-01-12'),
        companyConfirmedAt: day('2026-01-14'),
      }),
      deal('000002', {
        status: 'closed',
        amountKopecks: 50_000_000n,
        createdAt: day('2026-01-01'),
        closedAt: day('2026-01-21'),
        investorConfirmedAt: day('2026-01-22'),
      }),
      deal('000003', {
        status: 'closed',
        amountKopecks: 70_000_000n,
        createdAt: day('2026-01-01'),
        closedAt: day('2026-01-31'),
        investorConfirmedAt: day('2026-02-01'),
        disputedAt: day('2026-02-02'),
        disputedByOrganizationId: org.P1,
      }),
      deal('000004', {
        status: 'closed',
        amountKopecks: 25_000_050n,
        dealDate: '2025-11-05',
        organizationId: org.P2,
        createdAt: day('2025-10-01'),
        closedAt: day('2025-10-05'),
        investorConfirmedAt: day('2025-10-06'),
        companyConfirmedAt: day('2025-10-06'),
      }),
      deal('000005', { status: 'intro', createdAt: day('2026-02-01') }),
      deal('000006', { status: 'dropped', createdAt: day('2026-02-01') }),
    ]);

    // ——— support: tranches to a participant, a partner and a suspended organization
    const m1 = await insertMeasure(t, { title: 'Грант на пилотное внедрение' });
    ids.m1 = m1.id;
    const application = async (
      n: string,
      organizationId: string,
      measureId: string,
      values: Partial<typeof applications.$inferInsert>,
    ) => {
      const [row] = await db
        .insert(applications)
        .values({
          number: `ЗП-2026-${n}-${process.pid}`,
          measureId,
          organizationId,
          applicantId: owner.userId,
          requestedAmountKopecks: 30_000_000n,
          ...values,
        })
        .returning();
      return row;
    };
    const paid = (approved: bigint, paidKopecks: bigint) => ({
      status: 'disbursing' as const,
      approvedAmountKopecks: approved,
      paidKopecks,
    });
    const a1 = await application('000001', org.P1, m1.id, {
      ...paid(30_000_000n, 15_000_000n),
      submittedAt: day('2026-04-01'),
      decidedAt: day('2026-04-13'),
    });
    const a2 = await application('000002', org.R1, (await insertMeasure(t)).id, {
      ...paid(30_000_000n, 7_000_000n),
      submittedAt: day('2026-04-01'),
      decidedAt: day('2026-04-25'),
    });
    const a3 = await application('000003', org.S1, (await insertMeasure(t)).id, {
      ...paid(30_000_000n, 1_000_000n),
      submittedAt: day('2026-04-01'),
      decidedAt: day('2026-04-20'),
    });
    await application('000005', org.P2, m1.id, { status: 'registered', submittedAt: day('2026-04-02') });
    await application('000006', org.P3, m1.id, { status: 'rejected', submittedAt: day('2026-04-02') });
    await application('000007', org.P2, (await insertMeasure(t)).id, { status: 'draft' });
    await application('000008', org.P3, (await insertMeasure(t)).id, {
      status: 'submitted',
      submittedAt: day('2026-04-03'),
    });
    const event = (applicationId: string, status: 'submitted' | 'registered' | 'approved', on: string) => ({
      applicationId,
      status,
      at: day(on),
    });
    await db
      .insert(applicationEvents)
      .values([
        event(a1.id, 'submitted', '2026-04-01'),
        event(a1.id, 'registered', '2026-04-03'),
        event(a1.id, 'approved', '2026-04-13'),
        event(a2.id, 'submitted', '2026-04-01'),
        event(a2.id, 'registered', '2026-04-05'),
        event(a2.id, 'approved', '2026-04-25'),
      ]);
    const tranche = (applicationId: string, amountKopecks: bigint, on: string) => ({
      applicationId,
      amountKopecks,
      milestone: 'Этап',
      paidAt: day(on),
      recordedBy: operator.userId,
    });
    await db
      .insert(tranches)
      .values([
        tranche(a1.id, 10_000_000n, '2026-05-10'),
        tranche(a1.id, 5_000_000n, '2026-06-10'),
        tranche(a2.id, 7_000_000n, '2026-05-15'),
        tranche(a3.id, 1_000_000n, '2026-04-30'),
      ]);

    // ——— open innovation: requests, solutions, pilots, a contract
    const q1 = (
      await insertRequest(t, owner, {
        organizationId: org.C1,
        values: { kind: 'corporate', publishedAt: day('2026-02-01'), technologies: ['ai'] },
      })
    ).request;
    const q2 = (
      await insertRequest(t, owner, {
        organizationId: org.C2,
        values: { kind: 'city', publishedAt: day('2026-02-10'), technologies: ['drones'] },
      })
    ).request;
    await insertRequest(t, owner, { organizationId: org.C1, status: 'draft' });
    const q4 = (
      await insertRequest(t, owner, {
        organizationId: org.C1,
        status: 'cancelled',
        values: { publishedAt: day('2026-03-05'), technologies: ['ai'] },
      })
    ).request;
    ids.q1 = q1.id;
    ids.q2 = q2.id;
    ids.q4 = q4.id;
    const sa = await insertSolution(t, owner, q1.id, org.P1, {
      status: 'contract',
      values: { submittedAt: day('2026-02-05') },
    });
    await insertSolution(t, owner, q1.id, org.P2, { status: 'declined', values: { submittedAt: day('2026-02-07') } });
    const sc = await insertSolution(t, owner, q2.id, org.P3, {
      status: 'pilot',
      values: { submittedAt: day('2026-02-20') },
    });
    await insertSolution(t, owner, q2.id, org.P1, { status: 'draft' });
    await insertSolution(t, owner, q4.id, org.P2, { status: 'withdrawn', values: { submittedAt: day('2026-03-06') } });
    const [site] = await db
      .insert(pilotSites)
      .values({
        name: 'Парк «Зарядье»',
        kind: 'park',
        ownerOrganizationId: org.C2,
        address: 'Москва, ул. Варварка, 6',
        district: 'ЦАО',
        testable: 'Освещение, датчики',
      })
      .returning();
    const pilot = (
      n: string,
      values: Partial<typeof pilots.$inferInsert> & { solutionId: string; requestId: string },
    ) => ({
      number: `ПИ-2026-${n}-${process.pid}`,
      siteId: site.id,
      organizationId: org.P1,
      customerOrganizationId: org.C1,
      proposedBy: owner.userId,
      plan: 'План пилота',
      trl: 7,
      startsOn: '2026-03-01',
      endsOn: '2026-04-01',
      ...values,
    });
    const [pl1] = await db
      .insert(pilots)
      .values([
        pilot('000001', { solutionId: sa.id, requestId: q1.id, status: 'completed', createdAt: day('2026-02-20') }),
        pilot('000002', {
          solutionId: sc.id,
          requestId: q2.id,
          organizationId: org.P3,
          customerOrganizationId: org.C2,
          status: 'running',
          startsOn: '2026-03-10',
          endsOn: '2026-05-10',
          createdAt: day('2026-03-05'),
        }),
        pilot('000003', {
          solutionId: sc.id,
          requestId: q2.id,
          organizationId: org.P3,
          customerOrganizationId: org.C2,
          status: 'rejected',
          createdAt: day('2026-02-25'),
        }),
      ])
      .returning();
    await db.insert(statusEvents).values([
      { entity: 'solution', entityId: sa.id, fromStatus: 'submitted', toStatus: 'shortlisted', at: day('2026-02-15') },
      { entity: 'solution', entityId: sc.id, fromStatus: 'submitted', toStatus: 'shortlisted', at: day('2026-03-01') },
      { entity: 'pilot', entityId: pl1.id, fromStatus: 'proposed', toStatus: 'approved', at: day('2026-02-25') },
    ]);
    await db.insert(contracts).values({
      solutionId: sa.id,
      pilotId: pl1.id,
      requestId: q1.id,
      organizationId: org.P1,
      customerOrganizationId: org.C1,
      amountKopecks: 50_000_000n,
      signedOn: '2026-04-15',
      recordedBy: operator.userId,
      createdAt: day('2026-04-15'),
    });

    // rows written straight into the tables leave no audit trail: the operator recomputes by hand
    await moveTo('2026-07-01T09:00:00Z');
    const refreshed = await operator.post('/api/stats/refresh');
    assert.equal(refreshed.statusCode, 200, refreshed.body);
  });
  after(() => t.close());

  const guestGet = (url: string, lang = 'ru') =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

  test('every headline figure exactly, with the edge rules', async () => {
    const response = await guestGet('/api/stats');
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.headers['content-type'] as string, /^application\/json/);
    // the security headers of every other answer
    const other = await guestGet('/api/health');
    for (const header of ['content-security-policy', 'x-content-type-options', 'strict-transport-security']) {
      assert.ok(other.headers[header], header);
      assert.equal(response.headers[header], other.headers[header], header);
    }
    const refused = await guestGet('/api/stats/series?figure=nonsense');
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.headers['x-content-type-options'], 'nosniff');
    const body = response.json();
    const figures = Object.fromEntries(HEADLINE_FIGURES.map((f) => [f, body[f]]));
    assert.deepEqual(figures, {
      participants: 3, // P1, P2, P3 — not the partner, not the suspended one, not the applicant
      partners: 1,
      projectsImplemented: 3,
      jointProjects: 2, // the project whose partner never confirmed is not joint
      investmentKopecks: '125000050', // only closed deals confirmed by both and not disputed
      supportKopecks: '15000000', // participants' tranches; the partner's apart, the suspended one's in neither
      supportPartnersKopecks: '7000000',
      requestsCorporate: 2, // published, including one cancelled after publication; not the draft
      requestsCity: 1,
      solutions: 4, // submitted, including the withdrawn one; not the draft
      pilots: 2, // completed and running; not the one the site refused
      contracts: 1,
      contractsKopecks: '50000000',
    });
    assert.equal(body.computedAt, '2026-07-01T09:00:00.000Z');
    assert.equal(body.durationMs, undefined, 'the duration is the operator’s');
    const asOperator = (await operator.get('/api/stats')).json();
    assert.equal(typeof asOperator.durationMs, 'number');
    assert.equal(asOperator.participants, 3);
  });

  test('the counting rules travel with the figures, in Russian and in English', async () => {
    const ru = (await guestGet('/api/stats', 'ru-RU,ru;q=0.9')).json();
    const en = (await guestGet('/api/stats', 'en-GB,en;q=0.9')).json();
    assert.deepEqual(Object.keys(ru.rules).sort(), [...HEADLINE_FIGURES].sort());
    for (const figure of HEADLINE_FIGURES) {
      assert.match(ru.rules[figure], /[а-яё]/i, figure);
      assert.doesNotMatch(en.rules[figure], /[а-яё]/i, figure);
      assert.notEqual(ru.rules[figure], en.rules[figure]);
    }
    assert.match(ru.rules.jointProjects, /не менее двух/);
    assert.match(en.rules.investmentKopecks, /confirmed by both sides/);
    assert.match(en.rules.supportKopecks, /partners are counted apart/i);
    assert.equal((await guestGet('/api/stats?lang=en', 'ru')).json().rules.participants, en.rules.participants);
  });

  test('monthly and yearly series: every month from the first with data to now, sums equal to the figures', async () => {
    const monthly = (await guestGet('/api/stats/series?figure=jointProjects&period=month')).json();
    assert.equal(monthly.period, 'month');
    assert.equal(monthly.series.length, 1);
    const [joint] = monthly.series;
    assert.equal(joint.figure, 'jointProjects');
    assert.equal(joint.unit, 'count');
    assert.match(joint.rule, /не менее двух/);
    assert.deepEqual(
      joint.points.map((p: { period: string; value: number }) => [p.period, p.value]),
      [
        ['2025-11', 0],
        ['2025-12', 1],
        ['2026-01', 0],
        ['2026-02', 0],
        ['2026-03', 1],
        ['2026-04', 0],
        ['2026-05', 0],
        ['2026-06', 0],
        ['2026-07', 0],
      ],
    );
    const yearly = (await guestGet('/api/stats/series?period=year')).json();
    const byFigure = Object.fromEntries(
      yearly.series.map((s: { figure: string; points: Array<Record<string, unknown>> }) => [
        s.figure,
        s.points.map((p) => [p.period, p.value ?? p.valueKopecks]),
      ]),
    );
    assert.deepEqual(byFigure.projectsImplemented, [
      ['2025', 1],
      ['2026', 2],
    ]);
    assert.deepEqual(byFigure.investmentKopecks, [
      ['2025', '25000050'],
      ['2026', '100000000'],
    ]);
    assert.deepEqual(byFigure.supportKopecks, [
      ['2025', '0'],
      ['2026', '15000000'],
    ]);
    assert.deepEqual(byFigure.newParticipants, [
      ['2025', 0],
      ['2026', 3],
    ]);
    assert.deepEqual(byFigure.requestsPublished, [
      ['2025', 0],
      ['2026', 3],
    ]);
    assert.deepEqual(byFigure.pilots, [
      ['2025', 0],
      ['2026', 2],
    ]);
    const newMonthly = (await guestGet('/api/stats/series?figure=newParticipants')).json().series[0].points;
    assert.deepEqual(
      newMonthly
        .filter((p: { value: number }) => p.value > 0)
        .map((p: { period: string; value: number }) => [p.period, p.value]),
      [
        ['2026-03', 2],
        ['2026-04', 1],
      ],
    );
    assert.equal((await guestGet('/api/stats/series?figure=nonsense')).statusCode, 400);
  });

  test('breakdowns of participants and of implemented projects', async () => {
    const technology = (await guestGet('/api/stats/breakdowns?by=technology&of=participants')).json();
    assert.deepEqual(technology.items, [
      { value: 'ai', count: 2 },
      { value: 'drones', count: 1 },
      { value: 'robotics', count: 1 },
    ]);
    assert.match(technology.rule, /Участники кластера/);
    const okved = (await guestGet('/api/stats/breakdowns?by=okvedSection')).json();
    assert.deepEqual(okved.items, [
      { value: 'C', count: 1 },
      { value: 'J', count: 1 },
      { value: 'M', count: 1 },
    ]);
    const districts = (await guestGet('/api/stats/breakdowns?by=district&of=projects')).json();
    assert.deepEqual(districts.items, [
      { value: 'ЦАО', count: 2 },
      { value: 'САО', count: 1 },
    ]);
    const projectSme = (await guestGet('/api/stats/breakdowns?by=smeCategory&of=projects')).json();
    assert.deepEqual(projectSme.items, [
      { value: 'small', count: 2 },
      { value: 'medium', count: 1 },
    ]);
    const projectTech = (await guestGet('/api/stats/breakdowns?by=technology&of=projects', 'en')).json();
    assert.deepEqual(projectTech.items, [
      { value: 'ai', count: 2 },
      { value: 'drones', count: 1 },
      { value: 'robotics', count: 1 },
    ]);
    assert.match(projectTech.rule, /Implemented projects/);
  });

  type Step = {
    key: string;
    count: number;
    items?: number;
    conversionFromPrevious: number | null;
    conversionFromFirst: number | null;
    medianDaysFromPrevious: number | null;
  };
  const stepsOf = (body: { funnels: Array<{ key: string; steps: Step[] }> }, key: string) =>
    body.funnels
      .find((f) => f.key === key)!
      .steps.map((s) => [
        s.key,
        s.count,
        ...(s.items === undefined ? [] : [s.items]),
        s.conversionFromPrevious,
        s.conversionFromFirst,
        s.medianDaysFromPrevious,
      ]);

  test('funnels: every step count, conversion and median days for the known set', async () => {
    const response = await operator.get('/api/stats/funnels');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(
      body.funnels.map((f: { key: string }) => f.key),
      ['membership', 'support', 'requests', 'deals'],
    );
    // six applications (P1, P2, P3, R1, S1, N1); five admitted after 2, 4, 6, 1 and 3 days
    assert.deepEqual(stepsOf(body, 'membership'), [
      ['applied', 6, null, 1, null],
      ['participant', 5, 0.8333, 0.8333, 3],
    ]);
    // submitted: all but the draft; registered: by event or by a later status; approved and paid: the three paid
    assert.deepEqual(stepsOf(body, 'support'), [
      ['submitted', 6, null, 1, null],
      ['registered', 5, 0.8333, 0.8333, 3],
      ['approved', 3, 0.6, 0.5, 15],
      ['paid', 3, 1, 0.5, 20],
    ]);
    assert.deepEqual(stepsOf(body, 'requests'), [
      ['published', 3, null, 1, null],
      ['solutions', 3, 4, 1, 1, 4],
      ['shortlisted', 2, 2, 0.6667, 0.6667, 9.5],
      ['pilot', 2, 2, 1, 0.6667, 7],
      ['contract', 1, 1, 0.5, 0.3333, 49],
    ]);
    assert.deepEqual(stepsOf(body, 'deals'), [
      ['intro', 6, null, 1, null],
      ['closed', 4, 0.6667, 0.6667, 15],
      ['confirmed', 2, 0.5, 0.3333, 2],
    ]);
    const labels = body.funnels[0].steps.map((s: { label: string }) => s.label);
    assert.deepEqual(labels, ['Заявка на вступление подана', 'Принята в кластер']);
  });

  test('funnels narrowed by period, measure, customer and technology', async () => {
    const april = (await operator.get('/api/stats/funnels?from=2026-04-01&to=2026-04-30')).json();
    assert.deepEqual(stepsOf(april, 'membership'), [
      ['applied', 4, null, 1, null],
      ['participant', 3, 0.75, 0.75, 3],
    ]);
    assert.deepEqual(stepsOf(april, 'requests')[0], ['published', 0, null, null, null]);
    assert.deepEqual(stepsOf(april, 'deals')[0], ['intro', 0, null, null, null]);

    const measure = (await operator.get(`/api/stats/funnels?measureId=${ids.m1}`)).json();
    assert.deepEqual(stepsOf(measure, 'support'), [
      ['submitted', 3, null, 1, null],
      ['registered', 3, 1, 1, 2],
      ['approved', 1, 0.3333, 0.3333, 10],
      ['paid', 1, 1, 0.3333, 27],
    ]);
    assert.deepEqual(measure.funnels.find((f: { key: string }) => f.key === 'support').filters, ['measureId']);
    assert.deepEqual(
      stepsOf(measure, 'membership')[0],
      ['applied', 6, null, 1, null],
      'a measure does not narrow the cluster',
    );

    const customer = (await operator.get(`/api/stats/funnels?customerId=${org.C2}`)).json();
    assert.deepEqual(stepsOf(customer, 'requests'), [
      ['published', 1, null, 1, null],
      ['solutions', 1, 1, 1, 1, 10],
      ['shortlisted', 1, 1, 1, 1, 9],
      ['pilot', 1, 1, 1, 1, 4],
      ['contract', 0, 0, 0, 0, null],
    ]);

    const robotics = (await operator.get('/api/stats/funnels?technology=robotics')).json();
    assert.deepEqual(stepsOf(robotics, 'membership'), [
      ['applied', 1, null, 1, null],
      ['participant', 1, 1, 1, 6],
    ]);
    const drones = (await operator.get('/api/stats/funnels?technology=drones')).json();
    assert.deepEqual(stepsOf(drones, 'requests')[0], ['published', 1, null, 1, null]);
    assert.deepEqual(stepsOf(drones, 'deals')[0], ['intro', 5, null, 1, null], 'P1 (drones) is the company of five');

    const backwards = await operator.get('/api/stats/funnels?from=2026-05-01&to=2026-04-01');
    assert.equal(backwards.statusCode, 400);
    assert.ok(backwards.json().error.fields.to);
    assert.equal((await operator.get('/api/stats/funnels?technology=teleportation')).statusCode, 400);
  });

  test('open data: the figures and series as JSON and CSV with the date computed and the rules', async () => {
    const json = await guestGet('/api/open-data/kpis.json');
    assert.equal(json.statusCode, 200);
    const kpis = json.json();
    assert.equal(kpis.computedAt, '2026-07-01T09:00:00.000Z');
    const byName = Object.fromEntries(kpis.figures.map((f: { figure: string }) => [f.figure, f]));
    assert.deepEqual(
      kpis.figures.map((f: { figure: string }) => f.figure),
      [
        'participants',
        'partners',
        'projectsImplemented',
        'jointProjects',
        'investment',
        'support',
        'supportPartners',
        'requestsCorporate',
        'requestsCity',
        'solutions',
        'pilots',
        'contracts',
        'contractsValue',
      ],
    );
    assert.deepEqual(
      { value: byName.investment.value, unit: byName.investment.unit },
      { value: '1250000.50', unit: 'RUB' },
    );
    assert.deepEqual({ value: byName.participants.value, unit: byName.participants.unit }, { value: 3, unit: 'count' });
    assert.match(byName.jointProjects.rule, /не менее двух/);

    const csv = await guestGet('/api/open-data/kpis.csv?lang=en');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.ok(csv.body.startsWith('\uFEFFfigure,value,unit,rule,computedAt\r\n'));
    const lines = parseCsv(csv.body);
    assert.equal(lines.length, 14);
    const en = (await guestGet('/api/stats', 'en')).json();
    assert.deepEqual(lines[1], ['participants', '3', 'count', en.rules.participants, '2026-07-01T09:00:00.000Z']);
    assert.deepEqual(lines[5], [
      'investment',
      '1250000.50',
      'RUB',
      en.rules.investmentKopecks,
      '2026-07-01T09:00:00.000Z',
    ]);
    assert.deepEqual(lines[7].slice(0, 3), ['supportPartners', '70000.00', 'RUB']);

    const series = (await guestGet('/api/open-data/series.json?period=year')).json();
    const support = series.series.find((s: { figure: string }) => s.figure === 'support');
    assert.deepEqual(support.points, [
      { period: '2025', value: '0.00' },
      { period: '2026', value: '150000.00' },
    ]);
    const seriesCsv = parseCsv((await guestGet('/api/open-data/series.csv?period=year')).body);
    assert.deepEqual(seriesCsv[0], ['figure', 'period', 'value', 'unit', 'rule', 'computedAt']);
    const contractRows = seriesCsv.filter((l) => l[0] === 'contractsValue').map((l) => l.slice(1, 4));
    assert.deepEqual(contractRows, [
      ['2025', '0.00', 'RUB'],
      ['2026', '500000.00', 'RUB'],
    ]);
  });

  test('the operator refreshes by hand; with nothing changed the job does not', async () => {
    const snapshots = async () => (await t.database.db.select({ n: count() }).from(kpiSnapshots))[0].n;
    const before = await snapshots();
    assert.equal(await t.app.services.analytics.refreshIfChanged(), false);
    assert.equal(await snapshots(), before, 'nothing changed: no new snapshot');
    clock.set('2026-07-01T09:05:00Z');
    const forced = await operator.post('/api/stats/refresh');
    assert.equal(forced.statusCode, 200);
    assert.equal(forced.json().refreshed, true);
    assert.equal(forced.json().computedAt, '2026-07-01T09:05:00.000Z');
    assert.equal(await snapshots(), before + 1);
    assert.equal((await guestGet('/api/stats')).json().computedAt, '2026-07-01T09:05:00.000Z');
  });

  test('exports of the new lists contain exactly the filtered rows', async () => {
    const requests = await operator.request(
      'GET',
      '/api/exports/requests.csv?status=published&status=cancelled&kind=corporate',
      undefined,
      { 'accept-language': 'ru' },
    );
    assert.equal(requests.statusCode, 200, requests.body);
    const rows = parseCsv(requests.body, ';');
    // the words search as the requests list does: the start of a word finds the request
    const [number, title] = rows[1];
    const word = title.split(/[^\p{L}]+/u).sort((x, y) => y.length - x.length)[0];
    const byPrefix = parseCsv(
      (await operator.get(`/api/exports/requests.csv?q=${encodeURIComponent(word.slice(0, 5))}`)).body,
      ';',
    );
    assert.ok(
      byPrefix.slice(1).some((r) => r[0] === number),
      `«${word.slice(0, 5)}» finds «${title}»`,
    );
    assert.deepEqual(rows[0], [
      'Номер',
      'Название',
      'Заказчик',
      'ИНН заказчика',
      'Вид',
      'Статус',
      'Технологии',
      'Бюджет, ₽',
      'Подано решений',
      'Опубликован',
      'Приём решений до',
      'Закрыт',
    ]);
    assert.deepEqual(
      rows.slice(1).map((r) => [r[2], r[4], r[5], r[6], r[7], r[8], r[9]]),
      [
        [
          'ПАО «Корпорация»',
          'Корпоративный',
          'Опубликован',
          'Искусственный интеллект',
          '5000000,00',
          '2',
          '01.02.2026',
        ],
        ['ПАО «Корпорация»', 'Корпоративный', 'Отменён', 'Искусственный интеллект', '5000000,00', '1', '05.03.2026'],
      ],
    );

    const dealsCsv = await operator.request('GET', '/api/exports/deals.csv?counted=true', undefined, {
      'accept-language': 'en',
    });
    assert.equal(dealsCsv.statusCode, 200, dealsCsv.body);
    const dealRows = parseCsv(dealsCsv.body);
    assert.equal(dealRows[0][6], 'Amount, RUB');
    assert.deepEqual(
      dealRows.slice(1).map((r) => [r[0].slice(0, 9), r[2], r[6], r[7], r[8], r[12]]),
      [
        ['СД-2026-0', 'ООО «P1»', '1000000.00', '20.03.2026', 'Closed', 'Yes'],
        ['СД-2026-0', 'ООО «P2»', '250000.50', '05.11.2025', 'Closed', 'Yes'],
      ],
    );
    const closed = parseCsv((await operator.get('/api/exports/deals.csv?status=closed')).body, ';');
    assert.equal(closed.length - 1, 4);

    const joint = parseCsv((await operator.get('/api/exports/projects.csv?status=implemented&joint=true')).body, ';');
    assert.deepEqual(
      joint.slice(1).map((r) => [r[1], r[6], r[7]]),
      [
        ['Проект 000001', 'Да', '2'],
        ['Проект 000004', 'Да', '2'],
      ],
    );

    const partners = parseCsv((await operator.get('/api/exports/membership.csv?kind=partner')).body, ';');
    assert.deepEqual(
      partners.slice(1).map((r) => [r[0], r[3], r[4], r[5]]),
      [['ООО «R1»', '50', 'Партнёр', 'Участник кластера']],
    );
    const applying = parseCsv((await operator.get('/api/exports/organizations.csv?status=applied')).body, ';');
    assert.deepEqual(
      applying.slice(1).map((r) => r[0]),
      ['ООО «N1»'],
    );
    assert.equal((await operator.get('/api/exports/requests.csv?kind=partner')).statusCode, 400);
  });

  test('the figures, series and funnels export too (XLSX in English, CSV in Russian)', async () => {
    const response = await operator.request('GET', '/api/exports/kpis.xlsx', undefined, { 'accept-language': 'en' });
    assert.equal(response.statusCode, 200, response.body);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, 'Figures');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      'Figure',
      'Count',
      'Amount, RUB',
      'Counting rule',
      'Computed',
    ]);
    assert.equal(sheet.actualRowCount, 1 + HEADLINE_FIGURES.length);
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 3), ['Cluster participants', 3]);
    const investment = sheet.getRow(6);
    assert.equal(investment.getCell(1).value, 'Investment attracted');
    assert.equal(investment.getCell(2).value, null);
    assert.equal(investment.getCell(3).value, 1250000.5);
    assert.equal(investment.getCell(3).numFmt, '#,##0.00');
    assert.deepEqual(investment.getCell(5).value, new Date('2026-07-01T12:05:00Z'), 'Moscow wall time');

    const funnels = parseCsv((await operator.get('/api/exports/funnels.csv?technology=robotics')).body, ';');
    assert.deepEqual(funnels[1], ['Вступление в кластер', 'Заявка на вступление подана', '1', '', '', '100', '']);
    assert.deepEqual(funnels[2], ['Вступление в кластер', 'Принята в кластер', '1', '', '100', '100', '6']);

    const series = parseCsv((await operator.get('/api/exports/series.csv?period=year')).body, ';');
    assert.deepEqual(
      series.filter((r) => r[0] === 'Привлечённые инвестиции'),
      [
        ['Привлечённые инвестиции', '2025', '', '250000,50'],
        ['Привлечённые инвестиции', '2026', '', '1000000,00'],
      ],
    );
    const breakdowns = parseCsv(
      (await operator.get('/api/exports/breakdowns.csv?by=technology&of=participants')).body,
      ';',
    );
    assert.deepEqual(breakdowns.slice(1), [
      ['Участники кластера', 'Технологическое направление', 'Искусственный интеллект', '2'],
      ['Участники кластера', 'Технологическое направление', 'Беспилотные системы', '1'],
      ['Участники кластера', 'Технологическое направление', 'Робототехника', '1'],
    ]);
  });

  test('funnels, the refresh and the exports are the operator’s: 401 for a guest, 403 for a member', async () => {
    for (const [method, url] of [
      ['GET', '/api/stats/funnels'],
      ['POST', '/api/stats/refresh'],
      ['GET', '/api/exports/kpis.csv'],
      ['GET', '/api/exports/requests.xlsx'],
    ] as const) {
      const guest = await t.app.inject({ method, url });
      assert.equal(guest.statusCode, 401, `${method} ${url}`);
      assert.equal((await member.request(method, url)).statusCode, 403, `${method} ${url}`);
    }
    for (const url of [
      '/api/stats',
      '/api/stats/series',
      '/api/stats/breakdowns?by=district',
      '/api/open-data/kpis.csv',
    ]) {
      assert.equal((await guestGet(url)).statusCode, 200, url);
    }
  });
});

describe('the first request of a fresh database computes the figures once', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('concurrent first requests share one computation', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.app.inject({ method: 'GET', url: '/api/stats' })),
    );
    assert.ok(answers.every((a) => a.statusCode === 200));
    assert.equal(new Set(answers.map((a) => a.json().computedAt)).size, 1);
    const [{ n }] = await t.database.db.select({ n: count() }).from(kpiSnapshots);
    assert.equal(n, 1);
  });
});
