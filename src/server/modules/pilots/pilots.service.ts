import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createPilotsService({ db, clock }: { db: Db; clock: Clock }) {
  void db;
  void clock;
  return {};
}

export type PilotsService = ReturnType<typeof createPilotsService>;
