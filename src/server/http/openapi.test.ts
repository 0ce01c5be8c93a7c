import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('OpenAPI and health', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('GET /api/health names the database in use', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'embedded' });
  });

  test('every answer carries the security headers and the content security policy, errors included', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await t.app.inject({ method: 'GET', url: '/api/stats/series?figure=nonsense' }),
      await t.app.inject({ method: 'GET', url: '/' }),
    ];
    assert.deepEqual(
      answers.slice(0, 3).map((a) => a.statusCode),
      [200, 404, 400],
    );
    for (const answer of answers) {
      const policy = String(answer.headers['content-security-policy']);
      assert.match(policy, /default-src 'self'/);
      assert.match(policy, /script-src 'self'(;|$)/, 'no inline scripts');
      assert.match(policy, /frame-ancestors 'none'/);
      assert.doesNotMatch(policy, /upgrade-insecure-requests/, 'plain HTTP on a local install keeps working');
      assert.equal(answer.headers['x-content-type-options'], 'nosniff');
      assert.equal(answer.headers['x-frame-options'], 'SAMEORIGIN');
      assert.match(String(answer.headers['strict-transport-security']), /max-age=\d+/);
      assert.equal(answer.headers['x-powered-by'], undefined);
    }
  });

  test('the OpenAPI document lists the contract routes, each a real route with a summary', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.match(document.openapi, /^3\./);
    const required = [
      'get /api/health',
      'post /api/auth/register',
      'post /api/auth/login',
      'post /api/auth/logout',
      'get /api/auth/me',
      'post /api/auth/tokens',
      'post /api/organizations',
      'get /api/organizations',
      'get /api/organizations/{id}',
      'patch /api/organizations/{id}',
      'get /api/organizations/{id}/members',
      'post /api/organizations/{id}/members',
      'post /api/organizations/{id}/membership',
      'get /api/membership/applications',
      'post /api/membership/applications/{id}/decision',
      'get /api/registry',
      'get /api/audit',
    ];
    const listed = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method} ${path}`),
    );
    for (const route of required) assert.ok(listed.includes(route), `${route} missing from OpenAPI`);
    for (const [path, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { summary?: string }>)) {
        assert.ok(op.summary, `${method} ${path} has no summary`);
        const url = path.replace(/\{(\w+)\}/g, ':$1');
        assert.ok(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${path} is not a route`);
      }
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    assert.ok([200, 302].includes(docs.statusCode));
  });
});
