// Bad input gets a clear 4xx and changes nothing; never a 500.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import { type Client, createOrganization, organizationBody, signUp } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { organizations } from '../db/schema/organizations.ts';

describe('bad input', () => {
  let t: TestApp;
  let client: Client;
  let orgId: string;
  before(async () => {
    t = await createTestApp();
    client = await signUp(t);
    orgId = (await createOrganization(client)).id;
  });
  after(() => t.close());

  const orgCount = async () => (await t.database.db.select({ n: count() }).from(organizations))[0].n;

  test('malformed JSON answers 400 with a clear message', async () => {
    const response = await client.request('POST', '/api/organizations', undefined, {
      'content-type': 'application/json',
    });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.ru", "password": ',
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error.code, 'request.malformed_json');
    assert.ok(broken.json().error.requestId);
    assert.ok(response.statusCode >= 400 && response.statusCode < 500);
  });

  test('wrong types, unknown fields, 1 MB strings, control characters: 4xx naming the field, nothing stored', async () => {
    const before = await orgCount();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['wrong type', { ...organizationBody(), employees: 'много' }, 'employees'],
      ['unknown field', { ...organizationBody(), isAdmin: true }, 'isAdmin'],
      ['huge string', { ...organizationBody(), description: 'я'.repeat(300_000) }, 'description'],
      ['control characters', { ...organizationBody(), shortName: 'ООО «Тест\u0000\u0007»' }, 'shortName'],
      ['enum', { ...organizationBody(), smeCategory: 'giant' }, 'smeCategory'],
      ['missing', { ...organizationBody(), inn: undefined }, 'inn'],
      ['nested array item', { ...organizationBody(), technologies: ['ai', 42] }, 'technologies.1'],
    ];
    for (const [name, body, field] of cases) {
      const response = await client.post('/api/organizations', body);
      assert.ok(
        [400, 413].includes(response.statusCode),
        `${name}: ${response.statusCode} ${response.body.slice(0, 200)}`,
      );
      const error = response.json().error;
      assert.ok(error.message, name);
      if (response.statusCode === 400) assert.ok(error.fields?.[field], `${name}: ${JSON.stringify(error.fields)}`);
    }
    const tooBig = await client.post('/api/organizations', {
      ...organizationBody(),
      description: 'x'.repeat(1_100_000),
    });
    assert.equal(tooBig.statusCode, 413);
    assert.equal(await orgCount(), before);
  });

  test('SQL-looking text is just text', async () => {
    const injection = "'; drop table organizations; --";
    const search = await t.app.inject({ method: 'GET', url: `/api/registry?q=${encodeURIComponent(injection)}` });
    assert.equal(search.statusCode, 200);
    const edit = await client.patch(`/api/organizations/${orgId}`, { description: injection });
    assert.equal(edit.statusCode, 200);
    assert.equal(edit.json().description, injection);
    assert.ok((await orgCount()) > 0);
    const weird = await t.app.inject({ method: 'GET', url: `/api/registry?q=${encodeURIComponent('!!! & | :* ( "')}` });
    assert.equal(weird.statusCode, 200, 'tsquery syntax characters never break the search');
  });

  test('negative or huge page sizes, non-uuid ids and unknown query parameters are 400', async () => {
    for (const url of [
      '/api/registry?limit=-1',
      '/api/registry?offset=-5',
      '/api/registry?limit=abc',
      '/api/registry?district=Марс',
      '/api/registry?hack=1',
      '/api/organizations/not-a-uuid',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 400, `${url}: ${response.body}`);
      assert.ok(response.json().error.fields, url);
    }
  });

  test('unknown addresses under /api answer 404 in the error format', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error.code, 'route.not_found');
  });
});
