// A small cache for public, derived figures (registry facet counts). In memory for one process; in Redis
// when REDIS_URL is set, so several app processes share entries and invalidations.
import { Redis } from 'ioredis';

export interface Cache {
  /** Answers the cached value, or computes, stores and answers it. */
  remember<T>(namespace: string, key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T>;
  /** Drops every entry of a namespace (after a change that affects it). */
  invalidate(namespace: string): Promise<void>;
  close(): Promise<void>;
}

/** Namespaces, each cleared by the changes that make its entries stale. */
export const CACHE_NAMESPACES = {
  /** registry facet counts: membership decisions and profile edits */
  registry: 'registry',
  /** public request lists and facet counts: every request status change */
  requests: 'requests',
  /** the public project showcase and its facet counts: every project change and partner decision */
  projects: 'projects',
  /** guests' search answers: not cleared by changes, they expire within a minute (SEARCH_TTL_SECONDS) */
  search: 'search',
} as const;

const MAX_MEMORY_ENTRIES = 2000;

export function createMemoryCache(now: () => number = Date.now): Cache {
  const entries = new Map<string, { value: unknown; expires: number }>();
  const generations = new Map<string, number>();
  // one computation per key at a time: a burst of identical misses waits for the first instead of repeating it
  const pending = new Map<string, Promise<unknown>>();
  const fullKey = (namespace: string, key: string) => `${namespace}:${generations.get(namespace) ?? 0}:${key}`;
  return {
    async remember(namespace, key, ttlSeconds, compute) {
      const k = fullKey(namespace, key);
      const hit = entries.get(k);
      if (hit && hit.expires > now()) {
        entries.delete(k); // re-insert keeps the Map in least-recently-used order
        entries.set(k, hit);
        return hit.value as never;
      }
      const inFlight = pending.get(k);
      if (inFlight) return inFlight as never;
      const computing = compute()
        .then((value) => {
          if (fullKey(namespace, key) === k) {
            entries.set(k, { value, expires: now() + ttlSeconds * 1000 });
            if (entries.size > MAX_MEMORY_ENTRIES) entries.delete(entries.keys().next().value!);
          }
          return value;
        })
        .finally(() => pending.delete(k));
      pending.set(k, computing);
      return computing;
    },
    async invalidate(namespace) {
      generations.set(namespace, (generations.get(namespace) ?? 0) + 1);
    },
    async close() {},
  };
}

export function createRedisCache(url: string): Cache {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const generation = async (namespace: string) => (await redis.get(`klaster:gen:${namespace}`)) ?? '0';
  return {
    async remember(namespace, key, ttlSeconds, compute) {
      const k = `klaster:cache:${namespace}:${await generation(namespace)}:${key}`;
      const hit = await redis.get(k);
      if (hit !== null) return JSON.parse(hit);
      const value = await compute();
      await redis.set(k, JSON.stringify(value), 'EX', ttlSeconds);
      return value;
    },
    async invalidate(namespace) {
      await redis.incr(`klaster:gen:${namespace}`);
    },
    async close() {
      redis.disconnect();
    },
  };
}
