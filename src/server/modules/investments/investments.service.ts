import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createInvestmentsService({ db, clock }: { db: Db; clock: Clock }) {
  void db;
  void clock;
  return {};
}

export type InvestmentsService = ReturnType<typeof createInvestmentsService>;
