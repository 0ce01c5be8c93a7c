import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { admittedOrganization } from '../../../../test/admit.ts';
import { type Client, createOrganization, signUp, signUpAs } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';

describe('public registry search', () => {
  let t: TestApp;
  let owner: Client;
  let operator: Client;
  const ids: Record<string, { id: string; inn: string; ogrn: string }> = {};

  before(async () => {
    t = await createTestApp();
    owner = await signUp(t);
    operator = await signUpAs(t, 'operator');
    ids.drones = await admittedOrganization(owner, operator, {
      shortName: 'ООО «Аэроскан»',
      fullName: 'Общество с ограниченной ответственностью «Аэроскан»',
      description: 'Производим беспилотный летательный аппарат для инспекции линий электропередачи',
      technologies: ['drones'],
      smeCategory: 'micro',
      district: 'ЗелАО',
      isStartup: true,
      startupStage: 'seed',
    });
    ids.neuro = await admittedOrganization(owner, operator, {
      shortName: 'ООО «НейроТех Системы»',
      fullName: 'Общество с ограниченной ответственностью «НейроТех Системы»',
      description: 'Системы компьютерного зрения на основе искусственного интеллекта',
      technologies: ['ai'],
      okvedMain: '72.19',
      smeCategory: 'medium',
      district: 'ЦАО',
    });
    ids.bio = await admittedOrganization(owner, operator, {
      shortName: 'АО «БиоФарм Инновации»',
      fullName: 'Акционерное общество «БиоФарм Инновации»',
      description: 'Разработка инновационных лекарственных препаратов',
      technologies: ['biotech', 'pharma'],
      okvedMain: '21.20',
      smeCategory: 'large',
      district: 'ЦАО',
    });
    ids.partner = await admittedOrganization(
      owner,
      operator,
      {
        shortName: 'ООО «Подмосковные дроны»',
        fullName: 'Общество с ограниченной ответственностью «Подмосковные дроны»',
        description: 'Ремонт беспилотных летательных аппаратов',
        technologies: ['drones'],
        regionCode: '50',
        district: null,
      },
      'partner',
    );
    // registered and applied, never admitted: must never show
    ids.hidden = await createOrganization(owner, {
      shortName: 'ООО «Скрытые беспилотники»',
      description: 'Беспилотные летательные аппараты',
    });
  });
  after(() => t.close());

  const search = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/registry?${query}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const names = (body: { items: Array<{ id: string }> }) =>
    body.items.map((i) => Object.entries(ids).find(([, v]) => v.id === i.id)?.[0]);

  test('Russian morphology: «беспилотные аппараты» finds «беспилотный летательный аппарат»', async () => {
    const body = await search(`q=${encodeURIComponent('беспилотные аппараты')}`);
    assert.deepEqual(names(body).sort(), ['drones', 'partner']);
    assert.equal(body.total, 2);
  });

  test('typos in a name still find it', async () => {
    assert.deepEqual(names(await search(`q=${encodeURIComponent('НейроТек')}`)), ['neuro']);
    assert.deepEqual(names(await search(`q=${encodeURIComponent('аэроскн')}`)), ['drones']);
  });

  test('exact INN and OGRN', async () => {
    assert.deepEqual(names(await search(`q=${ids.bio.inn}`)), ['bio']);
    assert.deepEqual(names(await search(`q=${ids.neuro.ogrn}`)), ['neuro']);
    assert.equal((await search(`q=${ids.hidden.inn}`)).total, 0, 'not admitted');
  });

  test('filters narrow the result and facets count within it', async () => {
    const all = await search('limit=100');
    assert.equal(all.total, 4);
    const district = (v: string) => all.facets.district.find((f: { value: string }) => f.value === v)?.count;
    assert.equal(district('ЦАО'), 2);
    assert.equal(district('ЗелАО'), 1);
    const kinds = Object.fromEntries(all.facets.kind.map((f: { value: string; count: number }) => [f.value, f.count]));
    assert.deepEqual(kinds, { participant: 3, partner: 1 });
    const drones = all.facets.technology.find((f: { value: string }) => f.value === 'drones');
    assert.equal(drones.count, 2);

    const central = await search('district=ЦАО&smeCategory=large');
    assert.deepEqual(names(central), ['bio']);
    assert.equal(central.total, 1);
    const counts = (facet: string) =>
      Object.fromEntries(central.facets[facet].map((f: { value: string; count: number }) => [f.value, f.count]));
    // each facet ignores its own filter: the other districts and categories stay on offer with their counts
    assert.deepEqual(counts('district'), { ЦАО: 1 }, 'districts of large organizations');
    assert.deepEqual(counts('smeCategory'), { large: 1, medium: 1 }, 'categories in ЦАО');
    assert.deepEqual(counts('okvedSection'), { C: 1 }, 'sections of large organizations in ЦАО');
    const byDistrict = await search('district=ЦАО');
    assert.deepEqual(
      Object.fromEntries(byDistrict.facets.district.map((f: { value: string; count: number }) => [f.value, f.count])),
      { ЦАО: 2, ЗелАО: 1 },
    );
    assert.deepEqual(names(await search('technology=drones&kind=partner')), ['partner']);
    assert.deepEqual(names(await search('stage=seed')), ['drones']);
    assert.deepEqual(names(await search('okvedSection=C')), ['bio']);
  });

  test('pagination is stable and bounded', async () => {
    const first = await search('limit=2&offset=0&sort=name');
    const second = await search('limit=2&offset=2&sort=name');
    assert.equal(first.items.length, 2);
    assert.equal(second.items.length, 2);
    const seen = new Set([...first.items, ...second.items].map((i: { id: string }) => i.id));
    assert.equal(seen.size, 4);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/registry?limit=1000' })).statusCode, 400);
  });

  test('the public organization page shows the badge data to guests', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/api/organizations/${ids.drones.id}` });
    assert.equal(page.statusCode, 200);
    const body = page.json();
    assert.equal(body.membershipStatus, 'participant');
    assert.match(body.registryNumber, /^МИК-\d{4}-\d{6}$/);
    assert.equal(body.annualRevenueKopecks, undefined, 'private fields are not public');
  });

  test('counts are fresh after a decision (the cached facets are invalidated)', async () => {
    const before = await search('district=СЗАО');
    const extra = await admittedOrganization(owner, operator, {
      shortName: 'ООО «Северо-Запад Тех»',
      district: 'СЗАО',
    });
    const after = await search('district=СЗАО');
    assert.equal(after.total, before.total + 1);
    assert.ok(after.items.some((i: { id: string }) => i.id === extra.id));
    const edited = await owner.patch(`/api/organizations/${extra.id}`, { district: 'ЦАО' });
    assert.equal(edited.statusCode, 200);
    assert.equal((await search('district=СЗАО')).total, before.total, 'a profile edit also refreshes the counts');
  });
});
