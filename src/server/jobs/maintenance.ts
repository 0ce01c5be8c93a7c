// Hourly housekeeping: expired sessions, old failed sign-ins and remembered idempotent answers.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { deleteExpiredSessions, deleteLoginFailuresBefore } from '../modules/auth/auth.repository.ts';
import { deleteOlderThan } from '../modules/idempotency/idempotency.repository.ts';

const DAY_MS = 24 * 3600 * 1000;

export async function runMaintenance(db: Db, clock: Clock) {
  const now = clock.now();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  await deleteExpiredSessions(db, now);
  await deleteLoginFailuresBefore(db, dayAgo);
  await deleteOlderThan(db, dayAgo);
}

export function startMaintenance(db: Db, clock: Clock, onError: (error: unknown) => void) {
  const timer = setInterval(() => runMaintenance(db, clock).catch(onError), 3600 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
