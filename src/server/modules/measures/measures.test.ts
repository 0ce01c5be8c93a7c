import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { admittedOrganization } from '../../../../test/admit.ts';
import { type Client, signUp, signUpAs } from '../../../../test/factories.ts';
import { createTestApp, type TestApp, TestClock } from '../../../../test/test-app.ts';
import { seedIfEmpty } from '../../demo/seed.ts';
import { validateMeasureDefinition } from './measure-definition.ts';

const DAY = 24 * 3600 * 1000;
let sequence = 0;

/** A complete measure body; the clock stands at 2026-11-26. */
function measureBody(overrides: Record<string, unknown> = {}) {
  return {
    code: `TEST-${process.pid}-${++sequence}`,
    title: 'Компенсация затрат на патентование изобретений',
    kind: 'compensation',
    provider: 'Фонд «Московский инновационный кластер»',
    description: 'Возмещаем пошлины и услуги патентного поверенного за патентование в Роспатенте.',
    maxAmountKopecks: '15000000',
    budgetKopecks: '10000000000',
    cofinancingPercent: 0,
    opensAt: '2026-11-01T00:00:00.000Z',
    closesAt: '2027-03-01T00:00:00.000Z',
    eligibility: { membershipKinds: ['participant'], regionCodes: ['77'] },
    formFields: [
      { key: 'project_title', label: 'Название проекта', type: 'text', required: true, maxLength: 300 },
      { key: 'requested_amount', label: 'Сумма', type: 'money', required: true, min: 100000, max: 15000000 },
      {
        key: 'patent_type',
        label: 'Объект',
        type: 'choice',
        required: true,
        options: ['Изобретение', 'Полезная модель'],
      },
      { key: 'business_plan', label: 'Бизнес-план', type: 'file', required: true, accept: ['application/pdf'] },
    ],
    requiredDocuments: ['Выписка из ЕГРЮЛ'],
    criteria: [
      { key: 'K1', name: 'Команда', weight: 0.5, maxScore: 10 },
      { key: 'K2', name: 'Новизна', weight: 0.5, maxScore: 10 },
    ],
    expertsPerApplication: 2,
    ...overrides,
  };
}

