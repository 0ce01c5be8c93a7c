import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export function createReviewsService(_deps: { db: Db; clock: Clock }) {
  return {};
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
