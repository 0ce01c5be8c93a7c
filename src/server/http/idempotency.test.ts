import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { type Client, organizationBody, signUp } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { idempotentRequests } from '../db/schema/idempotency.ts';
import { organizations } from '../db/schema/organizations.ts';
import { runMaintenance } from '../jobs/maintenance.ts';

describe('Idempotency-Key', () => {
  let t: TestApp;
  let client: Client;
  before(async () => {
    t = await createTestApp();
    client = await signUp(t);
  });
  after(() => t.close());

  const post = (url: string, body: unknown, key: string) =>
    client.request('POST', url, body, { 'idempotency-key': key });

  test('a retried POST with the same key answers the first result and creates nothing more', async () => {
    const body = organizationBody();
    const first = await post('/api/organizations', body, 'create-org-1');
    const retry = await post('/api/organizations', body, 'create-org-1');
    assert.equal(first.statusCode, 201);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(retry.json().id, first.json().id);
    const [{ n }] = await t.database.db
      .select({ n: count() })
      .from(organizations)
      .where(eq(organizations.inn, body.inn));
    assert.equal(n, 1);
  });

  test('a failed request is not remembered: the same key may be retried after fixing the input', async () => {
    const body = organizationBody();
    const bad = await post('/api/organizations', { ...body, okvedMain: '00.00' }, 'create-org-2');
    assert.equal(bad.statusCode, 400);
    const good = await post('/api/organizations', body, 'create-org-2');
    assert.equal(good.statusCode, 201);
  });

  test('the same key on another route is refused; keys are per caller', async () => {
    await post('/api/organizations', organizationBody(), 'shared-key');
    const other = await post(
      '/api/organizations/00000000-0000-4000-8000-000000000000/access-requests',
      {},
      'shared-key',
    );
    assert.equal(other.statusCode, 400);
    assert.equal(other.json().error.code, 'idempotency.key_reused');
    const someoneElse = await signUp(t);
    const theirs = await someoneElse.request('POST', '/api/organizations', organizationBody(), {
      'idempotency-key': 'shared-key',
    });
    assert.equal(theirs.statusCode, 201);
    assert.equal(theirs.headers['idempotent-replayed'], undefined);
  });

  test('a bad key is a 400, and old keys are cleaned up after a day', async () => {
    assert.equal((await post('/api/organizations', organizationBody(), 'bad key with spaces')).statusCode, 400);
    const later = { now: () => new Date(Date.now() + 2 * 24 * 3600 * 1000) };
    await runMaintenance(t.database.db, later);
    const [{ n }] = await t.database.db.select({ n: count() }).from(idempotentRequests);
    assert.equal(n, 0);
  });
});
