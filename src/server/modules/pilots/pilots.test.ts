import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertRequest, insertSolution } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp, TestClock } from '../../../../test/test-app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { contracts, pilots } from '../../db/schema/pilots.ts';
import { requestExperts } from '../../db/schema/requests.ts';
import { solutions } from '../../db/schema/solutions.ts';

const NUMBER_PATTERN = /^ПИ-\d{4}-\d{6}$/;
// the clock stands at 2026-11-26 12:00 in Moscow
const TODAY = '2026-11-26';

const siteBody = (ownerOrganizationId: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Школа № 1234',
  kind: 'school',
  ownerOrganizationId,
  address: 'Москва, ул. Профсоюзная, д. 10',
  district: 'ЮЗАО',
  testable: 'Системы контроля доступа, энергосбережение, цифровые сервисы для учеников',
  description: 'Здание 1970 года, 900 учеников',
  ...overrides,
});

describe('pilots', () => {
  let t: TestApp;
  let operator: Client;
  before(async () => {
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
    return error as {
      code: string;
      message: string;
      fields?: Record<string, string>;
      details?: Record<string, unknown>;
    };
  }

  /** An organization that owns pilot sites, with one active site. */
  async function siteOwner() {
    const owner = await signUp(t);
    const org = await createOrganization(owner, { capabilities: ['pilot_site_owner'] });
    const site = await ok(await owner.post('/api/pilot-sites', siteBody(org.id)), 201);
    return { owner, org, site };
  }

  /** A customer's request and a company's shortlisted solution to it (TRL 7 unless told). */
  async function shortlisted(trl = 7) {
    const customer = await signUp(t);
    const { request, organizationId: customerOrgId } = await insertRequest(t, customer);
    const company = await signUp(t);
    const companyOrg = await createOrganization(company);
    const solution = await insertSolution(t, company, request.id, companyOrg.id, {
      status: 'shortlisted',
      values: { trl },
    });
    return { customer, customerOrgId, request, company, companyOrg, solution };
  }

  const proposal = (solutionId: string, siteId: string, overrides: Record<string, unknown> = {}) => ({
    solutionId,
    siteId,
    plan: 'Установить датчики в двух корпусах, сравнить расход тепла с прошлой зимой.',
    startsOn: '2026-12-01',
    endsOn: '2027-03-01',
    ...overrides,
  });

  async function countPilots(solutionId: string) {
    const [{ n }] = await t.database.db.select({ n: count() }).from(pilots).where(eq(pilots.solutionId, solutionId));
    return n;
  }

  async function solutionStatus(id: string) {
    const [row] = await t.database.db.select({ status: solutions.status }).from(solutions).where(eq(solutions.id, id));
    return row.status;
  }

  async function notified(userId: string, kind: string) {
    const rows = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
    return rows.length;
  }

  test('the whole path: request → solution → scores → shortlist → pilot → approval → start → success with a contract', async () => {
    const customer = await signUp(t);
    const { request } = await insertRequest(t, customer);
    const company = await signUp(t);
    const companyOrg = await createOrganization(company);

    const draft = await ok(
      await company.post(`/api/requests/${request.id}/solutions`, {
        organizationId: companyOrg.id,
        summary: 'Датчики тепла и цифровой двойник здания школы.',
        description: 'Беспроводные датчики, платформа анализа, отчёт раз в неделю.',
        novelty: 'Модель прогноза потерь тепла.',
        trl: 7,
        team: [{ name: 'Мария Иванова', role: 'руководитель' }],
        priceKopecks: '200000000',
        pilotPlan: 'Три месяца в одной школе.',
      }),
      201,
    );
    await ok(await company.post(`/api/solutions/${draft.id}/submit`));

    const expert = await signUpAs(t, 'expert');
    await t.database.db
      .insert(requestExperts)
      .values({ requestId: request.id, userId: expert.userId, appointedBy: customer.userId, appointedAt: new Date() });
    const score = (values: number[]) => ({
      scores: values.map((score, i) => ({ criterion: `K${i + 1}`, score, comment: '' })),
    });
    // 14 + 16 + 20 + 12 + 12 = 74 and 18 + 18 + 22.5 + 13.5 + 18 = 90 → (74 + 90) / 2 = 82
    await ok(await customer.post(`/api/solutions/${draft.id}/scores`, score([7, 8, 8, 8, 6])));
    const scored = await ok(await expert.post(`/api/solutions/${draft.id}/scores`, score([9, 9, 9, 9, 9])));
    assert.deepEqual([scored.total, scored.scoreAverage, scored.scoreCount], [90, 82, 2]);
    await ok(await customer.post(`/api/solutions/${draft.id}/shortlist`));

    const { owner: siteKeeper, site } = await siteOwner();
    const proposed = await ok(await customer.post('/api/pilots', proposal(draft.id, site.id)), 201);
    assert.match(proposed.number, NUMBER_PATTERN);
    assert.deepEqual(
      [proposed.status, proposed.trl, proposed.startsOn, proposed.endsOn],
      ['proposed', 7, '2026-12-01', '2027-03-01'],
    );
    assert.equal(await notified(siteKeeper.userId, 'pilot.proposed'), 1);
    assert.equal(await notified(company.userId, 'pilot.proposed'), 1);
    assert.equal(await notified(customer.userId, 'pilot.proposed'), 0, 'the one who proposed is not told');

    // only the site's owner approves
    await ok(await customer.post(`/api/pilots/${proposed.id}/approve`, { approve: true }), 403);
    const approved = await ok(await siteKeeper.post(`/api/pilots/${proposed.id}/approve`, { approve: true }));
    assert.equal(approved.status, 'approved');
    assert.equal(await solutionStatus(draft.id), 'pilot');
    assert.equal(await notified(company.userId, 'pilot.approved'), 1);
    assert.equal(await notified(customer.userId, 'pilot.approved'), 1);

    // the site owner does not start it; the company does
    await ok(await siteKeeper.post(`/api/pilots/${proposed.id}/start`), 403);
    const running = await ok(await company.post(`/api/pilots/${proposed.id}/start`));
    assert.equal(running.status, 'running');
    assert.ok(running.startedAt);

    // the company does not complete it; the customer does
    const done = {
      outcome: 'success',
      resultReport: 'Потери тепла снизились на 18 %, данные подтверждены управляющей компанией.',
      contract: { amountKopecks: '180000000', signedOn: TODAY },
    };
    await ok(await company.post(`/api/pilots/${proposed.id}/complete`, done), 403);
    const completed = await ok(await customer.post(`/api/pilots/${proposed.id}/complete`, done));
    assert.deepEqual(
      [completed.pilot.status, completed.pilot.outcome, completed.solutionStatus],
      ['completed', 'success', 'contract'],
    );
    assert.equal(completed.contract.amountKopecks, '180000000');

    const rows = await t.database.db.select().from(contracts).where(eq(contracts.solutionId, draft.id));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].amountKopecks, 180000000n);
    assert.equal(rows[0].pilotId, proposed.id);
    assert.equal(rows[0].signedOn, TODAY);
    assert.equal(await solutionStatus(draft.id), 'contract');

    const detail = await ok(await siteKeeper.get(`/api/pilots/${proposed.id}`));
    assert.deepEqual(detail.viewerRoles, ['site_owner']);
    assert.equal(detail.contract.amountKopecks, '180000000');
    assert.equal(detail.solutionStatus, 'contract');
    assert.equal(detail.resultReport, done.resultReport);
    assert.deepEqual(
      detail.timeline.map((e: { status: string }) => e.status),
      ['proposed', 'approved', 'running', 'completed'],
    );
    const solution = await ok(await company.get(`/api/solutions/${draft.id}`));
    assert.deepEqual(
      solution.timeline.map((e: { status: string }) => e.status),
      ['draft', 'submitted', 'shortlisted', 'pilot', 'contract'],
    );
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, proposed.id));
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'pilot.approve',
      'pilot.complete',
      'pilot.proposed',
      'pilot.start',
    ]);
    assert.ok((await notified(company.userId, 'solution.contract')) >= 1);
  });

  test('a pilot longer than three calendar months, or starting in the past, is refused on the field and nothing is stored', async () => {
    const { customer, solution } = await shortlisted();
    const { site } = await siteOwner();
    const tooLong = refused(
      await customer.post('/api/pilots', proposal(solution.id, site.id, { endsOn: '2027-03-02' })),
      400,
      'request.invalid',
    );
    assert.match(tooLong.fields!.endsOn, /3 календарных месяцев/);
    assert.match(tooLong.fields!.endsOn, /2027-03-01/);
    const english = await customer.request(
      'POST',
      '/api/pilots',
      proposal(solution.id, site.id, { endsOn: '2027-03-02' }),
      { 'accept-language': 'en' },
    );
    assert.match(refused(english, 400, 'request.invalid').fields!.endsOn, /at most 3 calendar months/);
    // month ends: from 30 November the limit is the last day of February
    const fromMonthEnd = refused(
      await customer.post(
        '/api/pilots',
        proposal(solution.id, site.id, { startsOn: '2026-11-30', endsOn: '2027-03-01' }),
      ),
      400,
      'request.invalid',
    );
    assert.match(fromMonthEnd.fields!.endsOn, /2027-02-28/);
    const reversed = refused(
      await customer.post('/api/pilots', proposal(solution.id, site.id, { endsOn: '2026-12-01' })),
      400,
      'request.invalid',
    );
    assert.ok(reversed.fields!.endsOn);
    const past = refused(
      await customer.post(
        '/api/pilots',
        proposal(solution.id, site.id, { startsOn: '2026-11-25', endsOn: '2027-01-25' }),
      ),
      400,
      'request.invalid',
    );
    assert.ok(past.fields!.startsOn);
    refused(
      await customer.post('/api/pilots', proposal(solution.id, site.id, { startsOn: '26.11.2026' })),
      400,
      'request.invalid',
    );
    assert.equal(await countPilots(solution.id), 0);

    // exactly three months, starting today, is accepted
    const fits = await ok(
      await customer.post('/api/pilots', proposal(solution.id, site.id, { startsOn: TODAY, endsOn: '2027-02-26' })),
      201,
    );
    assert.equal(fits.status, 'proposed');
  });

  test('a solution below TRL 6 is refused with the minimum named; nothing is stored', async () => {
    const { customer, solution } = await shortlisted(5);
    const { site } = await siteOwner();
    const error = refused(await customer.post('/api/pilots', proposal(solution.id, site.id)), 409, 'pilot.trl_too_low');
    assert.match(error.message, /не ниже 6/);
    assert.equal(error.details?.minTrl, 6);
    assert.ok(error.fields?.trl);
    const english = await customer.request('POST', '/api/pilots', proposal(solution.id, site.id), {
      'accept-language': 'en',
    });
    assert.match(refused(english, 409, 'pilot.trl_too_low').message, /\(TRL\) 6 or higher/);
    assert.equal(await countPilots(solution.id), 0);
    assert.equal(await solutionStatus(solution.id), 'shortlisted');
  });

  test('only a shortlisted solution, only by the customer, on an active site, one open pilot at a time', async () => {
    const { customer, company, solution, request, companyOrg } = await shortlisted();
    const { owner: siteKeeper, site } = await siteOwner();

    // not the company, not the site owner, not a stranger (who may not know the solution)
    await ok(await company.post('/api/pilots', proposal(solution.id, site.id)), 403);
    await ok(await siteKeeper.post('/api/pilots', proposal(solution.id, site.id)), 404);
    await ok(await operator.post('/api/pilots', proposal(solution.id, site.id)), 403);

    const rival = await signUp(t);
    const submitted = await insertSolution(t, rival, request.id, (await createOrganization(rival)).id);
    refused(await customer.post('/api/pilots', proposal(submitted.id, site.id)), 409, 'pilot.solution_not_shortlisted');
    refused(
      await customer.post('/api/pilots', proposal(solution.id, '5b1f1a52-6a4f-4e55-9a55-000000000000')),
      404,
      'pilot.site_not_found',
    );

    const first = await ok(await customer.post('/api/pilots', proposal(solution.id, site.id)), 201);
    const again = refused(
      await customer.post('/api/pilots', proposal(solution.id, site.id)),
      409,
      'pilot.already_open',
    );
    assert.equal(again.details?.pilotId, first.id);
    assert.equal(await countPilots(solution.id), 1);

    // concurrent proposals for another solution: exactly one
    const other = await insertSolution(t, company, (await insertRequest(t, customer)).request.id, companyOrg.id, {
      status: 'shortlisted',
    });
    const raced = await Promise.all(
      Array.from({ length: 5 }, () => customer.post('/api/pilots', proposal(other.id, site.id))),
    );
    assert.equal(raced.filter((r) => r.statusCode === 201).length, 1, raced.map((r) => r.body).join('\n'));
    for (const r of raced.filter((r) => r.statusCode !== 201)) refused(r, 409, 'pilot.already_open');
    assert.equal(await countPilots(other.id), 1);
  });

  test('the site owner rejects with a comment; the solution stays shortlisted and can be proposed again', async () => {
    const { customer, company, solution } = await shortlisted();
    const { owner: siteKeeper, site } = await siteOwner();
    const pilot = await ok(await customer.post('/api/pilots', proposal(solution.id, site.id)), 201);
    const noComment = refused(
      await siteKeeper.post(`/api/pilots/${pilot.id}/approve`, { approve: false }),
      400,
      'request.invalid',
    );
    assert.ok(noComment.fields?.comment);
    const rejected = await ok(
      await siteKeeper.post(`/api/pilots/${pilot.id}/approve`, { approve: false, comment: 'Ремонт до весны' }),
    );
    assert.deepEqual([rejected.status, rejected.lastComment], ['rejected', 'Ремонт до весны']);
    assert.equal(await solutionStatus(solution.id), 'shortlisted');
    assert.equal(await notified(company.userId, 'pilot.rejected'), 1);
    refused(await siteKeeper.post(`/api/pilots/${pilot.id}/approve`, { approve: true }), 409, 'pilot.transition');
    refused(await customer.post(`/api/pilots/${pilot.id}/start`), 409, 'pilot.transition');
    await ok(await customer.post('/api/pilots', proposal(solution.id, site.id)), 201);
  });

  test('a failed pilot leaves the solution not adopted; a contract cannot come with a failure', async () => {
    const { customer, company, solution } = await shortlisted();
    const { owner: siteKeeper, site } = await siteOwner();
    const pilot = await ok(await customer.post('/api/pilots', proposal(solution.id, site.id)), 201);
    await ok(await siteKeeper.post(`/api/pilots/${pilot.id}/approve`, { approve: true }));
    await ok(await customer.post(`/api/pilots/${pilot.id}/start`));
    const withContract = refused(
      await customer.post(`/api/pilots/${pilot.id}/complete`, {
        outcome: 'failure',
        resultReport: 'Датчики не выдержали мороза',
        contract: { amountKopecks: '100', signedOn: TODAY },
      }),
      400,
      'request.invalid',
    );
    assert.ok(withContract.fields?.contract);
    refused(await customer.post(`/api/pilots/${pilot.id}/complete`, { outcome: 'failure' }), 400, 'request.invalid');
    const failed = await ok(
      await customer.post(`/api/pilots/${pilot.id}/complete`, {
        outcome: 'failure',
        resultReport: 'Датчики не выдержали мороза',
      }),
    );
    assert.deepEqual([failed.pilot.status, failed.solutionStatus, failed.contract], ['completed', 'not_adopted', null]);
    assert.equal((await ok(await company.get(`/api/solutions/${solution.id}`))).status, 'not_adopted');
    refused(
      await customer.post(`/api/pilots/${pilot.id}/contract`, { amountKopecks: '100', signedOn: TODAY }),
      409,
      'pilot.not_successful',
    );
  });

  test('success without a contract keeps the solution in pilot; the contract follows later, once, above zero', async () => {
    const { customer, solution } = await shortlisted();
    const { owner: siteKeeper, site } = await siteOwner();
    const pilot = await ok(await customer.post('/api/pilots', proposal(solution.id, site.id)), 201);
    await ok(await siteKeeper.post(`/api/pilots/${pilot.id}/approve`, { approve: true, comment: 'Ждём' }));
    await ok(await customer.post(`/api/pilots/${pilot.id}/start`));
    const completed = await ok(
      await customer.post(`/api/pilots/${pilot.id}/complete`, { outcome: 'success', resultReport: 'Всё работает' }),
    );
    assert.deepEqual([completed.solutionStatus, completed.contract], ['pilot', null]);

    const zero = refused(
      await customer.post(`/api/pilots/${pilot.id}/contract`, { amountKopecks: '0', signedOn: TODAY }),
      400,
      'request.invalid',
    );
    assert.match(zero.fields!.amountKopecks, /больше нуля/);
    refused(
      await customer.post(`/api/pilots/${pilot.id}/contract`, { amountKopecks: '-5', signedOn: TODAY }),
      400,
      'request.invalid',
    );
    refused(
      await customer.post(`/api/pilots/${pilot.id}/contract`, { amountKopecks: 1.5, signedOn: TODAY }),
      400,
      'request.invalid',
    );
    const future = refused(
      await customer.post(`/api/pilots/${pilot.id}/contract`, { amountKopecks: '100', signedOn: '2026-12-31' }),
      400,
      'request.invalid',
    );
    assert.ok(future.fields?.signedOn);
    const [{ n }] = await t.database.db
      .select({ n: count() })
      .from(contracts)
      .where(eq(contracts.solutionId, solution.id));
    assert.equal(n, 0);

    const signed = await ok(
      await customer.post(`/api/pilots/${pilot.id}/contract`, { amountKopecks: '99999999999', signedOn: '2026-11-20' }),
      201,
    );
    assert.deepEqual([signed.solutionStatus, signed.contract.amountKopecks], ['contract', '99999999999']);
    refused(
      await customer.post(`/api/pilots/${pilot.id}/contract`, { amountKopecks: '100', signedOn: TODAY }),
      409,
      'pilot.contract_exists',
    );
  });

  test('a contract straight from the shortlist, without a pilot; not while a pilot is open', async () => {
    const { customer, company, solution } = await shortlisted();
    await ok(
      await company.post(`/api/solutions/${solution.id}/contract`, { amountKopecks: '500', signedOn: TODAY }),
      403,
    );
    const signed = await ok(
      await customer.post(`/api/solutions/${solution.id}/contract`, { amountKopecks: '50000000', signedOn: TODAY }),
      201,
    );
    assert.deepEqual([signed.solutionStatus, signed.contract.pilotId], ['contract', null]);
    refused(
      await customer.post(`/api/solutions/${solution.id}/contract`, { amountKopecks: '500', signedOn: TODAY }),
      409,
      'solution.transition',
    );

    const withPilot = await shortlisted();
    const { site } = await siteOwner();
    const pilot = await ok(await withPilot.customer.post('/api/pilots', proposal(withPilot.solution.id, site.id)), 201);
    const open = refused(
      await withPilot.customer.post(`/api/solutions/${withPilot.solution.id}/contract`, {
        amountKopecks: '500',
        signedOn: TODAY,
      }),
      409,
      'solution.pilot_open',
    );
    assert.equal(open.details?.pilotId, pilot.id);
    assert.equal(await solutionStatus(withPilot.solution.id), 'shortlisted');
    const [{ n }] = await t.database.db
      .select({ n: count() })
      .from(contracts)
      .where(eq(contracts.solutionId, withPilot.solution.id));
    assert.equal(n, 0);
  });

  test('pilots are seen by their three sides and the operator only', async () => {
    const { customer, company, solution, customerOrgId } = await shortlisted();
    const { owner: siteKeeper, site, org: siteOrg } = await siteOwner();
    const pilot = await ok(await customer.post('/api/pilots', proposal(solution.id, site.id)), 201);
    const stranger = await signUp(t);
    await createOrganization(stranger);

    for (const side of [customer, company, siteKeeper, operator]) {
      assert.equal((await ok(await side.get(`/api/pilots/${pilot.id}`))).id, pilot.id);
      const list = await ok(await side.get('/api/pilots'));
      assert.ok(list.items.some((i: { id: string }) => i.id === pilot.id));
    }
    refused(await stranger.get(`/api/pilots/${pilot.id}`), 404, 'pilot.not_found');
    assert.equal((await ok(await stranger.get('/api/pilots'))).total, 0);
    refused(await stranger.post(`/api/pilots/${pilot.id}/approve`, { approve: true }), 404, 'pilot.not_found');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/pilots' })).statusCode, 401);

    const bySite = await ok(await siteKeeper.get(`/api/pilots?organizationId=${siteOrg.id}&status=proposed`));
    assert.deepEqual(
      bySite.items.map((i: { id: string; siteName: string }) => [i.id, i.siteName]),
      [[pilot.id, 'Школа № 1234']],
    );
    refused(await siteKeeper.get(`/api/pilots?organizationId=${customerOrgId}`), 404, 'organization.not_found');
    assert.equal((await ok(await operator.get(`/api/pilots?organizationId=${customerOrgId}`))).total, 1);
  });

  test('pilot sites: public catalogue with filters and counts; registered by site owners or the operator', async () => {
    const { owner, org, site } = await siteOwner();
    const guest = (url: string) => t.app.inject({ method: 'GET', url });
    const clinic = await ok(
      await owner.post(
        '/api/pilot-sites',
        siteBody(org.id, { name: 'Поликлиника № 7', kind: 'clinic', district: 'САО', testable: 'Телемедицина' }),
      ),
      201,
    );
    assert.equal(clinic.ownerName, 'ООО «Тестовые Технологии»');

    const all = (await guest(`/api/pilot-sites?ownerOrganizationId=${org.id}`)).json();
    assert.equal(all.total, 2);
    const clinics = (await guest(`/api/pilot-sites?ownerOrganizationId=${org.id}&kind=clinic`)).json();
    assert.deepEqual(
      clinics.items.map((i: { id: string }) => i.id),
      [clinic.id],
    );
    const bySouthWest = (
      await guest(`/api/pilot-sites?ownerOrganizationId=${org.id}&district=${encodeURIComponent('ЮЗАО')}`)
    ).json();
    assert.deepEqual(
      bySouthWest.items.map((i: { id: string }) => i.id),
      [site.id],
    );
    const byWords = (
      await guest(`/api/pilot-sites?ownerOrganizationId=${org.id}&q=${encodeURIComponent('телемед')}`)
    ).json();
    assert.deepEqual(
      byWords.items.map((i: { id: string }) => i.id),
      [clinic.id],
    );
    assert.equal((await guest('/api/pilot-sites?district=Марс')).statusCode, 400);
    assert.equal((await guest('/api/pilot-sites?limit=1000')).statusCode, 400);

    const { customer, solution } = await shortlisted();
    await ok(await customer.post('/api/pilots', proposal(solution.id, site.id)), 201);
    const detail = (await guest(`/api/pilot-sites/${site.id}`)).json();
    assert.deepEqual(detail.pilotCounts, { proposed: 1 });
    assert.equal((await guest('/api/pilot-sites/5b1f1a52-6a4f-4e55-9a55-000000000000')).statusCode, 404);

    // an organization without the capability may not register sites; the operator may for any organization
    const plain = await signUp(t);
    const plainOrg = await createOrganization(plain);
    refused(await plain.post('/api/pilot-sites', siteBody(plainOrg.id)), 403, 'pilot.site_owner_capability');
    refused(await plain.post('/api/pilot-sites', siteBody(org.id)), 404, 'organization.not_found');
    await ok(await operator.post('/api/pilot-sites', siteBody(plainOrg.id)), 201);
    const badDistrict = refused(
      await owner.post('/api/pilot-sites', siteBody(org.id, { district: 'Марс' })),
      400,
      'request.invalid',
    );
    assert.ok(badDistrict.fields?.district);
    const unauthenticated = await t.app.inject({ method: 'POST', url: '/api/pilot-sites', payload: siteBody(org.id) });
    assert.ok([401, 403].includes(unauthenticated.statusCode));
  });
});
