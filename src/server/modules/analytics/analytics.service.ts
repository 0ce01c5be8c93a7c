import type { Cache } from '../../cache.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createAnalyticsService({ db, clock, cache }: { db: Db; clock: Clock; cache: Cache }) {
  void db;
  void clock;
  void cache;
  return {};
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
