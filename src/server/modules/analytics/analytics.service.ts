// The ecosystem's figures: computed into snapshots (after a change, within a minute, or when the operator asks) and
// served from the newest snapshot kept in memory, already rendered, so a visitor costs the database nothing.
import type { Cache } from '../../cache.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, isOperator, requireOperator } from '../../http/actor.ts';
import { invalidFields } from '../../http/app-error.ts';
import type { Lang } from '../../http/messages.ts';
import {
  breakdownBody,
  openKpisBody,
  openKpisCsv,
  openSeriesBody,
  openSeriesCsv,
  type SnapshotView,
  seriesBody,
  statsBody,
} from './analytics.render.ts';
import {
  computeKpis,
  dealsFunnel,
  type FunnelCounts,
  type FunnelFilter,
  findNewestSnapshot,
  findNewestSnapshotHead,
  insertSnapshot,
  KPI_PAYLOAD_VERSION,
  membershipFunnel,
  readChangeMark,
  requestsFunnel,
  type SnapshotRow,
  supportFunnel,
} from './analytics.repository.ts';
import {
  type BreakdownDimension,
  type BreakdownSubject,
  FUNNEL_KEYS,
  FUNNEL_LABELS,
  FUNNEL_RULES,
  FUNNEL_STEP_LABELS,
  FUNNELS,
  type FunnelKey,
  type SeriesFigure,
  type SeriesPeriod,
} from './analytics.rules.ts';

/**
 * Even with no audited change, figures are recomputed this often: changes made outside the services (seeding,
 * imports by hand) write no audit row, and a transaction that took an audit id but committed after a later one
 * could otherwise go unseen until the next change.
 */
export const MAX_SNAPSHOT_AGE_MS = 60 * 60 * 1000;

export type RefreshOutcome = { refreshed: true; snapshot: SnapshotRow } | { refreshed: false; snapshotId: number };

/**
 * Recomputes the figures when something changed since the newest snapshot (the newest audit row differs from the
 * one it saw), when it is older than MAX_SNAPSHOT_AGE_MS, or when forced; stores the result and keeps the last few.
 * The change mark is read before counting, so a change made during the count is picked up by the next refresh.
 */
export async function refreshKpis(db: Db, clock: Clock, options: { force?: boolean } = {}): Promise<RefreshOutcome> {
  const mark = await readChangeMark(db);
  const newest = await findNewestSnapshotHead(db);
  const fresh =
    newest !== null &&
    newest.sourceMark === mark &&
    newest.version === KPI_PAYLOAD_VERSION &&
    clock.now().getTime() - newest.computedAt.getTime() < MAX_SNAPSHOT_AGE_MS;
  if (fresh && !options.force) return { refreshed: false, snapshotId: newest.id };
  const computedAt = clock.now();
  const started = performance.now();
  const payload = await computeKpis(db, computedAt);
  const durationMs = Math.round(performance.now() - started);
  const snapshot = { computedAt, durationMs, sourceMark: mark, payload };
  const id = await insertSnapshot(db, snapshot);
  return { refreshed: true, snapshot: { id, ...snapshot } };
}

/** How often a process looks for a snapshot another process (or the job) stored. */
const RECHECK_MS = 1000;

interface Current extends SnapshotView {
  /** rendered answers of this snapshot, by kind and language */
  rendered: Map<string, string>;
}

