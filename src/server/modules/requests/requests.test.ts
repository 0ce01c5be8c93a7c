import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertRequest, insertSolution } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp, TestClock } from '../../../../test/test-app.ts';
import { requests } from '../../db/schema/requests.ts';
import { closeExpiredRequests } from '../../jobs/request-deadlines.ts';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

describe('requests for innovative solutions', () => {
  let t: TestApp;
  let operator: Client;
  let customer: Client;
  let customerOrgId: string;
  let outsider: Client;
  let outsiderOrgId: string;
  const clock = new TestClock();
  const guest = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const inFuture = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  /** A complete request body of the customer; the deadline a month ahead of the test clock. */
  const requestBody = (overrides: Record<string, unknown> = {}) => ({
    organizationId: customerOrgId,
    kind: 'corporate',
    title: 'Мониторинг теплотрасс беспилотниками',
    brief: 'Ищем облёт теплотрасс с тепловизором и автоматический поиск утечек.',
    description: 'Сеть 1 200 км; телеметрия в формате OPC UA; отчёт раз в неделю с картой аномалий.',
    scopes: ['housing', 'energy'],
    technologies: ['drones', 'ai'],
    problemTypes: ['monitoring'],
    expectedResult: 'Карта утечек раз в неделю',
    minTrl: 5,
    budgetKopecks: '500000000',
    pilotOffered: true,
    deadline: inFuture(30 * DAY),
    ...overrides,
  });

  async function draft(overrides: Record<string, unknown> = {}, as = customer) {
    const created = await as.post('/api/requests', requestBody(overrides));
    assert.equal(created.statusCode, 201, created.body);
    return created.json();
  }

  async function published(overrides: Record<string, unknown> = {}) {
    const { id } = await draft(overrides);
    const moderated = await customer.post(`/api/requests/${id}/moderate`);
    assert.equal(moderated.statusCode, 200, moderated.body);
    const publish = await operator.post(`/api/requests/${id}/publish`);
    assert.equal(publish.statusCode, 200, publish.body);
    return publish.json();
  }

  const titles = async (client: Client) =>
    ((await client.get('/api/notifications?limit=100')).json().items as Array<{ title: string; body: string }>).map(
      (n) => `${n.title} | ${n.body}`,
    );

  before(async () => {
    t = await createTestApp({ clock });
    operator = await signUpAs(t, 'operator');
    customer = await signUp(t);
    customerOrgId = (
      await createOrganization(customer, { capabilities: ['company', 'customer'], shortName: 'ПАО «Теплосеть»' })
    ).id;
    outsider = await signUp(t);
    outsiderOrgId = (await createOrganization(outsider, { shortName: 'ООО «Аэроскан»' })).id;
  });
  after(() => t.close());

  test('the customer writes a draft, moderates it, the operator publishes it; everyone then sees it', async () => {
    const created = await draft();
    assert.match(created.number, /^ЗИ-2026-\d{6}$/);
    assert.equal(created.status, 'draft');
    assert.equal(created.ndaRequired, false);
    assert.equal(created.criteria.length, 5, 'K1–K5 by default');
    assert.equal(
      created.criteria.reduce((sum: number, c: { weight: number }) => sum + c.weight, 0),
      100,
    );
    assert.equal(created.budgetKopecks, '500000000');
    assert.deepEqual(created.viewer.allowedEvents, ['moderate', 'cancel']);
    assert.equal(created.customer.shortName, 'ПАО «Теплосеть»');
    const id = created.id;

    assert.equal((await guest(`/api/requests/${id}`)).statusCode, 404, 'a draft is invisible to guests');
    assert.equal((await outsider.get(`/api/requests/${id}`)).statusCode, 404, 'and to other companies');
    const own = (await customer.get(`/api/requests?organizationId=${customerOrgId}`)).json();
    assert.ok(
      own.items.some((r: { id: string }) => r.id === id),
      'the customer lists its drafts',
    );
    const theirs = (await outsider.get(`/api/requests?organizationId=${customerOrgId}`)).json();
    assert.ok(
      !theirs.items.some((r: { id: string }) => r.id === id),
      'an outsider asking for the organization does not',
    );
    assert.ok(!(await guest('/api/requests?limit=100')).json().items.some((r: { id: string }) => r.id === id));

    const moderated = await customer.post(`/api/requests/${id}/moderate`);
    assert.equal(moderated.statusCode, 200, moderated.body);
    assert.equal(moderated.json().status, 'moderation');
    assert.ok((await titles(operator)).some((n) => n.includes(`Запрос ${created.number} ждёт модерации`)));

    const queue = await operator.get('/api/requests?status=moderation&limit=100');
    assert.equal(queue.statusCode, 200, queue.body);
    assert.ok(
      queue.json().items.some((r: { id: string }) => r.id === id),
      'in the moderation queue',
    );
    assert.equal((await outsider.get('/api/requests?status=moderation')).statusCode, 403);
    assert.equal((await guest('/api/requests?status=moderation')).statusCode, 401);
    assert.equal((await customer.post(`/api/requests/${id}/publish`)).statusCode, 403, 'the customer does not publish');

    const publish = await operator.post(`/api/requests/${id}/publish`);
    assert.equal(publish.statusCode, 200, publish.body);
    const request = publish.json();
    assert.equal(request.status, 'published');
    assert.equal(request.publishedAt, clock.now().toISOString());
    assert.equal(request.isOpen, true);
    assert.ok((await titles(customer)).some((n) => n.includes(`Запрос ${created.number} опубликован`)));

    const seen = await guest(`/api/requests/${id}`);
    assert.equal(seen.statusCode, 200, seen.body);
    assert.equal(seen.json().description, requestBody().description, 'no NDA: the description is public');
    assert.deepEqual(
      seen.json().timeline.map((e: { toStatus: string }) => e.toStatus),
      ['published'],
      'guests see the public life only',
    );
    assert.deepEqual(
      (await customer.get(`/api/requests/${id}`)).json().timeline.map((e: { toStatus: string }) => e.toStatus),
      ['draft', 'moderation', 'published'],
    );
    const list = (await guest('/api/requests?limit=100')).json();
    const item = list.items.find((r: { id: string }) => r.id === id);
    assert.ok(item, 'listed once published');
    assert.equal('description' in item, false, 'list items never carry the description');
    const byNumber = (await guest(`/api/requests?q=${encodeURIComponent(created.number)}`)).json();
    assert.deepEqual(
      byNumber.items.map((r: { id: string }) => r.id),
      [id],
      'found by its number',
    );

    const audit = (await operator.get(`/api/audit?entity=request&id=${id}`)).json();
    assert.deepEqual(audit.items.map((a: { action: string }) => a.action).reverse(), [
      'request.created',
      'request.moderate',
      'request.publish',
    ]);
    assert.equal((await operator.post(`/api/requests/${id}/publish`)).statusCode, 409, 'published once');
  });

  test('the operator returns a request with a comment; the customer fixes the draft and sends it again', async () => {
    const { id, number } = await draft();
    await customer.post(`/api/requests/${id}/moderate`);
    const bare = await operator.post(`/api/requests/${id}/return`, {});
    assert.equal(bare.statusCode, 400);
    assert.ok(bare.json().error.fields.comment);
    const blank = await operator.post(`/api/requests/${id}/return`, { comment: '   ' });
    assert.equal(blank.statusCode, 400);
    const returned = await operator.post(`/api/requests/${id}/return`, { comment: 'Уточните бюджет и сроки' });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.equal(returned.json().status, 'draft');
    assert.equal(returned.json().lastComment, 'Уточните бюджет и сроки');
    assert.ok(
      (await titles(customer)).some((n) => n.includes(`Запрос ${number} возвращён`) && n.includes('Уточните бюджет')),
    );

    const version = (await customer.get(`/api/requests/${id}`)).json().version;
    const edit = await customer.patch(`/api/requests/${id}`, { budgetKopecks: '700000000', version });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.equal(edit.json().budgetKopecks, '700000000');
    const stale = await customer.patch(`/api/requests/${id}`, { budgetKopecks: '1', version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'request.stale');
    assert.equal((await customer.get(`/api/requests/${id}`)).json().budgetKopecks, '700000000');

    assert.equal((await customer.post(`/api/requests/${id}/moderate`)).json().status, 'moderation');
    assert.equal((await customer.patch(`/api/requests/${id}`, { title: 'Новое название запроса' })).statusCode, 409);
    const publish = await operator.post(`/api/requests/${id}/publish`);
    assert.equal(publish.json().status, 'published');
    const timeline = publish.json().timeline as Array<{ toStatus: string; comment: string | null }>;
    assert.deepEqual(
      timeline.map((e) => e.toStatus),
      ['draft', 'moderation', 'draft', 'moderation', 'published'],
    );
    assert.equal(timeline[2].comment, 'Уточните бюджет и сроки');
  });

  test('NDA: the description stays behind the terms until a member of the company accepts the current version', async () => {
    const { request } = await insertRequest(t, customer, {
      organizationId: customerOrgId,
      values: { ndaTerms: 'Не раскрывать сведения о сети третьим лицам 3 года.', title: 'Закрытый запрос про сеть' },
    });
    const url = `/api/requests/${request.id}`;
    const hidden = (response: { statusCode: number; body: string }, who: string) => {
      assert.equal(response.statusCode, 200, `${who}: ${response.body}`);
      assert.equal(response.body.includes('"description"'), false, `${who}: no description key at all`);
      const json = JSON.parse(response.body);
      assert.equal(json.ndaRequired, true);
      assert.match(json.ndaTerms, /не раскрывать/i, `${who}: the terms are public`);
      assert.equal(json.brief, request.brief, `${who}: the brief is public`);
    };
    const shown = (response: { statusCode: number; body: string }, who: string) => {
      assert.equal(response.statusCode, 200, `${who}: ${response.body}`);
      assert.equal(JSON.parse(response.body).description, request.description, who);
    };

    hidden(await guest(url), 'guest');
    hidden(await outsider.get(url), 'outsider');
    shown(await customer.get(url), 'customer');
    shown(await operator.get(url), 'operator');

    const anonymous = { method: 'POST' as const, url: `${url}/accept-nda`, payload: { organizationId: outsiderOrgId } };
    assert.equal((await t.app.inject(anonymous)).statusCode, 401);
    const notMine = await outsider.post(`${url}/accept-nda`, { organizationId: customerOrgId });
    assert.equal(notMine.statusCode, 404, 'only for an organization of which one is a member');
    const accepted = await outsider.post(`${url}/accept-nda`, { organizationId: outsiderOrgId });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().termsVersion, 1);
    assert.equal(accepted.json().acceptedAt, clock.now().toISOString());
    clock.advance(60 * 1000);
    const again = await outsider.post(`${url}/accept-nda`, { organizationId: outsiderOrgId });
    assert.deepEqual(again.json(), accepted.json(), 'accepting again answers the first acceptance');

    const after = await outsider.get(url);
    shown(after, 'outsider after accepting');
    assert.deepEqual(
      after
        .json()
        .ndaAcceptedBy.map((a: { organizationId: string; termsVersion: number }) => [a.organizationId, a.termsVersion]),
      [[outsiderOrgId, 1]],
    );
    hidden(await guest(url), 'guest still');

    // the customer changes the terms: an acceptance of the old ones no longer opens the description
    await t.database.db
      .update(requests)
      .set({ ndaTerms: 'Новые условия: не раскрывать 5 лет.', ndaVersion: 2 })
      .where(eq(requests.id, request.id));
    const bumped = await outsider.get(url);
    hidden(bumped, 'outsider after the version changed');
    assert.deepEqual(bumped.json().ndaAcceptedBy, []);
    assert.equal(bumped.json().ndaVersion, 2);
    const renewed = await outsider.post(`${url}/accept-nda`, { organizationId: outsiderOrgId });
    assert.equal(renewed.json().termsVersion, 2);
    shown(await outsider.get(url), 'outsider after accepting the new terms');

    // an appointed expert reads it without accepting anything
    const expert = await signUpAs(t, 'expert');
    assert.equal(
      (await operator.post('/api/experts', { userId: expert.userId, expertise: ['drones'] })).statusCode,
      201,
    );
    hidden(await expert.get(url), 'expert before appointment');
    assert.equal((await customer.post(`${url}/experts`, { userId: expert.userId })).statusCode, 200);
    shown(await expert.get(url), 'appointed expert');

    const open = await draft();
    await customer.post(`/api/requests/${open.id}/moderate`);
    await operator.post(`/api/requests/${open.id}/publish`);
    const noNda = await outsider.post(`/api/requests/${open.id}/accept-nda`, { organizationId: outsiderOrgId });
    assert.equal(noNda.statusCode, 409);
    assert.equal(noNda.json().error.code, 'request.no_nda');
  });

  test('changed NDA terms of a draft get the next version', async () => {
    const { id, ndaVersion } = await draft({ ndaTerms: 'Условия версии один' });
    assert.equal(ndaVersion, 1);
    const same = await customer.patch(`/api/requests/${id}`, { ndaTerms: 'Условия версии один' });
    assert.equal(same.json().ndaVersion, 1, 'the same terms keep the version');
    const changed = await customer.patch(`/api/requests/${id}`, { ndaTerms: 'Условия версии два' });
    assert.equal(changed.json().ndaVersion, 2);
    const removed = await customer.patch(`/api/requests/${id}`, { ndaTerms: null });
    assert.equal(removed.json().ndaVersion, 3);
    assert.equal(removed.json().ndaRequired, false);
    const accept = await outsider.post(`/api/requests/${id}/accept-nda`, { organizationId: outsiderOrgId });
    assert.equal(accept.statusCode, 404, 'a draft does not exist for outsiders');
  });

  test('bad input answers 400 naming the field, in Russian or English, and stores nothing', async () => {
    const count = async () =>
      (await customer.get(`/api/requests?organizationId=${customerOrgId}&limit=1`)).json().total;
    const before = await count();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['deadline in the past', { deadline: new Date(clock.now().getTime() - HOUR).toISOString() }, 'deadline'],
      ['deadline now', { deadline: clock.now().toISOString() }, 'deadline'],
      ['deadline not a date', { deadline: 'завтра' }, 'deadline'],
      ['TRL 0', { minTrl: 0 }, 'minTrl'],
      ['TRL 10', { minTrl: 10 }, 'minTrl'],
      ['an unknown field', { priority: 'high' }, 'priority'],
      ['an unknown kind', { kind: 'private' }, 'kind'],
      ['an unknown scope', { scopes: ['space'] }, 'scopes.0'],
      ['money as a float', { budgetKopecks: '12.5' }, 'budgetKopecks'],
      [
        'an unknown related request',
        { relatedRequestIds: ['00000000-0000-4000-8000-000000000000'] },
        'relatedRequestIds.0',
      ],
      [
        'weights not summing to 100',
        { criteria: [{ key: 'K1', name: 'Команда', weight: 90, maxScore: 10 }] },
        'criteria',
      ],
    ];
    for (const [name, change, field] of cases) {
      const response = await customer.post('/api/requests', requestBody(change));
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.ok(response.json().error.fields?.[field], `${name}: names ${field} in ${response.body}`);
    }
    const missing = await customer.post('/api/requests', { ...requestBody(), title: undefined });
    assert.ok(missing.json().error.fields.title, 'a missing field is named');
    const past = { deadline: new Date(clock.now().getTime() - HOUR).toISOString() };
    const ru = await customer.post('/api/requests', requestBody(past));
    assert.equal(ru.json().error.fields.deadline, 'Срок приёма решений должен быть в будущем');
    const en = await customer.request('POST', '/api/requests', requestBody(past), { 'accept-language': 'en' });
    assert.equal(en.json().error.fields.deadline, 'The deadline for solutions must be in the future');
    assert.equal(await count(), before, 'nothing was stored');

    const { id } = await draft();
    const badPatch = await customer.patch(`/api/requests/${id}`, { relatedRequestIds: [id] });
    assert.equal(badPatch.statusCode, 400);
    assert.ok(badPatch.json().error.fields['relatedRequestIds.0']);
    const other = await signUp(t);
    const { request: othersDraft } = await insertRequest(t, other, { status: 'draft' });
    const hiddenLink = await customer.patch(`/api/requests/${id}`, { relatedRequestIds: [othersDraft.id] });
    assert.equal(hiddenLink.statusCode, 400, "another customer's draft is as unknown as a missing one");
    assert.equal(hiddenLink.json().error.fields['relatedRequestIds.0'], 'Связанный запрос не найден');
  });

  test('related requests: the public ones are shown with their number and title', async () => {
    const other = await signUp(t);
    const { request: theirs } = await insertRequest(t, other, {
      values: { title: 'Публичный запрос другого заказчика' },
    });
    const ownDraft = await draft({ title: 'Собственный черновик для ссылки' });
    const linked = await published({ relatedRequestIds: [theirs.id, ownDraft.id] });
    const byCustomer = (await customer.get(`/api/requests/${linked.id}`)).json();
    assert.deepEqual(byCustomer.relatedRequests.map((r: { id: string; title: string }) => r.title).sort(), [
      'Публичный запрос другого заказчика',
      'Собственный черновик для ссылки',
    ]);
    const byGuest = (await guest(`/api/requests/${linked.id}`)).json();
    assert.deepEqual(
      byGuest.relatedRequests.map((r: { id: string; number: string }) => [r.id, r.number]),
      [[theirs.id, theirs.number]],
      'a draft is not shown to others',
    );
    assert.deepEqual(byGuest.relatedRequestIds, [theirs.id]);
  });

  test('who may do what: 401 for guests, 404 for what an outsider may not know, 403 without the right', async () => {
    const body = requestBody();
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/requests', payload: body });
    assert.equal(anonymous.statusCode, 401);
    const { id } = await draft();
    assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/requests/${id}`, payload: {} })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/requests/${id}/moderate` })).statusCode, 401);
    assert.equal((await outsider.get(`/api/requests/${id}`)).statusCode, 404);
    assert.equal((await outsider.patch(`/api/requests/${id}`, { title: 'Чужой запрос правлю' })).statusCode, 404);
    assert.equal((await outsider.post(`/api/requests/${id}/moderate`)).statusCode, 404);
    assert.equal((await outsider.post(`/api/requests/${id}/cancel`, { reason: 'x' })).statusCode, 404);
    assert.equal(
      (await operator.post(`/api/requests/${id}/moderate`)).statusCode,
      403,
      'the operator is not the customer',
    );

    const notCustomer = await outsider.post('/api/requests', { ...body, organizationId: outsiderOrgId });
    assert.equal(notCustomer.statusCode, 403);
    assert.equal(notCustomer.json().error.code, 'request.not_customer');
    const foreign = await outsider.post('/api/requests', body);
    assert.equal(foreign.statusCode, 404, "another organization's membership is not revealed");

    const open = await published();
    assert.equal((await outsider.post(`/api/requests/${open.id}/close`)).statusCode, 403);
    assert.equal((await outsider.post(`/api/requests/${open.id}/cancel`, { reason: 'x' })).statusCode, 403);
    assert.equal((await outsider.get(`/api/requests/${open.id}/experts`)).statusCode, 403);
    assert.equal((await guest(`/api/requests/${open.id}/experts`)).statusCode, 401);
  });

  test('experts: the customer appoints users of the pool, once; others are refused', async () => {
    const { id } = await published();
    const expert = await signUpAs(t, 'expert');
    await operator.post('/api/experts', { userId: expert.userId, expertise: ['ai'] });
    const stranger = await signUp(t);
    const refused = await customer.post(`/api/requests/${id}/experts`, { userId: stranger.userId });
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.json().error.fields.userId);

    const appointed = await customer.post(`/api/requests/${id}/experts`, { userId: expert.userId });
    assert.equal(appointed.statusCode, 200, appointed.body);
    assert.deepEqual(
      appointed.json().items.map((e: { userId: string; expertise: string[] }) => [e.userId, e.expertise]),
      [[expert.userId, ['ai']]],
    );
    const twice = await operator.post(`/api/requests/${id}/experts`, { userId: expert.userId });
    assert.equal(twice.json().items.length, 1, 'appointing again changes nothing');
    assert.ok((await titles(expert)).some((n) => n.includes('Вы эксперт запроса')));
    assert.equal((await customer.get(`/api/requests/${id}/experts`)).json().items.length, 1);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/requests/${id}/experts/${expert.userId}`,
    });
    assert.equal(removed.statusCode, 401);
    const gone = await customer.request('DELETE', `/api/requests/${id}/experts/${expert.userId}`);
    assert.equal(gone.statusCode, 200, gone.body);
    assert.deepEqual(gone.json().items, []);
    assert.equal((await customer.request('DELETE', `/api/requests/${id}/experts/${expert.userId}`)).statusCode, 404);
  });

  test('close, resolve with shortlisted winners, cancel with a reason; the archive lists them', async () => {
    const company = await signUp(t);
    const companyOrg = (await createOrganization(company)).id;
    const toResolve = await published({ title: 'Запрос для подведения итогов' });
    const winner = await insertSolution(t, company, toResolve.id, companyOrg, { status: 'shortlisted' });
    const other = await signUp(t);
    const otherOrg = (await createOrganization(other)).id;
    const submitted = await insertSolution(t, other, toResolve.id, otherOrg, { status: 'submitted' });

    assert.equal(
      (await customer.post(`/api/requests/${toResolve.id}/resolve`, { winnerSolutionIds: [winner.id] })).statusCode,
      409,
      'not before it is closed',
    );
    const closed = await customer.post(`/api/requests/${toResolve.id}/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().status, 'closed');
    assert.equal(closed.json().closedAt, clock.now().toISOString());
    assert.equal(closed.json().isOpen, false);

    const none = await customer.post(`/api/requests/${toResolve.id}/resolve`, { winnerSolutionIds: [] });
    assert.equal(none.statusCode, 400, 'at least one winner');
    const notShortlisted = await customer.post(`/api/requests/${toResolve.id}/resolve`, {
      winnerSolutionIds: [winner.id, submitted.id],
    });
    assert.equal(notShortlisted.statusCode, 400);
    assert.deepEqual(Object.keys(notShortlisted.json().error.fields), ['winnerSolutionIds.1']);
    assert.equal(
      (await operator.post(`/api/requests/${toResolve.id}/resolve`, { winnerSolutionIds: [winner.id] })).statusCode,
      403,
    );
    const resolved = await customer.post(`/api/requests/${toResolve.id}/resolve`, { winnerSolutionIds: [winner.id] });
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.equal(resolved.json().status, 'resolved');
    assert.deepEqual(resolved.json().winnerSolutionIds, [winner.id]);
    assert.deepEqual(
      (await guest(`/api/requests/${toResolve.id}`)).json().winnerSolutionIds,
      [],
      'winners are private',
    );

    const toCancel = await published({ title: 'Запрос, который отменят' });
    assert.equal((await operator.post(`/api/requests/${toCancel.id}/cancel`, {})).statusCode, 400);
    const cancelled = await operator.post(`/api/requests/${toCancel.id}/cancel`, {
      reason: 'Задача решена своими силами',
    });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json().status, 'cancelled');
    assert.equal(cancelled.json().lastComment, 'Задача решена своими силами');
    assert.equal((await operator.post(`/api/requests/${toCancel.id}/cancel`, { reason: 'ещё раз' })).statusCode, 409);

    const unseen = await draft({ title: 'Черновик, который отменят' });
    await customer.post(`/api/requests/${unseen.id}/cancel`, { reason: 'Передумали' });
    assert.equal((await guest(`/api/requests/${unseen.id}`)).statusCode, 404, 'a draft cancelled unseen stays private');

    const archive = (await guest(`/api/requests?archived=true&organizationId=${customerOrgId}&limit=100`)).json();
    const ids = archive.items.map((r: { id: string }) => r.id);
    assert.ok(ids.includes(toResolve.id) && ids.includes(toCancel.id), 'resolved and cancelled are archived');
    assert.ok(!ids.includes(unseen.id));
    const current = (await guest(`/api/requests?organizationId=${customerOrgId}&limit=100`)).json();
    assert.ok(!current.items.some((r: { id: string }) => ids.includes(r.id)), 'and not among the open ones');
    assert.ok(current.items.every((r: { status: string; isOpen: boolean }) => r.status === 'published' && r.isOpen));
  });

  describe('search, filters and facets', () => {
    let searchOrgId: string;
    let searchOwner: Client;
    const ids: Record<string, string> = {};
    const search = async (query: string) => {
      const response = await guest(`/api/requests?organizationId=${searchOrgId}&${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    };
    const found = async (query: string) =>
      (await search(query)).items.map((r: { id: string }) => Object.keys(ids).find((k) => ids[k] === r.id));

    before(async () => {
      const owner = await signUp(t);
      searchOwner = owner;
      searchOrgId = (await createOrganization(owner, { capabilities: ['customer'] })).id;
      const rows: Array<[string, Record<string, unknown>]> = [
        [
          'drones',
          {
            title: 'Беспилотные летательные аппараты для мониторинга',
            kind: 'corporate',
            scopes: ['transport'],
            technologies: ['drones', 'ai'],
            problemTypes: ['monitoring'],
            deadline: new Date(Date.now() + 10 * DAY),
            publishedAt: new Date(Date.now() - DAY),
          },
        ],
        [
          'twin',
          {
            title: 'Цифровой двойник теплосети',
            brief: 'Модель сети для прогноза аварий.',
            kind: 'city',
            scopes: ['housing', 'energy'],
            technologies: ['big_data', 'iot'],
            problemTypes: ['analytics'],
            deadline: new Date(Date.now() + 20 * DAY),
            publishedAt: new Date(Date.now() - 3 * DAY),
          },
        ],
        [
          'robots',
          {
            title: 'Роботизированная уборка платформ метро',
            brief: 'Уборка платформ ночью без людей.',
            expectedResult: 'Чистые платформы',
            kind: 'city',
            scopes: ['transport'],
            technologies: ['robotics'],
            problemTypes: ['automation', 'cost_reduction'],
            deadline: new Date(Date.now() + 5 * DAY),
            publishedAt: new Date(Date.now() - 2 * DAY),
          },
        ],
        ['archived', { title: 'Архивный запрос о беспилотниках', status: 'closed', closedAt: new Date() }],
      ];
      for (const [key, values] of rows) {
        const { status, ...rest } = values as { status?: 'closed' };
        const { request } = await insertRequest(t, owner, { organizationId: searchOrgId, status, values: rest });
        ids[key] = request.id;
      }
    });

    test('Russian full text: inflected forms, a typo in a title word', async () => {
      assert.deepEqual(await found(`q=${encodeURIComponent('беспилотный аппарат')}`), ['drones']);
      assert.deepEqual(await found(`q=${encodeURIComponent('двойники теплосетей')}`), ['twin']);
      assert.deepEqual(await found(`q=${encodeURIComponent('мониторнга')}`), ['drones'], 'a letter missing');
      assert.deepEqual(await found(`q=${encodeURIComponent('роботизированая')}`), ['robots'], 'a letter missing');
      assert.deepEqual(await found(`q=${encodeURIComponent('квантовый компьютер')}`), []);
      assert.deepEqual(await found(`q=${encodeURIComponent('беспилотники')}&archived=true`), ['archived']);
    });

    test('facet counts ignore their own filter and apply the others', async () => {
      const all = await search('');
      assert.equal(all.total, 3);
      const counts = (facet: Array<{ value: string; count: number }>) =>
        Object.fromEntries(facet.map((f) => [f.value, f.count]));
      assert.deepEqual(counts(all.facets.kind), { city: 2, corporate: 1 });
      assert.deepEqual(counts(all.facets.scope), { transport: 2, housing: 1, energy: 1 });
      assert.deepEqual(counts(all.facets.technology), { drones: 1, ai: 1, big_data: 1, iot: 1, robotics: 1 });
      assert.deepEqual(counts(all.facets.problemType), {
        monitoring: 1,
        analytics: 1,
        automation: 1,
        cost_reduction: 1,
      });

      const robotics = await search('technology=robotics');
      assert.equal(robotics.total, 1);
      assert.deepEqual(await found('technology=robotics'), ['robots']);
      assert.deepEqual(counts(robotics.facets.technology), { drones: 1, ai: 1, big_data: 1, iot: 1, robotics: 1 });
      assert.deepEqual(counts(robotics.facets.kind), { city: 1 });

      const city = await search('kind=city');
      assert.equal(city.total, 2);
      assert.deepEqual(counts(city.facets.kind), { city: 2, corporate: 1 });
      assert.deepEqual(counts(city.facets.scope), { transport: 1, housing: 1, energy: 1 });

      assert.deepEqual((await found('scope=transport&kind=city')).sort(), ['robots']);
      assert.deepEqual(await found('problemType=analytics'), ['twin']);
      const text = await search(`q=${encodeURIComponent('беспилотный')}`);
      assert.equal(text.total, 1);
      assert.deepEqual(counts(text.facets.kind), { corporate: 1 });
    });

    test('sorting by deadline and by publication; paging', async () => {
      assert.deepEqual(await found('sort=deadline'), ['robots', 'drones', 'twin']);
      assert.deepEqual(await found('sort=newest'), ['drones', 'robots', 'twin']);
      const second = await search('sort=deadline&limit=1&offset=1');
      assert.equal(second.total, 3);
      assert.deepEqual(
        second.items.map((r: { id: string }) => r.id),
        [ids.drones],
      );
      assert.equal((await guest('/api/requests?sort=oldest')).statusCode, 400);
      assert.equal((await guest('/api/requests?limit=1000')).statusCode, 400);
    });

    // last in this group: it adds a request
    test('public answers are shared until a request changes status', async () => {
      const before = (await search('')).total;
      await insertRequest(t, searchOwner, { organizationId: searchOrgId, values: { title: 'Запрос мимо сервиса' } });
      assert.equal((await search('')).total, before, 'a row written behind the service is not seen yet');
      const { id } = await draft({ title: 'Любая смена статуса' });
      await customer.post(`/api/requests/${id}/moderate`);
      assert.equal((await search('')).total, before + 1, 'a status change forgets the public lists');
    });
  });

  // last: the clock moves forward
  test('the deadline: no longer open at once, closed by the job, not published once passed', async () => {
    const soon = await published({ title: 'Запрос со сроком через два часа', deadline: inFuture(2 * HOUR) });
    const waiting = await draft({ title: 'Запрос на модерации со сроком через час', deadline: inFuture(HOUR) });
    await customer.post(`/api/requests/${waiting.id}/moderate`);

    clock.advance(3 * HOUR);
    const passed = (await guest(`/api/requests/${soon.id}`)).json();
    assert.equal(passed.status, 'published', 'the job has not run yet');
    assert.equal(passed.isOpen, false, 'but it is no longer open');
    const open = (await guest(`/api/requests?organizationId=${customerOrgId}&limit=100`)).json();
    assert.ok(!open.items.some((r: { id: string }) => r.id === soon.id), 'not among the open ones');
    const archive = (await guest(`/api/requests?organizationId=${customerOrgId}&archived=true&limit=100`)).json();
    assert.ok(
      archive.items.some((r: { id: string }) => r.id === soon.id),
      'already in the archive',
    );

    const late = await operator.post(`/api/requests/${waiting.id}/publish`);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'request.deadline_passed');

    assert.ok((await closeExpiredRequests(t.database.db, clock.now())) >= 1);
    const closed = (await customer.get(`/api/requests/${soon.id}`)).json();
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closedAt, clock.now().toISOString());
    const last = closed.timeline.at(-1);
    assert.deepEqual([last.toStatus, last.actorName, last.comment], ['closed', null, 'Срок приёма решений истёк']);
    assert.ok((await titles(customer)).some((n) => n.includes(`Приём решений по запросу ${soon.number} завершён`)));
    assert.equal(await closeExpiredRequests(t.database.db, clock.now()), 0, 'nothing left to close');
  });
});
