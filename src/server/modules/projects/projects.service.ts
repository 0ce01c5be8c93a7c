import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createProjectsService({ db, clock }: { db: Db; clock: Clock }) {
  void db;
  void clock;
  return {};
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