describe('support measures', () => {
  let t: TestApp;
  let operator: Client;
  const clock = new TestClock();
  const guest = (url: string) => t.app.inject({ method: 'GET', url });

  before(async () => {
    t = await createTestApp({ clock });
    operator = await signUpAs(t, 'operator');
  });
  after(() => t.close());

  async function published(overrides: Record<string, unknown> = {}) {
    const created = await operator.post('/api/measures', measureBody(overrides));
    assert.equal(created.statusCode, 201, created.body);
    const publish = await operator.post(`/api/measures/${created.json().id}/publish`);
    assert.equal(publish.statusCode, 200, publish.body);
    return publish.json() as { id: string; version: number; status: string };
  }

  test('the operator creates and publishes a measure; a company sees it in the catalogue', async () => {
    const created = await operator.post('/api/measures', measureBody());
    assert.equal(created.statusCode, 201, created.body);
    const measure = created.json();
    assert.equal(measure.status, 'draft');
    assert.equal(measure.remainingBudgetKopecks, '10000000000');
    assert.deepEqual(measure.allowedEvents, ['publish', 'archive']);
    assert.equal(measure.formFields.length, 4);

    assert.equal((await guest(`/api/measures/${measure.id}`)).statusCode, 404, 'a draft is invisible to guests');
    const company = await signUp(t);
    assert.equal((await company.get(`/api/measures/${measure.id}`)).statusCode, 404, 'and to companies');
    assert.ok(!(await guest('/api/measures?limit=100')).json().items.some((m: { id: string }) => m.id === measure.id));

    const publish = await operator.post(`/api/measures/${measure.id}/publish`);
    assert.equal(publish.statusCode, 200, publish.body);
    assert.equal(publish.json().status, 'published');
    assert.equal(publish.json().isOpen, true);

    const list = await company.get('/api/measures?limit=100');
    assert.equal(list.statusCode, 200, list.body);
    const item = list.json().items.find((m: { id: string }) => m.id === measure.id);
    assert.ok(item, 'listed after publication');
    assert.equal(item.remainingBudgetKopecks, '10000000000');
    assert.equal(item.eligible, undefined, 'eligibility only with organizationId');
    const one = await guest(`/api/measures/${measure.id}`);
    assert.equal(one.statusCode, 200);
    assert.deepEqual(
      one.json().criteria.map((c: { key: string }) => c.key),
      ['K1', 'K2'],
    );

    const audit = (await operator.get(`/api/audit?entity=measure&id=${measure.id}`)).json();
    assert.deepEqual(audit.items.map((i: { action: string }) => i.action).sort(), [
      'measure.created',
      'measure.publish',
    ]);
  });

  test('eligibility checklist: met for a Moscow participant, reasons for a partner from another region', async () => {
    const measure = await published();
    const owner = await signUp(t);
    const participant = await admittedOrganization(owner, operator);
    const yes = await owner.get(`/api/measures/${measure.id}/eligibility?organizationId=${participant.id}`);
    assert.equal(yes.statusCode, 200, yes.body);
    assert.equal(yes.json().eligible, true);
    assert.deepEqual(
      yes.json().checks.map((c: { rule: string; met: boolean }) => [c.rule, c.met]),
      [
        ['membership', true],
        ['region', true],
      ],
    );

    const partnerOwner = await signUp(t);
    const partner = await admittedOrganization(partnerOwner, operator, { regionCode: '50', district: null }, 'partner');
    const no = await partnerOwner.get(`/api/measures/${measure.id}/eligibility?organizationId=${partner.id}`);
    assert.equal(no.statusCode, 200, no.body);
    assert.equal(no.json().eligible, false);
    const [membership, region] = no.json().checks;
    assert.equal(membership.met, false);
    assert.match(membership.reason, /партнёр кластера/);
    assert.equal(region.met, false);
    assert.match(region.reason, /регионе 50/);
    assert.deepEqual(region.params, { required: ['77'], actual: '50' });

    assert.equal(
      (await operator.get(`/api/measures/${measure.id}/eligibility?organizationId=${partner.id}`)).statusCode,
      200,
    );
    const stranger = await owner.get(`/api/measures/${measure.id}/eligibility?organizationId=${partner.id}`);
    assert.equal(stranger.statusCode, 404, 'another organization is not the caller’s to ask about');
    assert.equal((await guest(`/api/measures/${measure.id}/eligibility?organizationId=${partner.id}`)).statusCode, 401);
  });

  test('with organizationId the catalogue puts the measures the organization may apply for first', async () => {
    const forPartners = await published({
      title: 'Экспортная поддержка партнёров',
      eligibility: { membershipKinds: ['partner'] },
    });
    const forParticipants = await published({ title: 'Грант участникам', closesAt: '2027-06-01T00:00:00.000Z' });
    const owner = await signUp(t);
    const org = await admittedOrganization(owner, operator);
    const list = await owner.get(`/api/measures?organizationId=${org.id}&limit=100`);
    assert.equal(list.statusCode, 200, list.body);
    const items = list.json().items as Array<{ id: string; eligible: boolean }>;
    assert.equal(list.json().total, items.length);
    const firstIneligible = items.findIndex((m) => !m.eligible);
    assert.ok(firstIneligible > 0, 'some eligible, some not');
    assert.ok(
      items.slice(firstIneligible).every((m) => !m.eligible),
      'eligible first',
    );
    assert.equal(items.find((m) => m.id === forParticipants.id)?.eligible, true);
    assert.equal(items.find((m) => m.id === forPartners.id)?.eligible, false);

    const page = await owner.get(`/api/measures?organizationId=${org.id}&limit=1&offset=0`);
    assert.equal(page.json().items.length, 1);
    assert.equal(page.json().items[0].eligible, true);

    const outsider = await signUp(t);
    assert.equal((await outsider.get(`/api/measures?organizationId=${org.id}`)).statusCode, 404);
  });

  test('only the operator creates and changes measures', async () => {
    const company = await signUp(t);
    assert.equal((await company.post('/api/measures', measureBody())).statusCode, 403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/measures', payload: measureBody() });
    assert.equal(anonymous.statusCode, 401);
    const measure = await published();
    assert.equal((await company.patch(`/api/measures/${measure.id}`, { title: 'Чужая правка' })).statusCode, 403);
    assert.equal((await company.post(`/api/measures/${measure.id}/close`)).statusCode, 403);
    assert.equal((await company.get('/api/measures?status=draft')).statusCode, 403);
    assert.equal((await operator.get('/api/measures?status=draft')).statusCode, 200);
    const deleted = await operator.request('DELETE', `/api/measures/${measure.id}`);
    assert.equal(deleted.statusCode, 404, 'measures are never deleted');
  });

  test('PATCH: stale version 409; the form, criteria and eligibility of a published measure stay', async () => {
    const created = (await operator.post('/api/measures', measureBody())).json();
    const edited = await operator.patch(`/api/measures/${created.id}`, {
      version: created.version,
      title: 'Новое название меры',
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().version, created.version + 1);
    const stale = await operator.patch(`/api/measures/${created.id}`, {
      version: created.version,
      title: 'Опоздавшая правка',
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'measure.stale');
    const draftForm = await operator.patch(`/api/measures/${created.id}`, {
      formFields: [{ key: 'summary', label: 'Кратко', type: 'text', required: true }],
    });
    assert.equal(draftForm.statusCode, 200, 'a draft changes freely');

    const measure = await published();
    const form = await operator.patch(`/api/measures/${measure.id}`, {
      formFields: [{ key: 'summary', label: 'Кратко', type: 'text', required: false }],
    });
    assert.equal(form.statusCode, 409);
    assert.equal(form.json().error.code, 'measure.locked_when_published');
    const criteria = await operator.patch(`/api/measures/${measure.id}`, {
      criteria: [{ key: 'K1', name: 'Всё', weight: 1, maxScore: 5 }],
    });
    assert.equal(criteria.statusCode, 409);
    const same = await operator.patch(`/api/measures/${measure.id}`, {
      eligibility: measureBody().eligibility,
      description: 'Уточнили описание',
    });
    assert.equal(same.statusCode, 200, `unchanged rules may be sent back: ${same.body}`);

    const grow = await operator.patch(`/api/measures/${measure.id}`, { budgetKopecks: '20000000000' });
    assert.equal(grow.statusCode, 200, grow.body);
    assert.equal(grow.json().remainingBudgetKopecks, '20000000000');
    const belowMax = await operator.patch(`/api/measures/${measure.id}`, { budgetKopecks: '100' });
    assert.equal(belowMax.statusCode, 400);
    assert.ok(belowMax.json().error.fields.maxAmountKopecks);
  });

  test('close and archive follow the life cycle; other moves are 409', async () => {
    const draft = (await operator.post('/api/measures', measureBody())).json();
    assert.equal((await operator.post(`/api/measures/${draft.id}/close`)).statusCode, 409);
    const measure = await published();
    const early = await operator.post(`/api/measures/${measure.id}/archive`);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'measure.transition');
    assert.equal((await operator.post(`/api/measures/${measure.id}/publish`)).statusCode, 409, 'published once');
    const closed = await operator.post(`/api/measures/${measure.id}/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().isOpen, false);
    assert.equal((await guest(`/api/measures/${measure.id}`)).statusCode, 200, 'a closed measure stays public');
    assert.ok(
      (await guest('/api/measures?status=closed&limit=100'))
        .json()
        .items.some((m: { id: string }) => m.id === measure.id),
    );
    const noEdit = await operator.patch(`/api/measures/${measure.id}`, { title: 'Правка закрытой меры' });
    assert.equal(noEdit.statusCode, 409);
    assert.equal(noEdit.json().error.code, 'measure.not_editable');
    assert.equal((await operator.post(`/api/measures/${measure.id}/publish`)).statusCode, 409);
    const archived = await operator.post(`/api/measures/${measure.id}/archive`);
    assert.equal(archived.statusCode, 200);
    assert.deepEqual(archived.json().allowedEvents, []);
    assert.equal((await operator.post(`/api/measures/${measure.id}/archive`)).statusCode, 409);
    assert.equal((await operator.post('/api/measures/00000000-0000-4000-8000-000000000000/publish')).statusCode, 404);
  });

  test('publication checks the measure is complete', async () => {
    const noCriteria = (await operator.post('/api/measures', measureBody({ criteria: [] }))).json();
    const refused = await operator.post(`/api/measures/${noCriteria.id}/publish`);
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.code, 'measure.incomplete');
    assert.ok(refused.json().error.fields.criteria);
    const past = (
      await operator.post(
        '/api/measures',
        measureBody({ opensAt: '2025-01-01T00:00:00Z', closesAt: '2025-03-01T00:00:00Z' }),
      )
    ).json();
    const over = await operator.post(`/api/measures/${past.id}/publish`);
    assert.equal(over.statusCode, 400);
    assert.ok(over.json().error.fields.closesAt);
    const future = (
      await operator.post(
        '/api/measures',
        measureBody({ opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-03-01T00:00:00Z' }),
      )
    ).json();
    const ok = await operator.post(`/api/measures/${future.id}/publish`);
    assert.equal(ok.statusCode, 200, 'a window in the future is fine');
    assert.equal(ok.json().isOpen, false);
    const openNow = (await guest('/api/measures?open=true&limit=100')).json().items.map((m: { id: string }) => m.id);
    assert.ok(!openNow.includes(future.id));
    assert.ok(
      (await guest('/api/measures?open=false&limit=100')).json().items.some((m: { id: string }) => m.id === future.id),
    );
  });

  test('bad input is refused with the field named', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['negative maximum', { maxAmountKopecks: '-100' }, 'maxAmountKopecks'],
      ['fractional budget', { budgetKopecks: '100.50' }, 'budgetKopecks'],
      ['zero maximum', { maxAmountKopecks: '0' }, 'maxAmountKopecks'],
      ['maximum over budget', { maxAmountKopecks: '200', budgetKopecks: '100' }, 'maxAmountKopecks'],
      ['window backwards', { opensAt: '2027-03-01T00:00:00Z', closesAt: '2027-03-01T00:00:00Z' }, 'closesAt'],
      ['unknown field', { bonus: true }, 'bonus'],
      ['unknown kind', { kind: 'gift' }, 'kind'],
      ['unknown rule', { eligibility: { membershipKinds: ['participant'], minRevenue: 1 } }, 'eligibility.minRevenue'],
      [
        'bad field key',
        { formFields: [{ key: 'Project Title', label: 'Название', type: 'text', required: true }] },
        'formFields.0.key',
      ],
      [
        'duplicate field keys',
        {
          formFields: [
            { key: 'title', label: 'Название', type: 'text', required: true },
            { key: 'title', label: 'Ещё название', type: 'text', required: false },
          ],
        },
        'formFields.1.key',
      ],
      [
        'choice without options',
        { formFields: [{ key: 'stage', label: 'Стадия', type: 'choice', required: true }] },
        'formFields.0.options',
      ],
      [
        'unknown property of a field',
        { formFields: [{ key: 'a', label: 'А', type: 'text', required: true, hint: 'x' }] },
        'formFields.0.hint',
      ],
      [
        'negative weight',
        { criteria: [{ key: 'K1', name: 'Команда', weight: -1, maxScore: 10 }] },
        'criteria.0.weight',
      ],
      ['zero weight', { criteria: [{ key: 'K1', name: 'Команда', weight: 0, maxScore: 10 }] }, 'criteria.0.weight'],
    ];
    for (const [name, change, field] of cases) {
      const response = await operator.post('/api/measures', measureBody(change));
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.ok(response.json().error.fields?.[field], `${name}: ${field} in ${response.body}`);
    }
    const body = measureBody();
    assert.equal((await operator.post('/api/measures', body)).statusCode, 201);
    const twice = await operator.post('/api/measures', body);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, 'measure.code_taken');
  });

  test('Russian full-text search finds «патентование» for «патент»; filters by kind', async () => {
    const measure = await published({ title: 'Компенсация на патентование в Роспатенте', kind: 'compensation' });
    const found = (await guest(`/api/measures?q=${encodeURIComponent('патент')}&limit=100`)).json();
    assert.ok(
      found.items.some((m: { id: string }) => m.id === measure.id),
      JSON.stringify(found),
    );
    const other = (await guest(`/api/measures?q=${encodeURIComponent('экспорт оборудования')}&limit=100`)).json();
    assert.ok(!other.items.some((m: { id: string }) => m.id === measure.id));
    assert.ok(
      (await guest('/api/measures?kind=compensation&limit=100'))
        .json()
        .items.every((m: { kind: string }) => m.kind === 'compensation'),
    );
    assert.equal(
      (await guest(`/api/measures?q=${encodeURIComponent('"патент & | !(')}`)).statusCode,
      200,
      'query syntax never breaks',
    );
  });

  test('a window that ends closes the measure to new applications in the catalogue', async () => {
    const measure = await published({ closesAt: new Date(clock.now().getTime() + 2 * DAY).toISOString() });
    assert.equal((await guest(`/api/measures/${measure.id}`)).json().isOpen, true);
    clock.advance(3 * DAY);
    assert.equal((await guest(`/api/measures/${measure.id}`)).json().isOpen, false);
    clock.advance(-3 * DAY);
  });
});

describe('demo catalogue', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('seedIfEmpty(small) publishes a catalogue of valid measures', async () => {
    const now = new Date('2026-11-26T09:00:00Z');
    assert.equal(await seedIfEmpty(t.database.db, 'small', { now: () => now }), true);
    const list = (await t.app.inject({ method: 'GET', url: '/api/measures?status=published&limit=100' })).json();
    assert.ok(list.total >= 8, `published: ${list.total}`);
    for (const item of list.items) {
      const measure = (await t.app.inject({ method: 'GET', url: `/api/measures/${item.id}` })).json();
      const problems = validateMeasureDefinition({
        maxAmountKopecks: BigInt(measure.maxAmountKopecks),
        budgetKopecks: BigInt(measure.budgetKopecks),
        opensAt: new Date(measure.opensAt),
        closesAt: new Date(measure.closesAt),
        formFields: measure.formFields,
        criteria: measure.criteria,
      });
      assert.deepEqual(problems, {}, measure.code);
      assert.ok(measure.criteria.length >= 5, measure.code);
      assert.ok(
        measure.formFields.some((f: { type: string }) => f.type === 'file'),
        measure.code,
      );
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/measures?status=closed' })).json().total, 1);
  });
});
