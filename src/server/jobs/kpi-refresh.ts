// Keeps the ecosystem's figures fresh: every minute, the figures are recomputed when anything changed since the last
// snapshot (the newest audit row moved) — so the public dashboard is at most a minute behind and costs nothing to
// serve. A round still running when the next is due is not started twice.

/** What the job needs of the analytics service. */
export interface KpiRefresher {
  refreshIfChanged(): Promise<boolean>;
}

export const KPI_REFRESH_INTERVAL_MS = 60 * 1000;

/** One round: answers whether the figures were recomputed; errors go to `onError`, never up. */
export async function runKpiRefresh(analytics: KpiRefresher, onError: (error: unknown) => void): Promise<boolean> {
  try {
    return await analytics.refreshIfChanged();
  } catch (error) {
    onError(error);
    return false;
  }
}

/**
 * Every minute (unref'd: it never keeps the process alive), and once shortly after start, so a fresh database gets
 * its first snapshot without anyone asking. The start-up round is not awaited: on the embedded database a first
 * computation over the full demo data takes a few seconds, and the server is listening meanwhile (a request that
 * comes first computes the same snapshot, once).
 */
export function startKpiRefresh(
  analytics: KpiRefresher,
  onError: (error: unknown) => void,
  options: { intervalMs?: number; firstAfterMs?: number } = {},
) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await runKpiRefresh(analytics, onError);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), options.intervalMs ?? KPI_REFRESH_INTERVAL_MS);
  timer.unref();
  const first = setTimeout(() => void run(), options.firstAfterMs ?? 2000);
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
