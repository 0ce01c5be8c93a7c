import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { admittedOrganization } from '../../../../test/admit.ts';
import { insertApplication, insertMeasure } from '../../../../test/application-factory.ts';
import { investorOrganization, startupOrganization } from '../../../../test/deal-factory.ts';
import { type Client, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertRequest, insertSolution } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';

const DAY = 86_400_000;

interface Item {
  targetId: string;
  title: string;
  link: string;
  reasons: Array<{ kind: string; values: string[] }>;
}

describe('recommendations with reasons', () => {
  let t: TestApp;
  let operator: Client;
  let company: Client; // owner of the drone company the suggestions are for
  let customer: Client;
  let outsider: Client;
  let companyId = '';
  let customerOrgId = '';
  const requestIds: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    operator = await signUpAs(t, 'operator');
    company = await signUp(t);
    customer = await signUp(t);
    outsider = await signUp(t);
    companyId = (
      await admittedOrganization(company, operator, {
        shortName: 'ООО «Аэромониторинг»',
        description: 'Тепловизионная съёмка с беспилотников для поиска утечек',
        technologies: ['drones', 'ai'],
      })
    ).id;
    await admittedOrganization(outsider, operator, { shortName: 'ООО «Энергосбыт»', technologies: ['energy'] });

    const request = async (
      name: string,
      values: Record<string, unknown>,
      status: 'published' | 'closed' = 'published',
    ) => {
      const made = await insertRequest(t, customer, {
        status,
        ...(customerOrgId ? { organizationId: customerOrgId } : {}),
        values: { brief: 'Описание задачи заказчика', expectedResult: 'Отчёт', ...values },
      });
      customerOrgId = made.organizationId;
      requestIds[name] = made.request.id;
    };
    await request('drones', { title: 'Облёт крыш', technologies: ['drones'] });
    await request('words', {
      title: 'Поиск утечек тепла',
      brief: 'Нужна тепловизионная съёмка сетей',
      technologies: ['biotech'],
    });
    await request('unrelated', { title: 'Учёт электроэнергии', technologies: ['energy'] });
    await request('answered', { title: 'Облёт мостов', technologies: ['drones'] });
    await request('closed', { title: 'Облёт парков', technologies: ['drones'] }, 'closed');
    await request('past', { title: 'Роботы для склада', technologies: ['robotics'] }, 'closed');
    await request('robotics', { title: 'Роботизированная уборка', technologies: ['robotics'] });
    await request('late', { title: 'Облёт дорог', technologies: ['drones'], deadline: new Date(Date.now() - DAY) });
    await insertSolution(t, company, requestIds.answered, companyId, { status: 'submitted' });
    await insertSolution(t, company, requestIds.past, companyId, { status: 'declined' });
  });
  after(() => t.close());

  const items = async (client: Client, url: string) => {
    const response = await client.get(url);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().items as Item[];
  };

  test('requests for a company: shared areas, past answers and words of its description, best first', async () => {
    const found = await items(company, `/api/recommendations/requests?organizationId=${companyId}`);
    const ids = found.map((i) => i.targetId);
    assert.deepEqual(
      new Set(ids),
      new Set([requestIds.drones, requestIds.words, requestIds.robotics]),
      JSON.stringify(found.map((i) => i.title)),
    );
    assert.equal(ids[0], requestIds.drones, 'a shared technology area weighs most');
    const reasons = Object.fromEntries(found.map((i) => [i.targetId, i.reasons]));
    assert.deepEqual(reasons[requestIds.drones].find((r) => r.kind === 'technology')?.values, ['drones']);
    assert.deepEqual(reasons[requestIds.robotics].find((r) => r.kind === 'past_technology')?.values, ['robotics']);
    const words = reasons[requestIds.words].find((r) => r.kind === 'words')?.values ?? [];
    assert.ok(words.includes('тепловизион'), `words: ${words}`);
    assert.equal(found[0].link, `/requests/${requestIds.drones}`);
  });

  test('a hidden suggestion stays hidden for that person, until they bring them back', async () => {
    const url = `/api/recommendations/requests?organizationId=${companyId}`;
    const hidden = await company.post('/api/recommendations/requests/hide', {
      organizationId: companyId,
      targetId: requestIds.drones,
    });
    assert.equal(hidden.statusCode, 200, hidden.body);
    assert.ok(!(await items(company, url)).some((i) => i.targetId === requestIds.drones));
    assert.ok(
      (await items(operator, url)).some((i) => i.targetId === requestIds.drones),
      'hidden for the one who hid it',
    );
    const again = await company.post('/api/recommendations/requests/hide', {
      organizationId: companyId,
      targetId: requestIds.drones,
    });
    assert.equal(again.statusCode, 200, 'hiding twice is harmless');
    const restored = await company.post('/api/recommendations/requests/unhide', { organizationId: companyId });
    assert.deepEqual(restored.json(), { restored: 1 });
    assert.ok((await items(company, url)).some((i) => i.targetId === requestIds.drones));
  });

  test('companies for a request: participants sharing its areas, for its customer', async () => {
    const found = await items(customer, `/api/recommendations/organizations?requestId=${requestIds.drones}`);
    assert.ok(
      found.some((i) => i.targetId === companyId),
      JSON.stringify(found.map((i) => i.title)),
    );
    assert.ok(!found.some((i) => i.title === 'ООО «Энергосбыт»'), 'no shared area, no suggestion');
    assert.deepEqual(found.find((i) => i.targetId === companyId)?.reasons[0], {
      kind: 'technology',
      values: ['drones'],
    });
    const answered = await items(customer, `/api/recommendations/organizations?requestId=${requestIds.answered}`);
    assert.ok(!answered.some((i) => i.targetId === companyId), 'who already answered is not suggested');
  });

  test('measures for a company: eligible, not applied to, closing soon first', async () => {
    const open = await insertMeasure(t, { title: 'Грант на разработку' });
    const soon = await insertMeasure(t, {
      title: 'Субсидия до конца месяца',
      closesAt: new Date(Date.now() + 10 * DAY),
    });
    const startupsOnly = await insertMeasure(t, { title: 'Грант стартапам', eligibility: { startupOnly: true } });
    const { measure: applied } = await insertApplication(t, company, {
      organizationId: companyId,
      status: 'submitted',
    });
    const found = await items(company, `/api/recommendations/measures?organizationId=${companyId}&limit=50`);
    const ids = found.map((i) => i.targetId);
    assert.ok(ids.includes(open.id) && ids.includes(soon.id));
    assert.ok(!ids.includes(startupsOnly.id), 'not eligible');
    assert.ok(!ids.includes(applied.id), 'already applied');
    assert.equal(ids[0], soon.id);
    assert.deepEqual(
      found[0].reasons.map((r) => r.kind),
      ['eligible', 'closes'],
    );
  });

  test('startups for an investor and investors for a startup, hideable', async () => {
    const investorOwner = await signUp(t);
    const startupOwner = await signUp(t);
    const investor = await investorOrganization(investorOwner, { stages: ['seed'], technologies: ['ai'] });
    const startup = await startupOrganization(startupOwner, operator, { technologies: ['ai'] });
    const startups = await items(investorOwner, `/api/recommendations/startups?organizationId=${investor.id}`);
    const match = startups.find((i) => i.targetId === startup.id);
    assert.ok(match, JSON.stringify(startups));
    assert.ok(match.reasons.some((r) => r.kind === 'stage') && match.reasons.some((r) => r.kind === 'technology'));
    const investors = await items(startupOwner, `/api/recommendations/investors?organizationId=${startup.id}`);
    assert.ok(investors.some((i) => i.targetId === investor.id));
    await investorOwner.post('/api/recommendations/startups/hide', {
      organizationId: investor.id,
      targetId: startup.id,
    });
    const after = await items(investorOwner, `/api/recommendations/startups?organizationId=${investor.id}`);
    assert.ok(!after.some((i) => i.targetId === startup.id));
  });

  test('who may ask', async () => {
    const guest = await t.app.inject({
      method: 'GET',
      url: `/api/recommendations/requests?organizationId=${companyId}`,
    });
    assert.equal(guest.statusCode, 401);
    assert.equal((await outsider.get(`/api/recommendations/requests?organizationId=${companyId}`)).statusCode, 403);
    assert.equal(
      (
        await outsider.post('/api/recommendations/requests/hide', {
          organizationId: companyId,
          targetId: requestIds.drones,
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (await outsider.get(`/api/recommendations/organizations?requestId=${requestIds.drones}`)).statusCode,
      403,
    );
    assert.equal((await company.get('/api/recommendations/requests')).statusCode, 400);
    assert.equal((await company.get(`/api/recommendations/nonsense?organizationId=${companyId}`)).statusCode, 400);
    assert.equal(
      (await company.get(`/api/recommendations/requests?organizationId=${crypto.randomUUID()}`)).statusCode,
      404,
    );
  });
});