export interface FunnelsQuery {
  from?: string;
  to?: string;
  measureId?: string;
  customerId?: string;
  technology?: string;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Moscow midnight at the start of a YYYY-MM-DD day, `plusDays` later (1: the exclusive end of a period ending that day). */
function moscowMidnight(day: string, plusDays = 0): Date {
  const at = new Date(`${day}T00:00:00+03:00`);
  at.setUTCDate(at.getUTCDate() + plusDays);
  return at;
}

function funnelView(key: FunnelKey, counted: FunnelCounts, filters: string[], lang: Lang) {
  const steps = FUNNELS[key];
  const first = counted.counts[0];
  return {
    key,
    label: FUNNEL_LABELS[lang][key],
    rule: FUNNEL_RULES[lang][key],
    filters,
    steps: steps.map((step, i) => {
      const count = counted.counts[i];
      const previous = i === 0 ? null : counted.counts[i - 1];
      const items = counted.items?.[i];
      const median = counted.medians[i];
      return {
        key: step,
        label: FUNNEL_STEP_LABELS[lang][key][step],
        count,
        ...(items === undefined ? {} : { items }),
        conversionFromPrevious: previous ? round(count / previous, 4) : null,
        conversionFromFirst: first ? round(count / first, 4) : null,
        medianDaysFromPrevious: median === null ? null : round(median, 1),
      };
    }),
  };
}

/** The four funnels for the filters given, counted now (the operator's dashboard and its export). */
export async function computeFunnels(db: Db, query: FunnelsQuery, lang: Lang, now: Date) {
  if (query.from && query.to && query.to < query.from) {
    throw invalidFields({ to: { code: 'field.too_small', params: { limit: query.from } } });
  }
  const filter: FunnelFilter = {
    from: query.from ? moscowMidnight(query.from) : undefined,
    to: query.to ? moscowMidnight(query.to, 1) : undefined,
    measureId: query.measureId,
    customerId: query.customerId,
    technology: query.technology,
  };
  const applied = (...own: Array<keyof FunnelsQuery>) =>
    (['from', 'to', ...own] as Array<keyof FunnelsQuery>).filter((f) => query[f] !== undefined);
  // each funnel takes the filters that mean something for it
  const counted: Record<FunnelKey, { counts: FunnelCounts; filters: string[] }> = {
    membership: {
      counts: await membershipFunnel(db, { ...filter, measureId: undefined, customerId: undefined }),
      filters: applied('technology'),
    },
    support: {
      counts: await supportFunnel(db, { ...filter, customerId: undefined }),
      filters: applied('measureId', 'technology'),
    },
    requests: {
      counts: await requestsFunnel(db, { ...filter, measureId: undefined }),
      filters: applied('customerId', 'technology'),
    },
    deals: {
      counts: await dealsFunnel(db, { ...filter, measureId: undefined, customerId: undefined }),
      filters: applied('technology'),
    },
  };
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    computedAt: now.toISOString(),
    funnels: FUNNEL_KEYS.map((key) => funnelView(key, counted[key].counts, counted[key].filters, lang)),
  };
}

/** The newest snapshot of the current payload version, computing one when there is none (exports use it). */
export async function latestSnapshot(db: Db, clock: Clock): Promise<SnapshotRow> {
  const newest = await findNewestSnapshot(db);
  if (newest && newest.payload.version === KPI_PAYLOAD_VERSION) return newest;
  const outcome = await refreshKpis(db, clock, { force: true });
  if (!outcome.refreshed) throw new Error('a forced refresh always computes');
  return outcome.snapshot;
}

