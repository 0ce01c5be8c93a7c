import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createMeasuresService(_deps: { db: Db; clock: Clock }) {
  return {};
}

export type MeasuresService = ReturnType<typeof createMeasuresService>;
