import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { admittedOrganization } from '../../../../test/admit.ts';
import { insertApplication } from '../../../../test/application-factory.ts';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { insertDeal, insertPilot } from '../../../../test/project-factory.ts';
import { insertRequest, insertSolution } from '../../../../test/request-factory.ts';
import { createTestApp, type TestApp, TestClock } from '../../../../test/test-app.ts';
import { insertMember } from '../organizations/organizations.repository.ts';

describe('innovative projects and joint projects', () => {
  let t: TestApp;
  let operator: Client;
  let lead: Client;
  let leadOrgId: string;
  let partnerA: Client;
  let partnerAOrgId: string;
  let partnerB: Client;
  let partnerBOrgId: string;
  let outsider: Client;
  let outsiderOrgId: string;
  const clock = new TestClock(); // 2026-11-26T09:00Z
  const guest = (url: string) => t.app.inject({ method: 'GET', url });
  const guestPost = (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, payload });

  const projectBody = (overrides: Record<string, unknown> = {}) => ({
    organizationId: leadOrgId,
    title: 'Беспилотные летательные аппараты для мониторинга теплотрасс',
    description: 'Облёт теплосетей дронами с тепловизором и поиск утечек нейросетью.',
    technologies: ['drones', 'ai'],
    trl: 6,
    budgetKopecks: '1500000000',
    startedOn: '2026-02-01',
    plannedEndOn: '2026-12-31',
    stage: 'development',
    ...overrides,
  });

  async function project(overrides: Record<string, unknown> = {}, as = lead) {
    const created = await as.post('/api/projects', projectBody(overrides));
    assert.equal(created.statusCode, 201, created.body);
    return created.json();
  }

  async function invite(projectId: string, organizationId: string, as = lead) {
    const invited = await as.post(`/api/projects/${projectId}/partners`, { organizationId, role: 'соисполнитель' });
    assert.equal(invited.statusCode, 201, invited.body);
    return invited.json();
  }

  const notes = async (client: Client) =>
    ((await client.get('/api/notifications?limit=100')).json().items as Array<{ title: string; body: string }>).map(
      (n) => `${n.title} | ${n.body}`,
    );

  const auditActions = async (projectId: string) =>
    (
      (await operator.get(`/api/audit?entity=project&id=${projectId}&limit=100`)).json().items as Array<{
        action: string;
      }>
    )
      .map((a) => a.action)
      .reverse();

  before(async () => {
    t = await createTestApp({ clock });
    operator = await signUpAs(t, 'operator');
    lead = await signUp(t);
    leadOrgId = (await admittedOrganization(lead, operator, { shortName: 'ООО «Аэромонитор»' })).id;
    partnerA = await signUp(t);
    partnerAOrgId = (await admittedOrganization(partnerA, operator, { shortName: 'ООО «Тепловизор»' })).id;
    // a registered organization that is not a cluster participant
    partnerB = await signUp(t);
    partnerBOrgId = (await createOrganization(partnerB, { shortName: 'ООО «Вне кластера»' })).id;
    outsider = await signUp(t);
    outsiderOrgId = (await createOrganization(outsider, { shortName: 'ООО «Посторонние»' })).id;
  });
  after(() => t.close());

  test('the lead records a project with its own origins; a foreign origin is refused naming the field', async () => {
    const customer = await signUp(t);
    const { request, organizationId: customerOrgId } = await insertRequest(t, customer);
    const solution = await insertSolution(t, lead, request.id, leadOrgId, { status: 'pilot' });
    const pilot = await insertPilot(t, {
      solutionId: solution.id,
      requestId: request.id,
      organizationId: leadOrgId,
      customerOrganizationId: customerOrgId,
      proposedBy: customer.userId,
    });
    const { application } = await insertApplication(t, lead, { organizationId: leadOrgId, status: 'completed' });
    const investor = await signUp(t);
    const investorOrgId = (await createOrganization(investor, { shortName: 'АО «Венчурный фонд»' })).id;
    const deal = await insertDeal(t, {
      investorOrganizationId: investorOrgId,
      organizationId: leadOrgId,
      createdBy: investor.userId,
    });

    const created = await project({
      originSolutionId: solution.id,
      originPilotId: pilot.id,
      originApplicationId: application.id,
      originDealId: deal.id,
    });
    assert.match(created.number, /^ПР-2026-\d{6}$/);
    assert.equal(created.status, 'planned');
    assert.equal(created.joint, false);
    assert.equal(created.confirmedParticipants, 1, 'the lead is a participant and counts');
    assert.equal(created.budgetKopecks, '1500000000');
    assert.equal(created.lead.shortName, 'ООО «Аэромонитор»');
    assert.equal(created.lead.district, 'ЦАО');
    assert.deepEqual(
      [created.origins.solution.number, created.origins.solution.title],
      [solution.number, request.title],
    );
    assert.equal(created.origins.pilot.number, pilot.number);
    assert.equal(created.origins.application.number, application.number);
    assert.deepEqual([created.origins.deal.number, created.origins.deal.title], [deal.number, 'АО «Венчурный фонд»']);
    assert.deepEqual(created.viewer.allowedEvents, ['start', 'implement', 'cancel']);
    assert.deepEqual(
      created.timeline.map((e: { toStatus: string }) => e.toStatus),
      ['planned'],
    );
    assert.deepEqual(await auditActions(created.id), ['project.created']);

    // another organization's solution, application and deal are as unknown as ids that exist nowhere
    const otherSolution = await insertSolution(t, outsider, request.id, outsiderOrgId);
    const { application: otherApplication } = await insertApplication(t, outsider, { organizationId: outsiderOrgId });
    const foreign = await lead.post(
      '/api/projects',
      projectBody({
        originSolutionId: otherSolution.id,
        originApplicationId: otherApplication.id,
        originDealId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    assert.equal(foreign.statusCode, 400, foreign.body);
    assert.deepEqual(Object.keys(foreign.json().error.fields).sort(), [
      'originApplicationId',
      'originDealId',
      'originSolutionId',
    ]);
    assert.match(foreign.json().error.fields.originSolutionId, /ведущей организации/);

    // dates out of order, a TRL out of range, an unknown field
    const dates = await lead.post('/api/projects', projectBody({ plannedEndOn: '2026-01-01' }));
    assert.equal(dates.statusCode, 400);
    assert.ok(dates.json().error.fields.plannedEndOn);
    assert.equal((await lead.post('/api/projects', projectBody({ trl: 10 }))).statusCode, 400);
    assert.equal((await lead.post('/api/projects', projectBody({ joint: true }))).statusCode, 400);
    assert.equal((await lead.post('/api/projects', projectBody({ budgetKopecks: '12.5' }))).statusCode, 400);
  });

  test('only the lead’s owners and managers record and change a project', async () => {
    assert.equal((await guestPost('/api/projects', projectBody())).statusCode, 401);
    assert.equal((await outsider.post('/api/projects', projectBody())).statusCode, 404, 'not a member of the lead');
    assert.equal((await operator.post('/api/projects', projectBody())).statusCode, 403);
    const member = await signUp(t);
    await insertMember(t.database.db, leadOrgId, member.userId, 'member');
    assert.equal((await member.post('/api/projects', projectBody())).statusCode, 403, 'a plain member does not');

    const created = await project();
    const id = created.id;
    // outsiders do not know a project that is not implemented
    assert.equal((await guest(`/api/projects/${id}`)).statusCode, 404);
    assert.equal((await outsider.get(`/api/projects/${id}`)).statusCode, 404);
    assert.equal((await operator.get(`/api/projects/${id}`)).statusCode, 200, 'the operator sees every project');
    assert.equal((await member.get(`/api/projects/${id}`)).statusCode, 200, 'the lead’s members do');
    assert.equal((await member.post(`/api/projects/${id}/start`)).statusCode, 403);
    for (const [url, body] of [
      [`/api/projects/${id}/partners`, { organizationId: partnerAOrgId }],
      [`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId }],
      [`/api/projects/${id}/decline`, { organizationId: partnerAOrgId }],
      [`/api/projects/${id}/start`, {}],
      [`/api/projects/${id}/implemented`, {}],
      [`/api/projects/${id}/cancel`, { reason: 'нет' }],
    ] as const) {
      assert.equal((await guestPost(url, body)).statusCode, 401, `guest ${url}`);
      assert.equal((await outsider.post(url, body)).statusCode, 404, `outsider ${url}`);
    }
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/projects/${id}`, payload: { title: 'Новое' } });
    assert.equal(patch.statusCode, 401);
    assert.equal((await outsider.patch(`/api/projects/${id}`, { title: 'Чужая правка' })).statusCode, 404);

    // an edit at a stale version is refused; the current one goes through
    const edited = await lead.patch(`/api/projects/${id}`, { trl: 7, stage: 'testing', version: created.version });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual([edited.json().trl, edited.json().stage], [7, 'testing']);
    const stale = await lead.patch(`/api/projects/${id}`, { trl: 8, version: created.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'project.stale');
    const badDates = await lead.patch(`/api/projects/${id}`, { plannedEndOn: '2026-01-31' });
    assert.equal(badDates.statusCode, 400);
    assert.ok((await auditActions(id)).includes('project.updated'));
  });

  test('partners confirm: joint counts distinct cluster participants only; the lead hears of each answer', async () => {
    const created = await project();
    const id = created.id;
    const invitedA = await invite(id, partnerAOrgId);
    assert.deepEqual(invitedA, {
      organizationId: partnerAOrgId,
      status: 'invited',
      joint: false,
      confirmedParticipants: 1,
    });
    await invite(id, partnerBOrgId);
    assert.ok((await notes(partnerA)).some((n) => n.includes(`Приглашение в проект ${created.number}`)));
    assert.ok((await notes(partnerB)).some((n) => n.includes('ООО «Аэромонитор» приглашает')));

    // an invited partner does not count, and is visible to insiders only
    const seen = (await lead.get(`/api/projects/${id}`)).json();
    assert.deepEqual(seen.partners.map((p: { shortName: string; status: string }) => [p.shortName, p.status]).sort(), [
      ['ООО «Вне кластера»', 'invited'],
      ['ООО «Тепловизор»', 'invited'],
    ]);
    assert.equal(seen.joint, false);
    // the invited partner sees the project and may answer for its organization
    const asPartner = (await partnerA.get(`/api/projects/${id}`)).json();
    assert.deepEqual(asPartner.viewer.partnerOrganizations, [
      { organizationId: partnerAOrgId, status: 'invited', canDecide: true },
    ]);

    // nobody confirms for another organization
    const forOther = await partnerB.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId });
    assert.equal(forOther.statusCode, 403, 'a partner’s people do not answer for another partner');
    assert.equal((await lead.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId })).statusCode, 403);
    assert.equal(
      (await outsider.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId })).statusCode,
      404,
    );
    const notListed = await outsider.post(`/api/projects/${id}/confirm`, { organizationId: outsiderOrgId });
    assert.equal(notListed.statusCode, 404, 'the outsider does not learn of the project through its own organization');
    const member = await signUp(t);
    await insertMember(t.database.db, partnerAOrgId, member.userId, 'member');
    assert.equal(
      (await member.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId })).statusCode,
      403,
      'a plain member of the partner does not answer for it',
    );

    const confirmedA = await partnerA.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId });
    assert.equal(confirmedA.statusCode, 200, confirmedA.body);
    assert.deepEqual(confirmedA.json(), {
      organizationId: partnerAOrgId,
      status: 'confirmed',
      joint: true,
      confirmedParticipants: 2,
    });
    const again = await partnerA.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId });
    assert.equal(again.statusCode, 200, 'a second click changes nothing');
    assert.equal(again.json().confirmedParticipants, 2);

    // a partner outside the cluster confirms: it takes part, but is no cluster participant
    const confirmedB = await partnerB.post(`/api/projects/${id}/confirm`, { organizationId: partnerBOrgId });
    assert.equal(confirmedB.statusCode, 200, confirmedB.body);
    assert.deepEqual([confirmedB.json().joint, confirmedB.json().confirmedParticipants], [true, 2]);

    const after = (await lead.get(`/api/projects/${id}`)).json();
    assert.deepEqual(
      after.partners
        .map((p: { shortName: string; status: string; isParticipant: boolean }) => [
          p.shortName,
          p.status,
          p.isParticipant,
        ])
        .sort(),
      [
        ['ООО «Вне кластера»', 'confirmed', false],
        ['ООО «Тепловизор»', 'confirmed', true],
      ],
    );
    const leadNotes = await notes(lead);
    assert.ok(leadNotes.some((n) => n.includes(`ООО «Тепловизор» подтвердила участие в проекте ${created.number}`)));
    assert.ok(leadNotes.some((n) => n.includes('Проект стал совместным')));
    assert.deepEqual(await auditActions(id), [
      'project.created',
      'project.partner_invited',
      'project.partner_invited',
      'project.partner_confirmed',
      'project.partner_confirmed',
    ]);
    // partners' answers do not make the lead's edit, opened before them, stale
    const edit = await lead.patch(`/api/projects/${id}`, { stage: 'testing', version: created.version });
    assert.equal(edit.statusCode, 200, edit.body);
  });

  test('a partner declines with a reason; a declined partner does not confirm later', async () => {
    const { id, number } = await project();
    await invite(id, partnerAOrgId);
    const declined = await partnerA.post(`/api/projects/${id}/decline`, {
      organizationId: partnerAOrgId,
      reason: 'Нет свободной команды',
    });
    assert.equal(declined.statusCode, 200, declined.body);
    assert.deepEqual(
      [declined.json().status, declined.json().joint, declined.json().confirmedParticipants],
      ['declined', false, 1],
    );
    assert.ok(
      (await notes(lead)).some(
        (n) => n.includes(`отклонила приглашение в проект ${number}`) && n.includes('Нет свободной команды'),
      ),
    );
    const late = await partnerA.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'project.partner_transition');
    assert.ok((await auditActions(id)).includes('project.partner_declined'));
  });

  test('the same organization twice, the lead itself or an unknown one are refused with a clear message', async () => {
    const { id } = await project();
    await invite(id, partnerAOrgId);
    const twice = await lead.post(`/api/projects/${id}/partners`, { organizationId: partnerAOrgId });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, 'project.partner_duplicate');
    assert.match(twice.json().error.message, /ООО «Тепловизор».*уже есть/);
    const self = await lead.post(`/api/projects/${id}/partners`, { organizationId: leadOrgId });
    assert.equal(self.statusCode, 400);
    assert.ok(self.json().error.fields.organizationId);
    const unknown = await lead.post(`/api/projects/${id}/partners`, {
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.fields.organizationId, 'Такой организации нет');
    // two invitations of one organization at once make one
    const c = await signUp(t);
    const cOrg = (await createOrganization(c)).id;
    const both = await Promise.all(
      [1, 2].map(() => lead.post(`/api/projects/${id}/partners`, { organizationId: cOrg })),
    );
    assert.deepEqual(both.map((r) => r.statusCode).sort(), [201, 409]);
  });

  test('five partners confirming at once: the count is exact', async () => {
    const { id } = await project();
    const partners: Array<{ client: Client; orgId: string }> = [];
    for (let i = 0; i < 5; i++) {
      const client = await signUp(t);
      const orgId = (await admittedOrganization(client, operator, { shortName: `ООО «Партнёр ${i + 1}»` })).id;
      await invite(id, orgId);
      partners.push({ client, orgId });
    }
    const answers = await Promise.all(
      partners.map((p) => p.client.post(`/api/projects/${id}/confirm`, { organizationId: p.orgId })),
    );
    for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body);
    assert.deepEqual(answers.map((a) => a.json().confirmedParticipants).sort(), [2, 3, 4, 5, 6]);
    const final = (await lead.get(`/api/projects/${id}`)).json();
    assert.deepEqual([final.confirmedParticipants, final.joint], [6, true]);
  });

  test('start, implement with a date, cancel with a reason; partners hear of it; finished projects stay put', async () => {
    const { id, number } = await project();
    await invite(id, partnerAOrgId);
    await partnerA.post(`/api/projects/${id}/confirm`, { organizationId: partnerAOrgId });
    const started = await lead.post(`/api/projects/${id}/start`);
    assert.equal(started.statusCode, 200, started.body);
    assert.equal(started.json().status, 'active');
    assert.equal((await lead.post(`/api/projects/${id}/start`)).statusCode, 409);

    const future = await lead.post(`/api/projects/${id}/implemented`, { implementedOn: '2026-11-27' });
    assert.equal(future.statusCode, 400);
    assert.ok(future.json().error.fields.implementedOn);
    const early = await lead.post(`/api/projects/${id}/implemented`, { implementedOn: '2026-01-31' });
    assert.equal(early.statusCode, 400);
    assert.match(early.json().error.fields.implementedOn, /2026-02-01/);
    const done = await lead.post(`/api/projects/${id}/implemented`, { implementedOn: '2026-10-15' });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual([done.json().status, done.json().implementedOn], ['implemented', '2026-10-15']);
    assert.ok((await notes(partnerA)).some((n) => n.includes(`Проект ${number} реализован`)));
    assert.deepEqual(
      done.json().timeline.map((e: { toStatus: string }) => e.toStatus),
      ['planned', 'active', 'implemented'],
    );
    assert.equal((await lead.post(`/api/projects/${id}/cancel`, { reason: 'Поздно' })).statusCode, 409);
    const edit = await lead.patch(`/api/projects/${id}`, { title: 'Правка после реализации' });
    assert.equal(edit.statusCode, 409);
    assert.equal(edit.json().error.code, 'project.not_editable');

    // implemented: public, with the confirmed partners only
    const c = await signUp(t);
    const cOrg = (await createOrganization(c)).id;
    const other = await project();
    await invite(other.id, cOrg);
    await invite(other.id, partnerAOrgId);
    await partnerA.post(`/api/projects/${other.id}/confirm`, { organizationId: partnerAOrgId });
    const today = await lead.request('POST', `/api/projects/${other.id}/implemented`);
    assert.equal(today.statusCode, 200, today.body);
    assert.equal(today.json().implementedOn, '2026-11-26', 'today, UTC');
    assert.equal(
      (await lead.post(`/api/projects/${other.id}/partners`, { organizationId: outsiderOrgId })).statusCode,
      409,
      'no new partners once implemented',
    );
    const publicPage = await guest(`/api/projects/${other.id}`);
    assert.equal(publicPage.statusCode, 200, publicPage.body);
    assert.deepEqual(
      publicPage.json().partners.map((p: { shortName: string }) => p.shortName),
      ['ООО «Тепловизор»'],
      'the invited partner is not shown to the public',
    );
    assert.equal(publicPage.json().timeline[0].actorName, null);
    assert.equal(publicPage.json().viewer.canEdit, false);

    // cancel: the reason is required
    const doomed = await project();
    await invite(doomed.id, partnerAOrgId);
    const noReason = await lead.post(`/api/projects/${doomed.id}/cancel`, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    const blank = await lead.post(`/api/projects/${doomed.id}/cancel`, { reason: '   ' });
    assert.equal(blank.statusCode, 400);
    const cancelled = await lead.post(`/api/projects/${doomed.id}/cancel`, { reason: 'Заказчик отказался от пилота' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.deepEqual(
      [cancelled.json().status, cancelled.json().lastComment],
      ['cancelled', 'Заказчик отказался от пилота'],
    );
    assert.ok(
      (await notes(partnerA)).some(
        (n) => n.includes(`Проект ${doomed.number} отменён`) && n.includes('Заказчик отказался'),
      ),
    );
    const answer = await partnerA.post(`/api/projects/${doomed.id}/confirm`, { organizationId: partnerAOrgId });
    assert.equal(answer.statusCode, 409, 'a cancelled project takes no answers');
    assert.equal((await guest(`/api/projects/${doomed.id}`)).statusCode, 404, 'a cancelled project is not public');
    assert.deepEqual((await auditActions(doomed.id)).slice(-1), ['project.cancel']);
  });

  describe('the showcase: search in Russian, filters and facets', () => {
    let showOrgId: string;
    let showOwner: Client;
    const ids: Record<string, string> = {};
    const search = async (query: string) => {
      const response = await guest(`/api/projects?organizationId=${showOrgId}&${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    };
    const found = async (query: string) =>
      (await search(query)).items.map((r: { id: string }) => Object.keys(ids).find((k) => ids[k] === r.id));

    before(async () => {
      showOwner = await signUp(t);
      showOrgId = (await admittedOrganization(showOwner, operator, { shortName: 'АО «Витрина»', district: 'ЮЗАО' })).id;
      const make = async (key: string, body: Record<string, unknown>, implementedOn?: string, joint = false) => {
        const created = await project({ organizationId: showOrgId, ...body }, showOwner);
        ids[key] = created.id;
        if (joint) {
          await invite(created.id, partnerAOrgId, showOwner);
          const ok = await partnerA.post(`/api/projects/${created.id}/confirm`, { organizationId: partnerAOrgId });
          assert.equal(ok.json().joint, true);
        }
        if (implementedOn) {
          const done = await showOwner.post(`/api/projects/${created.id}/implemented`, { implementedOn });
          assert.equal(done.statusCode, 200, done.body);
        }
      };
      await make(
        'drones',
        {
          title: 'Беспилотные летательные аппараты для инспекции ЛЭП',
          technologies: ['drones'],
          startedOn: '2024-01-10',
        },
        '2025-06-01',
        true,
      );
      await make(
        'twin',
        { title: 'Цифровой двойник городской теплосети', technologies: ['ai', 'big_data'], startedOn: '2024-01-10' },
        '2026-03-15',
      );
      await make(
        'robots',
        { title: 'Роботизированная сортировка отходов', technologies: ['robotics', 'ai'], startedOn: '2024-01-10' },
        '2026-09-01',
        true,
      );
      await make('planned', { title: 'Беспилотный автобус на ВДНХ', technologies: ['drones'] });
    });

    test('implemented projects only, searched in Russian with word forms and typos', async () => {
      const all = await search('');
      assert.equal(all.total, 3, 'a planned project is not on the showcase');
      assert.deepEqual(await found(''), ['robots', 'twin', 'drones'], 'newest implemented first');
      assert.deepEqual(await found(`q=${encodeURIComponent('беспилотный аппарат')}`), ['drones']);
      assert.deepEqual(await found(`q=${encodeURIComponent('двойники теплосетей')}`), ['twin']);
      assert.deepEqual(await found(`q=${encodeURIComponent('роботизированая')}`), ['robots'], 'a letter missing');
      assert.deepEqual(await found(`q=${encodeURIComponent('квантовый компьютер')}`), []);
      const number = (await guest(`/api/projects/${ids.twin}`)).json().number;
      assert.deepEqual(await found(`q=${encodeURIComponent(number)}`), ['twin']);
      // the whole showcase, without the organization
      const everyone = (await guest(`/api/projects?q=${encodeURIComponent('беспилотный аппарат')}&limit=100`)).json();
      assert.ok(everyone.items.some((p: { id: string }) => p.id === ids.drones));
      assert.ok(!everyone.items.some((p: { id: string }) => p.id === ids.planned));
    });

    test('filters by technology, joint, year and district, with facets that ignore their own filter', async () => {
      const all = await search('');
      const facet = (name: string, answer = all) =>
        Object.fromEntries(answer.facets[name].map((f: { value: string; count: number }) => [f.value, f.count]));
      assert.deepEqual(facet('joint'), { true: 2, false: 1 });
      assert.deepEqual(facet('year'), { 2025: 1, 2026: 2 });
      assert.deepEqual(
        all.facets.year.map((f: { value: string }) => f.value),
        ['2026', '2025'],
        'newest year first',
      );
      assert.deepEqual(facet('district'), { ЮЗАО: 3 });
      assert.deepEqual(facet('technology'), { ai: 2, drones: 1, robotics: 1, big_data: 1 });

      assert.deepEqual(await found('joint=true'), ['robots', 'drones']);
      assert.deepEqual(await found('joint=false'), ['twin']);
      assert.deepEqual(await found('year=2026'), ['robots', 'twin']);
      assert.deepEqual(await found('technology=ai'), ['robots', 'twin']);
      assert.deepEqual(await found(`district=${encodeURIComponent('ЮЗАО')}`), ['robots', 'twin', 'drones']);
      assert.deepEqual(await found(`district=${encodeURIComponent('ЦАО')}`), []);

      const joint = await search('joint=true&year=2026');
      assert.equal(joint.total, 1);
      assert.deepEqual(facet('joint', joint), { true: 1, false: 1 }, 'the joint facet ignores the joint filter');
      assert.deepEqual(facet('year', joint), { 2025: 1, 2026: 1 }, 'the year facet ignores the year filter');
      assert.equal((await guest(`/api/projects?year=abc`)).statusCode, 400);
      assert.equal((await guest(`/api/projects?district=${encodeURIComponent('Тверская')}`)).statusCode, 400);
    });

    test('an organization sees its own projects in every status; others see its implemented ones', async () => {
      const own = await showOwner.get(`/api/projects?organizationId=${showOrgId}&limit=100`);
      assert.equal(own.statusCode, 200, own.body);
      const mine = own.json().items;
      assert.equal(mine.length, 4);
      assert.ok(mine.every((p: { own: { role: string } }) => p.own.role === 'lead'));
      const asPartner = (await partnerA.get(`/api/projects?organizationId=${partnerAOrgId}&limit=100`)).json().items;
      const shown = asPartner.find((p: { id: string }) => p.id === ids.drones);
      assert.deepEqual(shown.own, { organizationId: partnerAOrgId, role: 'partner', partnerStatus: 'confirmed' });
      const statuses = await showOwner.get(`/api/projects?organizationId=${showOrgId}&status=planned`);
      assert.deepEqual(
        statuses.json().items.map((p: { id: string }) => p.id),
        [ids.planned],
      );
      // another organization's planned projects are not for outsiders
      assert.equal((await outsider.get(`/api/projects?organizationId=${showOrgId}&status=planned`)).statusCode, 403);
      assert.equal((await guest(`/api/projects?status=planned`)).statusCode, 401);
      assert.equal((await operator.get(`/api/projects?status=planned&limit=100`)).statusCode, 200);
      // the partner's implemented projects appear on its public list too
      const partnerPublic = (await guest(`/api/projects?organizationId=${partnerAOrgId}&limit=100`)).json().items;
      assert.ok(partnerPublic.some((p: { id: string }) => p.id === ids.drones));
      assert.ok(!partnerPublic.some((p: { id: string }) => p.id === ids.twin));
    });

    test('every change is seen on the showcase at once', async () => {
      const before = (await search('')).total;
      const jointBefore = (await search('joint=true')).total;
      const extra = await project({ organizationId: showOrgId, title: 'Новый реализованный проект' }, showOwner);
      await invite(extra.id, partnerAOrgId, showOwner);
      assert.equal((await search('')).total, before);
      const done = await showOwner.post(`/api/projects/${extra.id}/implemented`, {});
      assert.equal(done.statusCode, 200, done.body);
      assert.equal((await search('')).total, before + 1, 'implementation forgets the cached showcase');
      assert.equal((await search('joint=true')).total, jointBefore);
      // a partner invited before the project was done may still confirm: it becomes joint on the showcase
      const late = await partnerA.post(`/api/projects/${extra.id}/confirm`, { organizationId: partnerAOrgId });
      assert.equal(late.statusCode, 200, late.body);
      assert.equal((await search('joint=true')).total, jointBefore + 1, 'a confirmation forgets it too');
    });
  });
});