export function createAnalyticsService(deps: { db: Db; clock: Clock; cache: Cache }) {
  const { db, clock } = deps;
  let current: Current | null = null;
  let lastCheck = 0;
  let checking: Promise<void> | null = null;
  let loading: Promise<Current> | null = null;
  let refreshing: Promise<Current> | null = null;

  function adopt(row: SnapshotRow): Current {
    if (current?.id !== row.id) current = { ...row, rendered: new Map() };
    return current;
  }

  /** One refresh at a time in this process; a forced one waits for a running one and then runs itself. */
  function refresh(force: boolean): Promise<Current> {
    if (refreshing && !force) return refreshing;
    const before = refreshing ?? Promise.resolve();
    const run: Promise<Current> = before
      .catch(() => {})
      .then(async () => {
        const outcome = await refreshKpis(db, clock, { force });
        if (outcome.refreshed) return adopt(outcome.snapshot);
        if (current?.id === outcome.snapshotId) return current;
        const newest = await findNewestSnapshot(db);
        if (!newest) throw new Error('no KPI snapshot after a refresh');
        return adopt(newest);
      })
      .finally(() => {
        if (refreshing === run) refreshing = null;
      });
    refreshing = run;
    return run;
  }

  async function loadOrCompute(): Promise<Current> {
    const newest = await findNewestSnapshot(db);
    if (newest && newest.payload.version === KPI_PAYLOAD_VERSION) return adopt(newest);
    return refresh(false);
  }

  /** Looks, at most once a second and never on the request's time, for a newer snapshot. */
  function revalidate() {
    const now = Date.now();
    if (checking || now - lastCheck < RECHECK_MS) return;
    lastCheck = now;
    checking = (async () => {
      const head = await findNewestSnapshotHead(db);
      if (!head || head.id === current?.id || head.version !== KPI_PAYLOAD_VERSION) return;
      const newest = await findNewestSnapshot(db);
      if (newest) adopt(newest);
    })()
      .catch(() => {}) // the next look retries; the snapshot in hand stays valid meanwhile
      .finally(() => {
        checking = null;
      });
  }

  /** The newest snapshot: from memory; the very first request of a process loads it (or computes it once). */
  function snapshot(): Current | Promise<Current> {
    if (current) {
      revalidate();
      return current;
    }
    loading ??= loadOrCompute().finally(() => {
      loading = null;
    });
    return loading;
  }

  function textOf(s: Current, key: string, render: (s: Current) => string): string {
    let text = s.rendered.get(key);
    if (text === undefined) {
      text = render(s);
      s.rendered.set(key, text);
    }
    return text;
  }

  /** The answer's text: at once when the snapshot is in memory (every request but a process's first). */
  function rendered(key: string, render: (s: Current) => string): string | Promise<string> {
    const s = snapshot();
    return s instanceof Promise ? s.then((ready) => textOf(ready, key, render)) : textOf(s, key, render);
  }

  return {
    /** GET /api/stats as JSON text: the headline figures with their rules; the operator also sees the duration. */
    statsJson(actor: Actor | null, lang: Lang): string | Promise<string> {
      const operator = isOperator(actor);
      return rendered(`stats:${lang}:${operator}`, (s) => JSON.stringify(statsBody(s, lang, operator)));
    },

    seriesJson(query: { figure?: SeriesFigure; period?: SeriesPeriod }, lang: Lang): string | Promise<string> {
      const period = query.period ?? 'month';
      return rendered(`series:${period}:${query.figure ?? '*'}:${lang}`, (s) =>
        JSON.stringify(seriesBody(s, period, lang, query.figure)),
      );
    },

    breakdownJson(query: { by: BreakdownDimension; of?: BreakdownSubject }, lang: Lang): string | Promise<string> {
      const of = query.of ?? 'participants';
      return rendered(`breakdown:${query.by}:${of}:${lang}`, (s) =>
        JSON.stringify(breakdownBody(s, query.by, of, lang)),
      );
    },

    openKpis(format: 'json' | 'csv', lang: Lang): string | Promise<string> {
      return rendered(`open-kpis:${format}:${lang}`, (s) =>
        format === 'json' ? JSON.stringify(openKpisBody(s, lang)) : openKpisCsv(s, lang),
      );
    },

    openSeries(format: 'json' | 'csv', period: SeriesPeriod, lang: Lang): string | Promise<string> {
      return rendered(`open-series:${format}:${period}:${lang}`, (s) =>
        format === 'json' ? JSON.stringify(openSeriesBody(s, period, lang)) : openSeriesCsv(s, period, lang),
      );
    },

    /** The newest snapshot, for exports of the dashboard's figures. */
    async latest(): Promise<SnapshotView> {
      return snapshot();
    },

    /** POST /api/stats/refresh: the operator recomputes the figures now. */
    async refreshNow(actor: Actor | null) {
      requireOperator(actor);
      const before = current?.id;
      const s = await refresh(true);
      return {
        refreshed: s.id !== before,
        snapshotId: s.id,
        computedAt: s.computedAt.toISOString(),
        durationMs: s.durationMs,
      };
    },

    /** The job's round: recompute only when something changed. Answers whether it did. */
    async refreshIfChanged(): Promise<boolean> {
      const before = current?.id;
      const s = await refresh(false);
      return s.id !== before;
    },

    /** The operator's funnels, counted live for the filters given. */
    async funnels(actor: Actor | null, query: FunnelsQuery, lang: Lang) {
      requireOperator(actor);
      return computeFunnels(db, query, lang, clock.now());
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
