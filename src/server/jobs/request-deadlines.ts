// Closes published requests whose deadline for solutions has come: the timeline says so (no actor), the audit log
// records it and the customer's people hear of it. Runs every minute; the service never treats a request past its
// deadline as open meanwhile (isOpenForSolutions).
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../http/app-error.ts';
import { listExpiredPublished } from '../modules/requests/requests.repository.ts';
import { applyRequestEvent, DEADLINE_CLOSE_COMMENT } from '../modules/requests/requests.service.ts';

const BATCH = 100;

/** Closes every published request whose deadline is at or before `now`; answers how many it closed. */
export async function closeExpiredRequests(db: Db, now: Date): Promise<number> {
  let closed = 0;
  for (;;) {
    const batch = await listExpiredPublished(db, now, BATCH);
    let progressed = false;
    for (const request of batch) {
      try {
        await db.transaction((tx) =>
          applyRequestEvent(tx, request, 'close', {
            actorId: null,
            comment: DEADLINE_CLOSE_COMMENT,
            set: { closedAt: now },
            at: now,
            after: { byDeadline: true },
          }),
        );
        closed++;
        progressed = true;
      } catch (error) {
        // someone closed or cancelled it a moment before: nothing left to do for it
        if (!(error instanceof AppError && error.kind === 'conflict')) throw error;
      }
    }
    if (batch.length < BATCH || !progressed) return closed;
  }
}

/**
 * Every minute (unref'd: it never keeps the process alive); `onClosed` hears how many were closed, so cached public
 * lists are forgotten. A round still running when the next is due is not started twice.
 */
export function startRequestDeadlines(
  db: Db,
  clock: Clock,
  onError: (error: unknown) => void,
  onClosed?: (count: number) => void | Promise<void>,
) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const count = await closeExpiredRequests(db, clock.now());
      if (count > 0) await onClosed?.(count);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), 60 * 1000);
  timer.unref();
  // and once shortly after start, so deadlines passed while the server was down close at once
  const first = setTimeout(() => void run(), 5 * 1000);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
