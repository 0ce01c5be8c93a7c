import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import {
  insertDeal,
  investorOrganization,
  investorProfileBody,
  startupOrganization,
} from '../../../../test/deal-factory.ts';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { createTestApp, type TestApp, TestClock } from '../../../../test/test-app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { statusEvents } from '../../db/schema/events.ts';
import { deals, investorProfiles } from '../../db/schema/investments.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { organizationMembers } from '../../db/schema/organizations.ts';
import { projects } from '../../db/schema/projects.ts';

const NUMBER_PATTERN = /^СД-\d{4}-\d{6}$/;

describe('investments', () => {
  let t: TestApp;
  let operator: Client;
  before(async () => {
    // the clock the service reads: closing dates are checked against Moscow's today
    t = await createTestApp({ clock: new TestClock(new Date('2026-11-26T09:00:00Z')) });
    operator = await signUpAs(t, 'operator');
  });
  after(() => t.close());

  async function ok(response: LightMyRequestResponse, status = 200) {
    assert.equal(response.statusCode, status, response.body);
    return response.json();
  }

  function refused(response: LightMyRequestResponse, status: number, code: string) {
    assert.equal(response.statusCode, status, response.body);
    const { error } = response.json();
    assert.equal(error.code, code, response.body);
    return error as { code: string; message: string; fields?: Record<string, string> };
  }

  async function notificationsOf(userId: string, kind: string) {
    return t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  }

  async function auditActions(entityId: string) {
    const rows = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, entityId))
      .orderBy(auditLog.id);
    return rows.map((r) => r.action);
  }

  async function totals() {
    const body = await ok(await t.app.inject({ method: 'GET', url: '/api/investments/totals' }));
    return { amount: BigInt(body.amountKopecks), count: body.count as number };
  }

  async function countDeals() {
    const [{ n }] = await t.database.db.select({ n: count() }).from(deals);
    return n;
  }

  /** An investor (owner of a fund with a profile) and an admitted startup (its owner), in fintech. */
  async function dealScene() {
    const investor = await signUp(t);
    const fund = await investorOrganization(investor, { technologies: ['fintech'], markets: [] });
    const founder = await signUp(t);
    const startup = await startupOrganization(founder, operator, { technologies: ['fintech'], startupStage: 'early' });
    return { investor, fund, founder, startup };
  }

  function dealBody(investorOrganizationId: string, organizationId: string, overrides: Record<string, unknown> = {}) {
    return {
      investorOrganizationId,
      organizationId,
      round: 'seed',
      instrument: 'equity',
      amountKopecks: '1000000000', // 10 mln ₽
      date: '2026-11-01',
      ...overrides,
    };
  }

  /** A deal opened by the investor and closed at 15 mln ₽. */
  async function closedDeal() {
    const scene = await dealScene();
    const deal = await ok(await scene.investor.post('/api/deals', dealBody(scene.fund.id, scene.startup.id)), 201);
    const closed = await ok(
      await scene.investor.post(`/api/deals/${deal.id}/close`, { amountKopecks: '1500000000', date: '2026-11-20' }),
    );
    assert.equal(closed.status, 'closed');
    return { ...scene, deal: closed };
  }

  test('investor profile: create, list, replace with a version; a bad ticket range or a stale version is refused', async () => {
    const owner = await signUp(t);
    const org = await createOrganization(owner, { capabilities: ['investor'], shortName: 'ООО «Альфа Венчур»' });
    const body = investorProfileBody({ technologies: ['edtech'], stages: ['idea'] });

    const created = await ok(await owner.post('/api/investors', { organizationId: org.id, ...body }), 201);
    assert.equal(created.organizationName, 'ООО «Альфа Венчур»');
    assert.equal(created.ticketMinKopecks, '100000000');
    assert.equal(created.version, 1);
    refused(await owner.post('/api/investors', { organizationId: org.id, ...body }), 409, 'investor.exists');
    assert.deepEqual(await auditActions(org.id), ['organization.registered', 'investor.created']);

    const listed = await ok(await t.app.inject({ method: 'GET', url: '/api/investors?technology=edtech&stage=idea' }));
    assert.deepEqual(
      listed.items.map((i: { organizationId: string }) => i.organizationId),
      [org.id],
    );
    const none = await ok(await t.app.inject({ method: 'GET', url: '/api/investors?technology=edtech&stage=growth' }));
    assert.equal(none.total, 0);

    const badRange = refused(
      await owner.request('PUT', `/api/investors/${org.id}`, {
        ...body,
        ticketMinKopecks: '500000000',
        ticketMaxKopecks: '100000000',
        version: 1,
      }),
      400,
      'request.invalid',
    );
    assert.ok(badRange.fields?.ticketMaxKopecks, JSON.stringify(badRange));
    const zeroTicket = refused(
      await owner.request('PUT', `/api/investors/${org.id}`, { ...body, ticketMinKopecks: '0' }),
      400,
      'request.invalid',
    );
    assert.ok(zeroTicket.fields?.ticketMinKopecks, JSON.stringify(zeroTicket));
    const [stored] = await t.database.db
      .select()
      .from(investorProfiles)
      .where(eq(investorProfiles.organizationId, org.id));
    assert.equal(stored.ticketMinKopecks, 100_000_000n);
    assert.equal(stored.version, 1);

    const replaced = await ok(
      await owner.request('PUT', `/api/investors/${org.id}`, {
        ...body,
        type: 'business_angel',
        public: false,
        version: 1,
      }),
    );
    assert.equal(replaced.type, 'business_angel');
    assert.equal(replaced.version, 2);
    refused(await owner.request('PUT', `/api/investors/${org.id}`, { ...body, version: 1 }), 409, 'investor.stale');

    // a hidden profile: its members and the operator only
    const hidden = await ok(await t.app.inject({ method: 'GET', url: '/api/investors?technology=edtech' }));
    assert.equal(hidden.total, 0);
    refused(await t.app.inject({ method: 'GET', url: `/api/investors/${org.id}` }), 404, 'investor.not_found');
    await ok(await owner.get(`/api/investors/${org.id}`));
    await ok(await operator.get(`/api/investors/${org.id}`));

    // only an organization marked as an investor keeps a profile, and only its owners and managers write it
    const company = await createOrganization(owner);
    refused(await owner.request('PUT', `/api/investors/${company.id}`, body), 403, 'investor.not_investor');
    const outsider = await signUp(t);
    refused(await outsider.request('PUT', `/api/investors/${org.id}`, body), 404, 'organization.not_found');
    refused(
      await t.app.inject({ method: 'PUT', url: `/api/investors/${org.id}`, payload: body }),
      401,
      'auth.required',
    );
    refused(
      await t.app.inject({ method: 'POST', url: '/api/investors', payload: { organizationId: org.id, ...body } }),
      401,
      'auth.required',
    );
  });

  test('startup needs: the startup writes them, the public reads them; not a startup or a zero amount is refused', async () => {
    const founder = await signUp(t);
    const startup = await startupOrganization(founder, operator, { technologies: ['agritech'] });
    const empty = await ok(await t.app.inject({ method: 'GET', url: `/api/startups/${startup.id}/needs` }));
    assert.equal(empty.updatedAt, null);
    assert.equal(empty.stage, 'seed');

    const needs = {
      rounds: ['seed'],
      instruments: ['equity', 'convertible_loan'],
      markets: ['b2b'],
      amountKopecks: '2500000000',
      pitch: 'Агродатчики для теплиц',
    };
    const written = await ok(await founder.request('PUT', `/api/startups/${startup.id}/needs`, needs));
    assert.equal(written.amountKopecks, '2500000000');
    const read = await ok(await t.app.inject({ method: 'GET', url: `/api/startups/${startup.id}/needs` }));
    assert.deepEqual(read.instruments, ['equity', 'convertible_loan']);
    assert.equal(read.pitch, 'Агродатчики для теплиц');

    const zero = refused(
      await founder.request('PUT', `/api/startups/${startup.id}/needs`, { ...needs, amountKopecks: '0' }),
      400,
      'request.invalid',
    );
    assert.ok(zero.fields?.amountKopecks);

    const company = await createOrganization(founder);
    refused(await founder.request('PUT', `/api/startups/${company.id}/needs`, needs), 403, 'startup.not_startup');
    refused(
      await t.app.inject({ method: 'PUT', url: `/api/startups/${startup.id}/needs`, payload: needs }),
      401,
      'auth.required',
    );
    // a startup not yet in the registry is its members' business
    const hiddenStartup = await createOrganization(founder, { isStartup: true, startupStage: 'idea' });
    refused(
      await t.app.inject({ method: 'GET', url: `/api/startups/${hiddenStartup.id}/needs` }),
      404,
      'organization.not_found',
    );
    await ok(await founder.get(`/api/startups/${hiddenStartup.id}/needs`));
  });

  test('matching: an investor sees registry startups by stage and technology, best first, with the reasons', async () => {
    const investor = await signUp(t);
    const fund = await investorOrganization(investor, {
      stages: ['seed', 'early'],
      technologies: ['quantum', 'space'],
      markets: ['b2g'],
      ticketMinKopecks: '100000000', // 1 mln ₽
      ticketMaxKopecks: '5000000000', // 50 mln ₽
    });
    const founder = await signUp(t);
    const make = async (name: string, stage: string, technologies: string[], amountKopecks?: string) => {
      const org = await startupOrganization(founder, operator, { shortName: name, startupStage: stage, technologies });
      if (amountKopecks) {
        await ok(
          await founder.request('PUT', `/api/startups/${org.id}/needs`, {
            rounds: ['seed'],
            instruments: ['equity'],
            markets: ['b2g'],
            amountKopecks,
          }),
        );
      }
      return org;
    };
    const inTicket = await make('ООО «Кубит»', 'seed', ['quantum'], '1000000000'); // 10 mln ₽: in the range
    const outTicket = await make('ООО «Орбита»', 'early', ['space', 'quantum'], '10000000000'); // 100 mln ₽: above
    const stageMiss = await make('ООО «Зрелый Кубит»', 'growth', ['quantum']);
    const technologyMiss = await make('ООО «Биокубит»', 'seed', ['biotech']);
    // not in the registry: never shown
    await createOrganization(founder, { isStartup: true, startupStage: 'seed', technologies: ['quantum'] });

    const page = await ok(await investor.get(`/api/investors/${fund.id}/matches`));
    const ids = page.items.map((i: { organizationId: string }) => i.organizationId);
    assert.deepEqual(ids, [inTicket.id, outTicket.id]);
    assert.equal(page.total, 2);
    const [first, second] = page.items;
    assert.deepEqual(
      first.reasons.map((r: { kind: string }) => r.kind),
      ['stage', 'technology', 'ticket', 'market'],
    );
    assert.equal(first.score, 3 + 2 + 3 + 1);
    assert.deepEqual(first.reasons[2].values, ['1000000000']);
    assert.equal(first.needs.amountKopecks, '1000000000');
    assert.deepEqual(
      second.reasons.map((r: { kind: string }) => r.kind),
      ['stage', 'technology', 'market'],
    );
    assert.deepEqual(second.reasons[1].values, ['quantum', 'space']);
    assert.equal(second.score, 3 + 4 + 1);
    assert.ok(!ids.includes(stageMiss.id) && !ids.includes(technologyMiss.id));
    const paged = await ok(await investor.get(`/api/investors/${fund.id}/matches?limit=1&offset=1`));
    assert.deepEqual(
      paged.items.map((i: { organizationId: string }) => i.organizationId),
      [outTicket.id],
    );
    assert.equal(paged.total, 2);

    // the other way: the startup sees the investor, with the reasons
    const forStartup = await ok(await founder.get(`/api/startups/${inTicket.id}/matches`));
    const fundMatch = forStartup.items.find((i: { organizationId: string }) => i.organizationId === fund.id);
    assert.ok(fundMatch, JSON.stringify(forStartup));
    assert.deepEqual(
      fundMatch.reasons.map((r: { kind: string }) => r.kind),
      ['stage', 'technology', 'ticket', 'market'],
    );
    const forStageMiss = await ok(await founder.get(`/api/startups/${stageMiss.id}/matches`));
    assert.ok(!forStageMiss.items.some((i: { organizationId: string }) => i.organizationId === fund.id));

    // the investor's members and the operator only
    await ok(await operator.get(`/api/investors/${fund.id}/matches`));
    refused(await founder.get(`/api/investors/${fund.id}/matches`), 404, 'organization.not_found');
    refused(await investor.get(`/api/startups/${inTicket.id}/matches`), 404, 'organization.not_found');
    refused(await t.app.inject({ method: 'GET', url: `/api/investors/${fund.id}/matches` }), 401, 'auth.required');
  });

  test('deal path: intro → due diligence → term sheet → closed → both confirm → counts in the totals', async () => {
    const { investor, fund, founder, startup } = await dealScene();
    const before = await totals();
    const deal = await ok(
      await investor.post('/api/deals', dealBody(fund.id, startup.id, { instrument: 'convertible_loan' })),
      201,
    );
    assert.match(deal.number, NUMBER_PATTERN);
    assert.equal(deal.status, 'intro');
    assert.equal(deal.amountKopecks, '1000000000');
    assert.deepEqual(deal.viewer.allowedEvents, ['advance', 'close', 'drop']);
    assert.equal((await notificationsOf(founder.userId, 'deal.created')).length, 1);

    assert.equal((await ok(await investor.post(`/api/deals/${deal.id}/advance`))).status, 'due_diligence');
    assert.equal((await ok(await founder.post(`/api/deals/${deal.id}/advance`))).status, 'term_sheet');
    refused(await founder.post(`/api/deals/${deal.id}/advance`), 409, 'deal.transition');
    assert.equal((await notificationsOf(investor.userId, 'deal.advance')).length, 1);

    refused(await investor.post(`/api/deals/${deal.id}/close`, { date: '2026-12-31' }), 400, 'request.invalid');
    const closed = await ok(
      await investor.post(`/api/deals/${deal.id}/close`, { amountKopecks: '1500000000', date: '2026-11-20' }),
    );
    assert.equal(closed.status, 'closed');
    assert.equal(closed.amountKopecks, '1500000000');
    assert.equal(closed.date, '2026-11-20');
    assert.deepEqual(closed.viewer.canConfirm, ['investor']);
    assert.deepEqual(await totals(), before);

    const first = await ok(await investor.post(`/api/deals/${deal.id}/confirm`, { organizationId: fund.id }));
    assert.equal(first.confirmedByBoth, false);
    assert.equal(first.status, 'closed');
    // a double click changes nothing
    const again = await ok(await investor.post(`/api/deals/${deal.id}/confirm`, { organizationId: fund.id }));
    assert.equal(again.investorConfirmedAt, first.investorConfirmedAt);
    assert.deepEqual(await totals(), before);
    assert.equal((await notificationsOf(founder.userId, 'deal.confirmed')).length, 1);

    const second = await ok(await founder.post(`/api/deals/${deal.id}/confirm`, { organizationId: startup.id }));
    assert.equal(second.confirmedByBoth, true);
    assert.equal(second.countsAsInvestment, true);
    assert.deepEqual(await totals(), { amount: before.amount + 1_500_000_000n, count: before.count + 1 });
    for (const person of [investor, founder]) {
      assert.equal((await notificationsOf(person.userId, 'deal.confirmed_by_both')).length, 1);
    }
    // confirmed: no dispute any more
    refused(
      await founder.post(`/api/deals/${deal.id}/dispute`, { organizationId: startup.id, reason: 'Передумали' }),
      409,
      'deal.confirmed_cannot_dispute',
    );

    const full = await ok(await founder.get(`/api/deals/${deal.id}`));
    assert.deepEqual(
      full.timeline.map((e: { toStatus: string }) => e.toStatus),
      ['intro', 'due_diligence', 'term_sheet', 'closed', 'closed', 'closed'],
    );
    assert.match(full.timeline[5].comment, /обе стороны/);
    assert.deepEqual(await auditActions(deal.id), [
      'deal.created',
      'deal.advance',
      'deal.advance',
      'deal.close',
      'deal.confirmed',
      'deal.confirmed',
    ]);
    const [{ n: events }] = await t.database.db
      .select({ n: count() })
      .from(statusEvents)
      .where(and(eq(statusEvents.entity, 'deal'), eq(statusEvents.entityId, deal.id)));
    assert.equal(events, 6);
  });

  test('one side confirming is not enough; a disputed deal never counts; a dropped deal keeps its reason', async () => {
    const before = await totals();
    const half = await closedDeal();
    await ok(await half.founder.post(`/api/deals/${half.deal.id}/confirm`, { organizationId: half.startup.id }));
    const halfView = await ok(await half.investor.get(`/api/deals/${half.deal.id}`));
    assert.equal(halfView.countsAsInvestment, false);
    assert.equal(halfView.confirmedByBoth, false);
    assert.deepEqual(await totals(), before);

    // the investor has not confirmed: it may dispute what the company confirmed
    const disputed = await ok(
      await half.investor.post(`/api/deals/${half.deal.id}/dispute`, {
        organizationId: half.fund.id,
        reason: 'Сумма в договоре другая',
      }),
    );
    assert.equal(disputed.disputedByOrganizationId, half.fund.id);
    assert.equal(disputed.disputeReason, 'Сумма в договоре другая');
    refused(
      await half.investor.post(`/api/deals/${half.deal.id}/confirm`, { organizationId: half.fund.id }),
      409,
      'deal.disputed',
    );
    assert.deepEqual(await totals(), before);
    assert.equal((await notificationsOf(half.founder.userId, 'deal.disputed')).length, 1);
    assert.equal((await notificationsOf(operator.userId, 'deal.disputed')).length >= 1, true);

    const both = await closedDeal();
    await ok(
      await both.founder.post(`/api/deals/${both.deal.id}/dispute`, {
        organizationId: both.startup.id,
        reason: 'Сделки не было',
      }),
    );
    refused(
      await both.investor.post(`/api/deals/${both.deal.id}/confirm`, { organizationId: both.fund.id }),
      409,
      'deal.disputed',
    );
    refused(
      await both.founder.post(`/api/deals/${both.deal.id}/dispute`, {
        organizationId: both.startup.id,
        reason: 'Ещё раз',
      }),
      409,
      'deal.disputed',
    );
    assert.deepEqual(await totals(), before);
    assert.deepEqual((await auditActions(both.deal.id)).slice(-1), ['deal.disputed']);

    const open = await dealScene();
    const deal = await ok(await open.founder.post('/api/deals', dealBody(open.fund.id, open.startup.id)), 201);
    refused(
      await open.founder.post(`/api/deals/${deal.id}/confirm`, { organizationId: open.startup.id }),
      409,
      'deal.not_closed',
    );
    const dropped = await ok(await open.founder.post(`/api/deals/${deal.id}/drop`, { reason: 'Не сошлись в оценке' }));
    assert.equal(dropped.status, 'dropped');
    assert.equal(dropped.lastComment, 'Не сошлись в оценке');
    assert.equal((await notificationsOf(open.investor.userId, 'deal.drop')).length, 1);
    refused(await open.founder.post(`/api/deals/${deal.id}/close`), 409, 'deal.transition');
  });

  test('terms: an open deal is edited with a version; a closed one is refused 409', async () => {
    const { investor, fund, founder, startup } = await dealScene();
    const deal = await ok(await founder.post('/api/deals', dealBody(fund.id, startup.id)), 201);
    const edited = await ok(
      await investor.patch(`/api/deals/${deal.id}`, { amountKopecks: '2000000000', round: 'a', version: deal.version }),
    );
    assert.equal(edited.amountKopecks, '2000000000');
    assert.equal(edited.round, 'a');
    assert.equal(edited.version, deal.version + 1);
    refused(await founder.patch(`/api/deals/${deal.id}`, { round: 'b', version: deal.version }), 409, 'deal.stale');
    assert.equal((await notificationsOf(founder.userId, 'deal.updated')).length, 1);

    await ok(await founder.post(`/api/deals/${deal.id}/close`));
    refused(await investor.patch(`/api/deals/${deal.id}`, { amountKopecks: '1' }), 409, 'deal.not_editable');
    const [row] = await t.database.db.select().from(deals).where(eq(deals.id, deal.id));
    assert.equal(row.amountKopecks, 2_000_000_000n);
  });

  test('amounts: 0, negative and fractional kopecks are refused naming the field, and nothing is stored', async () => {
    const { investor, fund, startup } = await dealScene();
    const before = await countDeals();
    for (const amountKopecks of ['0', '-1', '1.5', 1.5, -1, 0, '', '1e6', '10 000']) {
      const error = refused(
        await investor.post('/api/deals', dealBody(fund.id, startup.id, { amountKopecks })),
        400,
        'request.invalid',
      );
      assert.ok(error.fields?.amountKopecks, `${JSON.stringify(amountKopecks)}: ${JSON.stringify(error)}`);
    }
    assert.equal(await countDeals(), before);

    const deal = await ok(await investor.post('/api/deals', dealBody(fund.id, startup.id)), 201);
    for (const amountKopecks of ['0', '-5', '2.25']) {
      const patch = refused(await investor.patch(`/api/deals/${deal.id}`, { amountKopecks }), 400, 'request.invalid');
      assert.ok(patch.fields?.amountKopecks);
      const close = refused(
        await investor.post(`/api/deals/${deal.id}/close`, { amountKopecks }),
        400,
        'request.invalid',
      );
      assert.ok(close.fields?.amountKopecks);
    }
    const [row] = await t.database.db.select().from(deals).where(eq(deals.id, deal.id));
    assert.equal(row.amountKopecks, 1_000_000_000n);
    assert.equal(row.status, 'intro');
  });

  test('opening a deal: sides must differ, the investor must be one, the other side must be known, the project the company’s', async () => {
    const { investor, fund, founder, startup } = await dealScene();
    const same = refused(await investor.post('/api/deals', dealBody(fund.id, fund.id)), 400, 'request.invalid');
    assert.ok(same.fields?.organizationId);

    const plainCompany = await createOrganization(founder);
    const notInvestor = refused(
      await founder.post('/api/deals', dealBody(plainCompany.id, startup.id)),
      400,
      'request.invalid',
    );
    assert.ok(notInvestor.fields?.investorOrganizationId);

    // an organization outside the registry, of someone else: unknown to the investor
    const stranger = await signUp(t);
    const hidden = await createOrganization(stranger, { isStartup: true, startupStage: 'seed' });
    const unknown = refused(await investor.post('/api/deals', dealBody(fund.id, hidden.id)), 400, 'request.invalid');
    assert.ok(unknown.fields?.organizationId);
    refused(await stranger.post('/api/deals', dealBody(fund.id, startup.id)), 403, 'auth.forbidden');

    // projects: the company's own (as lead) is accepted, another's is not
    const [own] = await t.database.db
      .insert(projects)
      .values({
        number: `ПР-2026-${process.pid}-1`,
        leadOrganizationId: startup.id,
        authorId: founder.userId,
        title: 'Платёжный шлюз',
        trl: 5,
        startedOn: '2026-01-01',
      })
      .returning();
    const [foreign] = await t.database.db
      .insert(projects)
      .values({
        number: `ПР-2026-${process.pid}-2`,
        leadOrganizationId: hidden.id,
        authorId: stranger.userId,
        title: 'Чужой проект',
        trl: 5,
        startedOn: '2026-01-01',
      })
      .returning();
    const unrelated = refused(
      await investor.post('/api/deals', dealBody(fund.id, startup.id, { projectId: foreign.id })),
      400,
      'request.invalid',
    );
    assert.ok(unrelated.fields?.projectId);
    const linked = await ok(
      await investor.post('/api/deals', dealBody(fund.id, startup.id, { projectId: own.id })),
      201,
    );
    assert.deepEqual(linked.project, { id: own.id, number: own.number, title: 'Платёжный шлюз' });
  });

  test('visibility: the two sides and the operator see a deal, outsiders get 404, guests 401; plain members only read', async () => {
    const { investor, fund, founder, startup } = await dealScene();
    const deal = await ok(await investor.post('/api/deals', dealBody(fund.id, startup.id)), 201);
    const outsider = await signUp(t);
    await createOrganization(outsider);
    refused(await outsider.get(`/api/deals/${deal.id}`), 404, 'deal.not_found');
    refused(await outsider.post(`/api/deals/${deal.id}/advance`), 404, 'deal.not_found');
    refused(await outsider.patch(`/api/deals/${deal.id}`, { round: 'a' }), 404, 'deal.not_found');
    const outsiderList = await ok(await outsider.get('/api/deals'));
    assert.ok(!outsiderList.items.some((d: { id: string }) => d.id === deal.id));
    refused(await outsider.get(`/api/deals?organizationId=${fund.id}`), 404, 'organization.not_found');

    await ok(await founder.get(`/api/deals/${deal.id}`));
    const operatorView = await ok(await operator.get(`/api/deals/${deal.id}`));
    assert.deepEqual(operatorView.viewer.allowedEvents, []);
    refused(await operator.post(`/api/deals/${deal.id}/advance`), 403, 'auth.forbidden');
    const everything = await ok(await operator.get('/api/deals?status=intro&limit=100'));
    assert.ok(everything.items.some((d: { id: string }) => d.id === deal.id));

    const mine = await ok(await investor.get(`/api/deals?organizationId=${fund.id}`));
    assert.deepEqual(
      mine.items.map((d: { id: string }) => d.id),
      [deal.id],
    );
    assert.equal(mine.items[0].companyName, 'ООО «Тестовый Стартап»');

    // a plain member of the company reads the deal but does not act on it
    const member = await signUp(t);
    // joined straight in the database: the invitation flow is the organizations module's own test
    await t.database.db
      .insert(organizationMembers)
      .values({ organizationId: startup.id, userId: member.userId, orgRole: 'member' });
    await ok(await member.get(`/api/deals/${deal.id}`));
    refused(await member.post(`/api/deals/${deal.id}/advance`), 403, 'auth.forbidden');

    for (const [method, url, payload] of [
      ['GET', `/api/deals/${deal.id}`, undefined],
      ['GET', '/api/deals', undefined],
      ['POST', '/api/deals', dealBody(fund.id, startup.id)],
      ['PATCH', `/api/deals/${deal.id}`, { round: 'a' }],
      ['POST', `/api/deals/${deal.id}/advance`, undefined],
      ['POST', `/api/deals/${deal.id}/close`, {}],
      ['POST', `/api/deals/${deal.id}/drop`, { reason: 'нет' }],
      ['POST', `/api/deals/${deal.id}/confirm`, { organizationId: fund.id }],
      ['POST', `/api/deals/${deal.id}/dispute`, { organizationId: fund.id, reason: 'нет' }],
    ] as const) {
      refused(
        await t.app.inject({ method, url, ...(payload ? { payload: payload as object } : {}) }),
        401,
        'auth.required',
      );
    }
    // the public sees totals only
    await ok(await t.app.inject({ method: 'GET', url: '/api/investments/totals' }));
  });

  test('both sides confirming at the same moment both succeed, and "confirmed by both" is told once', async () => {
    const { investor, fund, founder, startup, deal } = await closedDeal();
    const before = await totals();
    const [a, b] = await Promise.all([
      investor.post(`/api/deals/${deal.id}/confirm`, { organizationId: fund.id }),
      founder.post(`/api/deals/${deal.id}/confirm`, { organizationId: startup.id }),
    ]);
    const answers = [await ok(a), await ok(b)];
    assert.equal(answers.filter((x) => x.confirmedByBoth).length, 1, JSON.stringify(answers));
    for (const person of [investor, founder]) {
      assert.equal((await notificationsOf(person.userId, 'deal.confirmed_by_both')).length, 1);
    }
    const view = await ok(await investor.get(`/api/deals/${deal.id}`));
    assert.equal(view.countsAsInvestment, true);
    assert.deepEqual(await totals(), { amount: before.amount + 1_500_000_000n, count: before.count + 1 });
    assert.equal((await auditActions(deal.id)).filter((x) => x === 'deal.confirmed').length, 2);
  });

  test('one person holding both sides cannot confirm for both', async () => {
    const person = await signUp(t);
    const fund = await investorOrganization(person, { technologies: ['fintech'] });
    const startup = await startupOrganization(person, operator, { technologies: ['fintech'] });
    const deal = await ok(await person.post('/api/deals', dealBody(fund.id, startup.id)), 201);
    await ok(await person.post(`/api/deals/${deal.id}/close`));
    await ok(await person.post(`/api/deals/${deal.id}/confirm`, { organizationId: fund.id }));
    refused(
      await person.post(`/api/deals/${deal.id}/confirm`, { organizationId: startup.id }),
      409,
      'deal.same_person',
    );
    const other = await createOrganization(person);
    const notSide = refused(
      await person.post(`/api/deals/${deal.id}/confirm`, { organizationId: other.id }),
      400,
      'request.invalid',
    );
    assert.ok(notSide.fields?.organizationId);
  });

  test('totals count only closed deals confirmed by both and not disputed', async () => {
    const { investor, fund, founder, startup } = await dealScene();
    const before = await totals();
    const base = { investorOrganizationId: fund.id, organizationId: startup.id, amountKopecks: 700n };
    await insertDeal(t, investor, { ...base, status: 'closed', confirmedBy: { investor, company: founder } });
    await insertDeal(t, investor, { ...base, status: 'closed', confirmedBy: { investor } });
    await insertDeal(t, investor, { ...base, status: 'term_sheet' });
    const disputed = await insertDeal(t, investor, { ...base, status: 'closed', confirmedBy: { investor } });
    await ok(
      await founder.post(`/api/deals/${disputed.id}/dispute`, { organizationId: startup.id, reason: 'Не было' }),
    );
    assert.deepEqual(await totals(), { amount: before.amount + 700n, count: before.count + 1 });
  });
});
