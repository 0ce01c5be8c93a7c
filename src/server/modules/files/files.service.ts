import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createFilesService(_deps: { db: Db; clock: Clock }) {
  return {};
}

export type FilesService = ReturnType<typeof createFilesService>;
