import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { count } from 'drizzle-orm';
import { admittedOrganization } from '../../../test/admit.ts';
import { type Client, signUp, signUpAs } from '../../../test/factories.ts';
import { createTestApp, type TestApp, TestClock } from '../../../test/test-app.ts';
import { kpiSnapshots } from '../db/schema/analytics.ts';
import { SNAPSHOTS_KEPT } from '../modules/analytics/analytics.repository.ts';
import { MAX_SNAPSHOT_AGE_MS } from '../modules/analytics/analytics.service.ts';
import { KPI_REFRESH_INTERVAL_MS, runKpiRefresh, startKpiRefresh } from './kpi-refresh.ts';

const MINUTE = 60 * 1000;

describe('refreshing the ecosystem figures', () => {
  let t: TestApp;
  let operator: Client;
  let owner: Client;
  const clock = new TestClock();
  const errors: unknown[] = [];
  const round = () => runKpiRefresh(t.app.services.analytics, (error) => errors.push(error));
  const snapshots = async () => (await t.database.db.select({ n: count() }).from(kpiSnapshots))[0].n;
  const stats = async () => (await t.app.inject({ method: 'GET', url: '/api/stats' })).json();

  before(async () => {
    t = await createTestApp({ clock });
    operator = await signUpAs(t, 'operator');
    owner = await signUp(t);
  });
  after(() => t.close());

  test('a round computes when there is no snapshot, then only after a change', async () => {
    assert.equal(KPI_REFRESH_INTERVAL_MS, MINUTE, 'fresh within a minute of a change');
    assert.equal(await round(), true, 'a fresh database gets its first snapshot');
    assert.equal(await snapshots(), 1);
    assert.equal((await stats()).participants, 0);

    clock.advance(MINUTE);
    assert.equal(await round(), false, 'nothing changed');
    assert.equal(await snapshots(), 1, 'the snapshot count stays');

    await admittedOrganization(owner, operator);
    clock.advance(MINUTE);
    assert.equal(await round(), true, 'an admission is a change');
    assert.equal(await snapshots(), 2);
    const figures = await stats();
    assert.equal(figures.participants, 1);
    assert.equal(figures.computedAt, clock.now().toISOString());

    clock.advance(MINUTE);
    assert.equal(await round(), false);
    assert.equal(await snapshots(), 2);
    assert.deepEqual(errors, []);
  });

  test('with no change at all, the figures are still recomputed once the snapshot is an hour old', async () => {
    const before = await snapshots();
    clock.advance(MAX_SNAPSHOT_AGE_MS - 2 * MINUTE);
    assert.equal(await round(), false);
    clock.advance(2 * MINUTE);
    assert.equal(await round(), true);
    assert.equal(await snapshots(), before + 1);
  });

  test('the operator forces a refresh; only the newest ten snapshots are kept', async () => {
    for (let i = 0; i < SNAPSHOTS_KEPT + 2; i++) {
      clock.advance(1000);
      const response = await operator.post('/api/stats/refresh');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().refreshed, true);
    }
    assert.equal(await snapshots(), SNAPSHOTS_KEPT);
    assert.equal((await stats()).computedAt, clock.now().toISOString());
  });

  test('a failing round is reported, never thrown', async () => {
    const reported: unknown[] = [];
    const failing = {
      refreshIfChanged: async (): Promise<boolean> => {
        throw new Error('database is away');
      },
    };
    assert.equal(await runKpiRefresh(failing, (error) => reported.push(error)), false);
    assert.equal((reported[0] as Error).message, 'database is away');
  });

  test('the schedule runs shortly after start and then on its interval, one round at a time', {
    timeout: 10_000,
  }, async () => {
    let calls = 0;
    let running = 0;
    let overlapped = false;
    const slow = {
      refreshIfChanged: async () => {
        calls++;
        running++;
        if (running > 1) overlapped = true;
        await sleep(30);
        running--;
        return true;
      },
    };
    const stop = startKpiRefresh(slow, () => {}, { intervalMs: 10, firstAfterMs: 0 });
    // waits for rounds rather than for a fixed time: a busy machine only makes it slower (the timeout bounds it)
    while (calls < 3) await sleep(5);
    stop();
    const seen = calls;
    assert.equal(overlapped, false, 'a round still running is not started twice');
    await sleep(50);
    assert.equal(calls, seen, 'stopped');
  });
});
