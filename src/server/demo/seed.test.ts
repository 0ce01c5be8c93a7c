import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureAdmin, seedIfEmpty } from './seed.ts';

describe('demo data at start', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('DEMO_DATA=small fills an empty database once, with a working account for every role', async () => {
    const clock = { now: () => new Date('2026-11-26T09:00:00Z') };
    assert.equal(await seedIfEmpty(t.database.db, 'small', clock), true);
    assert.equal(await seedIfEmpty(t.database.db, 'small', clock), false, 'a second start does not seed again');
    for (const account of DEMO_ACCOUNTS) {
      const client = await signIn(t, account.email, DEMO_PASSWORD);
      const me = (await client.get('/api/auth/me')).json();
      assert.equal(me.role, account.platformRole, account.email);
      if (['company', 'corporate', 'city', 'investor'].includes(account.role)) {
        assert.equal(me.organizations.length, 1, `${account.email} acts for an organization`);
      }
    }
    const operator = await signIn(t, 'operator@klaster.demo', DEMO_PASSWORD);
    const queue = (await operator.get('/api/membership/applications?limit=1')).json();
    assert.ok(queue.counts.applied > 0 || queue.counts.under_review > 0, JSON.stringify(queue.counts));
    const registry = (await t.app.inject({ method: 'GET', url: '/api/registry' })).json();
    assert.ok(registry.total >= 25, `registry lists ${registry.total}`);
    assert.ok(registry.items.every((i: { registryNumber: string }) => /^МИК-\d{4}-\d{6}$/.test(i.registryNumber)));
  });

  test('ADMIN_EMAIL/ADMIN_PASSWORD make sure an administrator exists, with operator rights', async () => {
    await ensureAdmin(t.database.db, 'chief@example.ru', 'chief-password-1');
    await ensureAdmin(t.database.db, 'chief@example.ru', 'chief-password-2'); // a restart with a new password
    const admin = await signIn(t, 'chief@example.ru', 'chief-password-2');
    assert.equal((await admin.get('/api/auth/me')).json().role, 'admin');
    assert.equal((await admin.get('/api/membership/applications')).statusCode, 200);
  });
});
