import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertRequest, insertSolution } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp, TestClock } from '../../../../test/test-app.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { statusEvents } from '../../db/schema/events.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { requestExperts, requestNdaAcceptances } from '../../db/schema/requests.ts';
import { solutionDocuments, solutionScores, solutions } from '../../db/schema/solutions.ts';
import { PDF } from '../files/file-samples.ts';

const NUMBER_PATTERN = /^РШ-\d{4}-\d{6}$/;
const HOUR = 3600 * 1000;

/** Scores on the default criteria K1–K5 (weights 20, 20, 25, 15, 20; each out of 10). */
const scoresOf = (k1: number, k2: number, k3: number, k4: number, k5: number) => ({
  scores: [
    { criterion: 'K1', score: k1, comment: 'Команда' },
    { criterion: 'K2', score: k2, comment: 'Новизна' },
    { criterion: 'K3', score: k3, comment: 'Соответствие' },
    { criterion: 'K4', score: k4, comment: 'Масштаб' },
    { criterion: 'K5', score: k5, comment: 'План' },
  ],
});

function solutionBody(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    summary: 'Облёт теплотрасс дронами с тепловизором и автоматический поиск утечек нейросетью.',
    description: 'Дроны по расписанию облетают сеть, модель размечает аномалии, оператор получает карту.',
    novelty: 'Собственная модель распознавания утечек на тепловизионных снимках.',
    trl: 7,
    team: [
      { name: 'Иван Петров', role: 'руководитель' },
      { name: 'Анна Смирнова', role: 'инженер данных' },
    ],
    priceKopecks: '250000000',
    pilotPlan: 'Три месяца на участке сети в ЮЗАО.',
    ...overrides,
  };
}

