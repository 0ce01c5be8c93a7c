import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMemoryCache, createRedisCache } from './cache.ts';

test('memory cache: computes once within the TTL, again after it expires or is invalidated', async () => {
  let clock = 0;
  const cache = createMemoryCache(() => clock);
  let computed = 0;
  const get = () => cache.remember('ns', 'k', 10, async () => ++computed);
  assert.equal(await get(), 1);
  assert.equal(await get(), 1);
  clock += 11_000;
  assert.equal(await get(), 2);
  await cache.invalidate('ns');
  assert.equal(await get(), 3);
  assert.equal(await cache.remember('other', 'k', 10, async () => 'x'), 'x');
});

test('memory cache: concurrent misses of one key compute once; a value computed across an invalidation is not kept', async () => {
  const cache = createMemoryCache();
  let computed = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const slow = () =>
    cache.remember('ns', 'k', 60, async () => {
      computed++;
      await gate;
      return computed;
    });
  const burst = [slow(), slow(), slow()];
  await cache.invalidate('ns'); // a change lands while the first computation runs
  release();
  assert.deepEqual(await Promise.all(burst), [1, 1, 1]);
  assert.equal(await cache.remember('ns', 'k', 60, async () => 42), 42, 'the stale result was not stored');
});

test('redis cache: shared between two clients, invalidated for both', {
  skip: !process.env.REDIS_URL && 'REDIS_URL not set',
}, async () => {
  const a = createRedisCache(process.env.REDIS_URL!);
  const b = createRedisCache(process.env.REDIS_URL!);
  const ns = `test-${process.pid}-${Date.now()}`;
  try {
    assert.equal(await a.remember(ns, 'k', 30, async () => ({ n: 1 })).then((v) => v.n), 1);
    assert.deepEqual(await b.remember(ns, 'k', 30, async () => ({ n: 2 })), { n: 1 });
    await b.invalidate(ns);
    assert.deepEqual(await a.remember(ns, 'k', 30, async () => ({ n: 3 })), { n: 3 });
  } finally {
    await a.close();
    await b.close();
  }
});
