import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createApplicationsService(_deps: { db: Db; clock: Clock }) {
  return {};
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
