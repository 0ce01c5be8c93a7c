// Hourly housekeeping: expired sessions, old failed sign-ins and remembered idempotent answers; then the report and
// deadline reminders.
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { deleteExpiredSessions, deleteLoginFailuresBefore } from '../modules/auth/auth.repository.ts';
import { deleteOlderThan } from '../modules/idempotency/idempotency.repository.ts';
import { sendDeadlineReminders } from './deadline-reminders.ts';
import { sendReportReminders } from './reminders.ts';

const DAY_MS = 24 * 3600 * 1000;

export async function runMaintenance(db: Db, clock: Clock) {
  const now = clock.now();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  await deleteExpiredSessions(db, now);
  await deleteLoginFailuresBefore(db, dayAgo);
  await deleteOlderThan(db, dayAgo);
}

export function startMaintenance(db: Db, clock: Clock, onError: (error: unknown) => void) {
  const run = () =>
    runMaintenance(db, clock)
      .then(() => sendReportReminders(db, clock.now()))
      .then(() => sendDeadlineReminders(db, clock.now()))
      .catch(onError);
  // the first run shortly after start, so a restart never skips a day's reminders
  const first = setTimeout(run, 60 * 1000);
  first.unref();
  const timer = setInterval(run, 3600 * 1000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