function multipart(organizationId: string) {
  const boundary = '----klaster-solutions-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="organizationId"\r\n\r\n${organizationId}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="presentation.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('solutions', () => {
  let t: TestApp;
  let clock: TestClock;
  let operator: Client;
  before(async () => {
    clock = new TestClock(new Date());
    t = await createTestApp({ clock });
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

  /** A customer with a published request, and a company (owner) to answer it. */
  async function scene(values: Parameters<typeof insertRequest>[2] = {}) {
    const customer = await signUp(t);
    const { request, organizationId: customerOrgId } = await insertRequest(t, customer, values);
    const company = await signUp(t);
    const companyOrg = await createOrganization(company);
    return { customer, customerOrgId, request, company, companyOrg };
  }

  async function countSolutions(requestId: string) {
    const [{ n }] = await t.database.db
      .select({ n: count() })
      .from(solutions)
      .where(eq(solutions.requestId, requestId));
    return n;
  }

  async function notificationsOf(userId: string, kind: string) {
    return t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  }

  test('draft → edit → submit → two scorers (weighted average exact) → shortlist, with timeline, audit and notices', async () => {
    const { customer, customerOrgId, request, company, companyOrg } = await scene();
    const uploaded = multipart(companyOrg.id);
    const file = await ok(await company.request('POST', '/api/files', uploaded.body, uploaded.headers), 201);

    const draft = await ok(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id, { fileIds: [file.id] })),
      201,
    );
    assert.match(draft.number, NUMBER_PATTERN);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.priceKopecks, '250000000');
    assert.deepEqual(draft.allowedEvents, ['submit', 'withdraw']);

    // the customer does not see a draft
    await ok(await customer.get(`/api/solutions/${draft.id}`), 404);
    assert.equal((await ok(await customer.get(`/api/requests/${request.id}/solutions`))).total, 0);

    // an edit at a stale version is refused; at the current one it lands
    refused(
      await company.patch(`/api/solutions/${draft.id}`, { trl: 8, version: draft.version + 5 }),
      409,
      'solution.stale',
    );
    const edited = await ok(await company.patch(`/api/solutions/${draft.id}`, { trl: 8, version: draft.version }));
    assert.equal(edited.trl, 8);
    assert.equal(edited.version, draft.version + 1);

    const submitted = await ok(await company.post(`/api/solutions/${draft.id}/submit`));
    assert.equal(submitted.status, 'submitted');
    assert.ok(submitted.submittedAt);
    // a second submit (a double click) answers the same, changing nothing
    assert.deepEqual(await ok(await company.post(`/api/solutions/${draft.id}/submit`)), submitted);
    refused(await company.patch(`/api/solutions/${draft.id}`, { trl: 9 }), 409, 'solution.transition');
    assert.equal((await notificationsOf(customer.userId, 'solution.submit')).length, 1);

    // an expert appointed to the request sees it, but not the others' scores before scoring itself
    const expert = await signUpAs(t, 'expert');
    await t.database.db
      .insert(requestExperts)
      .values({ requestId: request.id, userId: expert.userId, appointedBy: customer.userId, appointedAt: new Date() });

    // customer: 16 + 12 + 22.5 + 7.5 + 14 = 72
    const first = await ok(await customer.post(`/api/solutions/${draft.id}/scores`, scoresOf(8, 6, 9, 5, 7)));
    assert.deepEqual(first, { solutionId: draft.id, total: 72, scoreAverage: 72, scoreCount: 1 });
    refused(
      await customer.post(`/api/solutions/${draft.id}/scores`, scoresOf(1, 1, 1, 1, 1)),
      409,
      'solution.already_scored',
    );

    let seen = await ok(await expert.get(`/api/solutions/${draft.id}`));
    assert.deepEqual(seen.scores, []);
    assert.equal(seen.scoreAverage, null);
    assert.deepEqual(seen.viewerRoles, ['expert']);
    let listed = await ok(await expert.get(`/api/requests/${request.id}/solutions`));
    assert.equal(listed.total, 1);
    assert.equal(listed.items[0].scoreAverage, null);
    assert.equal(listed.items[0].myScore, null);

    clock.advance(60_000);
    // expert: 20 + 18 + 20 + 9 + 18 = 85; the mean of 72 and 85 is 78.5, stored rounded to 79
    const second = await ok(await expert.post(`/api/solutions/${draft.id}/scores`, scoresOf(10, 9, 8, 6, 9)));
    assert.deepEqual(second, { solutionId: draft.id, total: 85, scoreAverage: 79, scoreCount: 2 });
    const [stored] = await t.database.db.select().from(solutions).where(eq(solutions.id, draft.id));
    assert.deepEqual([stored.scoreAverage, stored.scoreCount], [79, 2]);

    seen = await ok(await expert.get(`/api/solutions/${draft.id}`));
    assert.deepEqual(
      seen.scores.map((s: { total: number }) => s.total),
      [72, 85],
    );
    assert.equal(seen.scores[0].scorerName, null, "the customer's scorer stays anonymous to an expert");
    assert.equal(seen.myScore.total, 85);
    listed = await ok(await expert.get(`/api/requests/${request.id}/solutions`));
    assert.deepEqual(
      [listed.items[0].scoreAverage, listed.items[0].scoreCount, listed.items[0].myScore.total],
      [79, 2, 85],
    );

    const forCustomer = await ok(await customer.get(`/api/solutions/${draft.id}`));
    assert.equal(forCustomer.scoreAverage, 79);
    assert.equal(forCustomer.scores.length, 2);
    assert.ok(forCustomer.scores.every((s: { scorerName: string | null }) => s.scorerName));
    assert.deepEqual(
      forCustomer.criteria.map((c: { key: string }) => c.key),
      ['K1', 'K2', 'K3', 'K4', 'K5'],
    );
    assert.deepEqual(
      forCustomer.documents.map((d: { fileId: string }) => d.fileId),
      [file.id],
    );
    // the customer downloads the attachment through the solution
    const download = await customer.get(`/api/solutions/${draft.id}/documents/${file.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');

    // the company sees its solution without the customer's scores
    const forCompany = await ok(await company.get(`/api/solutions/${draft.id}`));
    assert.deepEqual([forCompany.scores, forCompany.scoreAverage, forCompany.scoreCount], [null, null, null]);
    assert.equal(forCompany.requestTitle, request.title);

    // only the customer's owners and managers shortlist; not the company, not the expert
    await ok(await company.post(`/api/solutions/${draft.id}/shortlist`), 403);
    await ok(await expert.post(`/api/solutions/${draft.id}/shortlist`), 403);
    const shortlisted = await ok(await customer.post(`/api/solutions/${draft.id}/shortlist`));
    assert.equal(shortlisted.status, 'shortlisted');
    assert.equal((await notificationsOf(company.userId, 'solution.shortlist')).length, 1);

    const timeline = (await ok(await company.get(`/api/solutions/${draft.id}`))).timeline;
    assert.deepEqual(
      timeline.map((e: { fromStatus: string | null; status: string }) => [e.fromStatus, e.status]),
      [
        [null, 'draft'],
        ['draft', 'submitted'],
        ['submitted', 'shortlisted'],
      ],
    );
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, draft.id));
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'solution.created',
      'solution.scored',
      'solution.scored',
      'solution.shortlist',
      'solution.submit',
      'solution.updated',
    ]);

    // the company's own list shows it with the request and the customer
    const own = await ok(await company.get(`/api/solutions?organizationId=${companyOrg.id}`));
    assert.equal(own.total, 1);
    assert.deepEqual(
      [own.items[0].requestNumber, own.items[0].customerOrganizationId, own.items[0].status],
      [request.number, customerOrgId, 'shortlisted'],
    );
  });

  test('the customer declines with a reason the company reads; declined is final', async () => {
    const { customer, request, company, companyOrg } = await scene();
    const solution = await insertSolution(t, company, request.id, companyOrg.id);
    refused(await customer.post(`/api/solutions/${solution.id}/decline`, { reason: '   ' }), 400, 'request.invalid');
    await ok(await customer.post(`/api/solutions/${solution.id}/decline`, {}), 400);
    const declined = await ok(
      await customer.post(`/api/solutions/${solution.id}/decline`, { reason: 'Нужна интеграция с SCADA, её нет' }),
    );
    assert.equal(declined.status, 'declined');
    const seen = await ok(await company.get(`/api/solutions/${solution.id}`));
    assert.equal(seen.lastComment, 'Нужна интеграция с SCADA, её нет');
    assert.equal(seen.timeline.at(-1).comment, 'Нужна интеграция с SCADA, её нет');
    const [notice] = await notificationsOf(company.userId, 'solution.decline');
    assert.match(notice.body, /Нужна интеграция с SCADA/);
    refused(await customer.post(`/api/solutions/${solution.id}/shortlist`), 409, 'solution.transition');
    refused(await company.post(`/api/solutions/${solution.id}/withdraw`), 409, 'solution.transition');
    refused(
      await customer.post(`/api/solutions/${solution.id}/scores`, scoresOf(5, 5, 5, 5, 5)),
      409,
      'solution.scoring_closed',
    );
  });

  test('withdraw before a decision, with a reason; then the company may answer again', async () => {
    const { customer, request, company, companyOrg } = await scene();
    const first = await ok(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      201,
    );
    await ok(await company.post(`/api/solutions/${first.id}/submit`));
    const withdrawn = await ok(await company.post(`/api/solutions/${first.id}/withdraw`, { reason: 'Передумали' }));
    assert.deepEqual([withdrawn.status, withdrawn.lastComment], ['withdrawn', 'Передумали']);
    assert.equal((await notificationsOf(customer.userId, 'solution.withdraw')).length, 1);
    // a withdrawn solution no longer holds the organization's place
    const again = await ok(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      201,
    );
    await ok(await company.post(`/api/solutions/${again.id}/withdraw`), 200);

    // after the customer's decision, no withdrawal
    const shortlisted = await insertSolution(t, company, request.id, companyOrg.id, { status: 'shortlisted' });
    refused(await company.post(`/api/solutions/${shortlisted.id}/withdraw`), 409, 'solution.transition');
  });

  test('bad content is refused with the field named, in the language asked for, and nothing is stored', async () => {
    const { request, company, companyOrg } = await scene();
    const member = (n: number) => ({ name: `Сотрудник ${n}`, role: 'разработчик' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ summary: 'я'.repeat(501) }, 'summary'],
      [{ summary: '   ' }, 'summary'],
      [{ trl: 0 }, 'trl'],
      [{ trl: 10 }, 'trl'],
      [{ team: [] }, 'team'],
      [{ team: Array.from({ length: 11 }, (_, i) => member(i)) }, 'team'],
      [{ team: [{ name: '', role: 'инженер' }] }, 'team.0.name'],
      [{ priceKopecks: '12.50' }, 'priceKopecks'],
      [{ priceKopecks: '-1' }, 'priceKopecks'],
      [{ fileIds: ['9d1c4d8e-0000-4000-8000-000000000000'] }, 'fileIds.0'],
      [{ unexpected: true }, 'unexpected'],
    ];
    for (const [override, field] of cases) {
      const response = await company.post(
        `/api/requests/${request.id}/solutions`,
        solutionBody(companyOrg.id, override),
      );
      const error = refused(response, 400, 'request.invalid');
      assert.ok(error.fields?.[field], `${JSON.stringify(override).slice(0, 60)} → ${response.body}`);
    }
    const english = await company.request(
      'POST',
      `/api/requests/${request.id}/solutions`,
      solutionBody(companyOrg.id, { summary: 'я'.repeat(501) }),
      { 'accept-language': 'en' },
    );
    assert.match(refused(english, 400, 'request.invalid').fields!.summary, /at most 500 characters/);
    const russian = await company.post(
      `/api/requests/${request.id}/solutions`,
      solutionBody(companyOrg.id, { summary: 'я'.repeat(501) }),
    );
    assert.match(refused(russian, 400, 'request.invalid').fields!.summary, /не больше 500/);
    assert.equal(await countSolutions(request.id), 0);

    // exactly at the limits it is accepted
    const fits = await company.post(
      `/api/requests/${request.id}/solutions`,
      solutionBody(companyOrg.id, {
        summary: 'я'.repeat(500),
        trl: 9,
        team: Array.from({ length: 10 }, (_, i) => member(i)),
      }),
    );
    assert.equal(fits.statusCode, 201, fits.body);

    // a draft without a description is kept, but cannot be submitted until it has one
    const { request: other } = await insertRequest(t, await signUp(t));
    const bare = await ok(
      await company.post(
        `/api/requests/${other.id}/solutions`,
        solutionBody(companyOrg.id, { description: undefined }),
      ),
      201,
    );
    const error = refused(await company.post(`/api/solutions/${bare.id}/submit`), 400, 'request.invalid');
    assert.ok(error.fields?.description);
    assert.equal((await ok(await company.get(`/api/solutions/${bare.id}`))).status, 'draft');
  });

  test('ten concurrent answers from one company: exactly one draft, the rest 409 pointing to it', async () => {
    const { request, company, companyOrg } = await scene();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      ),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    assert.equal(created.length, 1, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n'));
    const id = created[0].json().id;
    for (const r of responses.filter((r) => r.statusCode !== 201)) {
      const error = refused(r, 409, 'solution.duplicate');
      assert.equal(error.details?.solutionId, id);
    }
    assert.equal(await countSolutions(request.id), 1);
  });

  test('who may answer: owners and managers, not the customer itself, only while the request is open', async () => {
    const { customer, customerOrgId, request, company, companyOrg } = await scene();
    // the customer's own organization
    refused(
      await customer.post(`/api/requests/${request.id}/solutions`, solutionBody(customerOrgId)),
      403,
      'solution.own_request',
    );
    // someone else's organization
    const stranger = await signUp(t);
    refused(
      await stranger.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      404,
      'organization.not_found',
    );
    // a request that is not published, or whose deadline has passed
    const { request: draftRequest } = await insertRequest(t, customer, {
      status: 'draft',
      organizationId: customerOrgId,
    });
    refused(
      await company.post(`/api/requests/${draftRequest.id}/solutions`, solutionBody(companyOrg.id)),
      404,
      'solution.request_not_found',
    );
    const { request: past } = await insertRequest(t, customer, {
      organizationId: customerOrgId,
      values: { deadline: new Date(clock.now().getTime() - HOUR) },
    });
    refused(
      await company.post(`/api/requests/${past.id}/solutions`, solutionBody(companyOrg.id)),
      409,
      'solution.request_closed',
    );
    assert.equal(await countSolutions(request.id), 0);
    assert.equal(await countSolutions(past.id), 0);
  });

  test('a request behind an NDA: refused until the organization accepts the current version of the terms', async () => {
    const { customer, request, company, companyOrg } = await scene({
      values: { ndaTerms: 'Не раскрывать данные телеметрии третьим лицам.', ndaVersion: 2 },
    });
    const error = refused(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      403,
      'solution.nda_required',
    );
    assert.match(error.message, /NDA/);
    // an acceptance of an older version does not count
    await t.database.db.insert(requestNdaAcceptances).values({
      requestId: request.id,
      organizationId: companyOrg.id,
      termsVersion: 1,
      userId: company.userId,
      acceptedAt: new Date(),
    });
    refused(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      403,
      'solution.nda_required',
    );
    await t.database.db.insert(requestNdaAcceptances).values({
      requestId: request.id,
      organizationId: companyOrg.id,
      termsVersion: 2,
      userId: company.userId,
      acceptedAt: new Date(),
    });
    const created = await ok(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      201,
    );
    await ok(await company.post(`/api/solutions/${created.id}/submit`));
    assert.equal((await ok(await customer.get(`/api/solutions/${created.id}`))).status, 'submitted');
  });

  test('the deadline passes between draft and submit: submit is refused and the draft stays', async () => {
    const { request, company, companyOrg } = await scene({
      values: { deadline: new Date(clock.now().getTime() + HOUR) },
    });
    const draft = await ok(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      201,
    );
    clock.advance(2 * HOUR);
    refused(await company.post(`/api/solutions/${draft.id}/submit`), 409, 'solution.request_closed');
    assert.equal((await ok(await company.get(`/api/solutions/${draft.id}`))).status, 'draft');
  });

  test('visibility: another company gets 404 and cannot list; the operator sees submitted ones, never drafts', async () => {
    const { customer, request, company, companyOrg } = await scene();
    const submitted = await insertSolution(t, company, request.id, companyOrg.id);
    const rival = await signUp(t);
    const rivalOrg = await createOrganization(rival);
    const draft = await insertSolution(t, rival, request.id, rivalOrg.id, { status: 'draft' });

    refused(await rival.get(`/api/solutions/${submitted.id}`), 404, 'solution.not_found');
    refused(await company.get(`/api/solutions/${draft.id}`), 404, 'solution.not_found');
    refused(await rival.get(`/api/requests/${request.id}/solutions`), 403, 'auth.forbidden');
    assert.equal((await rival.get(`/api/solutions/${submitted.id}/documents/${submitted.id}`)).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/solutions/${submitted.id}` })).statusCode, 401);
    refused(
      await rival.post(`/api/solutions/${submitted.id}/scores`, scoresOf(1, 1, 1, 1, 1)),
      404,
      'solution.not_found',
    );
    // the company's own member cannot score its solution
    refused(
      await company.post(`/api/solutions/${submitted.id}/scores`, scoresOf(1, 1, 1, 1, 1)),
      403,
      'auth.forbidden',
    );
    // nor can the operator, who sees everything submitted
    assert.equal((await ok(await operator.get(`/api/solutions/${submitted.id}`))).status, 'submitted');
    refused(await operator.get(`/api/solutions/${draft.id}`), 404, 'solution.not_found');
    refused(
      await operator.post(`/api/solutions/${submitted.id}/scores`, scoresOf(1, 1, 1, 1, 1)),
      403,
      'auth.forbidden',
    );

    const list = await ok(await customer.get(`/api/requests/${request.id}/solutions`));
    assert.deepEqual(
      list.items.map((i: { id: string }) => i.id),
      [submitted.id],
    );
    assert.deepEqual(list.counts, { submitted: 1 });
    // the rival sees only its own in its list
    const own = await ok(await rival.get('/api/solutions'));
    assert.deepEqual(
      own.items.map((i: { id: string }) => i.id),
      [draft.id],
    );
    refused(await rival.get(`/api/solutions?organizationId=${companyOrg.id}`), 404, 'organization.not_found');
    // the operator's list of every company's solutions leaves the drafts out
    const operatorList = await ok(await operator.get(`/api/solutions?organizationId=${rivalOrg.id}`));
    assert.deepEqual(operatorList.items, []);
  });

  test('scores: every criterion once within its range, the fields named; sorted by score', async () => {
    const { customer, request, company, companyOrg } = await scene();
    const a = await insertSolution(t, company, request.id, companyOrg.id);
    const otherCompany = await signUp(t);
    const otherOrg = await createOrganization(otherCompany);
    const b = await insertSolution(t, otherCompany, request.id, otherOrg.id);

    const missing = refused(
      await customer.post(`/api/solutions/${a.id}/scores`, { scores: scoresOf(5, 5, 5, 5, 5).scores.slice(0, 4) }),
      400,
      'request.invalid',
    );
    assert.match(missing.fields!['scores.K5'], /План внедрения/);
    const wrong = refused(
      await customer.post(`/api/solutions/${a.id}/scores`, {
        scores: [...scoresOf(11, 5, 5, 5, 5).scores, { criterion: 'K9', score: 1 }, { criterion: 'K2', score: 1 }],
      }),
      400,
      'request.invalid',
    );
    assert.deepEqual(Object.keys(wrong.fields!).sort(), ['scores.0.score', 'scores.5.criterion', 'scores.6.criterion']);
    assert.match(wrong.fields!['scores.0.score'], /от 0 до 10/);
    const [{ n }] = await t.database.db
      .select({ n: count() })
      .from(solutionScores)
      .where(eq(solutionScores.solutionId, a.id));
    assert.equal(n, 0);

    await ok(await customer.post(`/api/solutions/${a.id}/scores`, scoresOf(2, 2, 2, 2, 2)));
    await ok(
      await customer.post(`/api/solutions/${b.id}/scores`, { ...scoresOf(9, 9, 9, 9, 9), comment: 'Сильная команда' }),
    );
    const byScore = await ok(await customer.get(`/api/requests/${request.id}/solutions?sort=score`));
    assert.deepEqual(
      byScore.items.map((i: { id: string; scoreAverage: number }) => [i.id, i.scoreAverage]),
      [
        [b.id, 90],
        [a.id, 20],
      ],
    );
    assert.equal(byScore.items[0].myScore.comment, 'Сильная команда');
  });

  test('ten people of the customer score at once: no count is lost and the average is exact', async () => {
    const { customer, request, company, companyOrg } = await scene();
    const solution = await insertSolution(t, company, request.id, companyOrg.id);
    const experts = await Promise.all(Array.from({ length: 9 }, () => signUpAs(t, 'expert')));
    await t.database.db.insert(requestExperts).values(
      experts.map((e) => ({
        requestId: request.id,
        userId: e.userId,
        appointedBy: customer.userId,
        appointedAt: new Date(),
      })),
    );
    const scorers = [customer, ...experts];
    // scorer i gives i on every criterion: totals 0, 10, …, 90; the mean is 45
    const responses = await Promise.all(
      scorers.map((s, i) => s.post(`/api/solutions/${solution.id}/scores`, scoresOf(i, i, i, i, i))),
    );
    for (const r of responses) assert.equal(r.statusCode, 200, r.body);
    const [row] = await t.database.db.select().from(solutions).where(eq(solutions.id, solution.id));
    assert.deepEqual([row.scoreCount, row.scoreAverage], [10, 45]);
  });

  test('every change leaves a status event for the solution', async () => {
    const { customer, request, company, companyOrg } = await scene();
    const draft = await ok(
      await company.post(`/api/requests/${request.id}/solutions`, solutionBody(companyOrg.id)),
      201,
    );
    await ok(await company.post(`/api/solutions/${draft.id}/submit`));
    await ok(await customer.post(`/api/solutions/${draft.id}/decline`, { reason: 'Не подходит' }));
    const events = await t.database.db
      .select({ to: statusEvents.toStatus, actorId: statusEvents.actorId })
      .from(statusEvents)
      .where(and(eq(statusEvents.entity, 'solution'), eq(statusEvents.entityId, draft.id)))
      .orderBy(statusEvents.id);
    assert.deepEqual(
      events.map((e) => [e.to, e.actorId]),
      [
        ['draft', company.userId],
        ['submitted', company.userId],
        ['declined', customer.userId],
      ],
    );
    const [{ docs }] = await t.database.db
      .select({ docs: count() })
      .from(solutionDocuments)
      .where(eq(solutionDocuments.solutionId, draft.id));
    assert.equal(docs, 0);
  });
});
