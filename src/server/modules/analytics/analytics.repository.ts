// The counting queries behind the ecosystem's figures, and the snapshots they are kept in. Each source table is read
// once, aggregated in SQL (count/sum with FILTER, grouping sets, unnest for technology areas); the headline figures
// are the sums of the monthly series, so a figure and its chart never disagree.
import { desc, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { kpiSnapshots } from '../../db/schema/analytics.ts';
import {
  BREAKDOWN_DIMENSIONS,
  BREAKDOWN_SUBJECTS,
  type BreakdownDimension,
  type BreakdownSubject,
  FIGURE_RULES,
  HEADLINE_FIGURES,
  type HeadlineFigure,
  isMoney,
  SERIES_FIGURES,
  type SeriesFigure,
} from './analytics.rules.ts';

/** Counts as numbers, money (…Kopecks) as integer strings. */
export type KpiFigures = { [F in HeadlineFigure]: F extends `${string}Kopecks` ? string : number };

export interface SeriesPoint {
  period: string;
  /** a number for counts, an integer string of kopecks for money */
  value: number | string;
}

export interface BreakdownItem {
  value: string | null;
  count: number;
}

/** Grows when the payload's shape changes: a snapshot of another version is recomputed, never served. */
export const KPI_PAYLOAD_VERSION = 1;

export interface KpiPayload {
  version: typeof KPI_PAYLOAD_VERSION;
  figures: KpiFigures;
  /** the counting rules the figures were computed by */
  rules: typeof FIGURE_RULES;
  series: { monthly: Record<SeriesFigure, SeriesPoint[]>; yearly: Record<SeriesFigure, SeriesPoint[]> };
  breakdowns: Record<BreakdownSubject, Record<BreakdownDimension, BreakdownItem[]>>;
}

const MOSCOW = 'Europe/Moscow';
/** The Moscow month of a timestamp column, 'YYYY-MM'. */
const monthOfTimestamp = (column: SQL) => sql`to_char(${column} at time zone ${sql.raw(`'${MOSCOW}'`)}, 'YYYY-MM')`;
const monthOfDate = (column: SQL) => sql`to_char(${column}, 'YYYY-MM')`;

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** The Moscow month of a moment, 'YYYY-MM'. */
export function moscowMonth(at: Date): string {
  const shifted = new Date(at.getTime() + 3 * 3600 * 1000); // Moscow keeps UTC+3 all year since 2014
  return shifted.toISOString().slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

type Buckets = Record<SeriesFigure, Map<string, bigint>>;

function add(buckets: Buckets, figure: SeriesFigure, month: string | null, amount: bigint | number | string) {
  if (month === null) return;
  const map = buckets[figure];
  map.set(month, (map.get(month) ?? 0n) + BigInt(amount));
}

const total = (map: Map<string, bigint>) => [...map.values()].reduce((a, b) => a + b, 0n);

/** Monthly points from the first month with data to the later of now and the last month with data, gaps as zero. */
function toSeries(buckets: Buckets, now: Date): KpiPayload['series'] {
  const months = [moscowMonth(now), ...Object.values(buckets).flatMap((m) => [...m.keys()])].sort();
  const first = months[0];
  const last = months[months.length - 1];
  const span: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) span.push(m);
  const monthly = {} as Record<SeriesFigure, SeriesPoint[]>;
  const yearly = {} as Record<SeriesFigure, SeriesPoint[]>;
  for (const figure of SERIES_FIGURES) {
    const money = isMoney(figure);
    const value = (n: bigint) => (money ? n.toString() : Number(n));
    const byYear = new Map<string, bigint>();
    monthly[figure] = span.map((period) => {
      const n = buckets[figure].get(period) ?? 0n;
      const year = period.slice(0, 4);
      byYear.set(year, (byYear.get(year) ?? 0n) + n);
      return { period, value: value(n) };
    });
    yearly[figure] = [...byYear].map(([period, n]) => ({ period, value: value(n) }));
  }
  return { monthly, yearly };
}

interface BreakdownRow {
  by: BreakdownDimension;
  value: string | null;
  n: number;
}

function toBreakdown(list: BreakdownRow[]): Record<BreakdownDimension, BreakdownItem[]> {
  const result = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, [] as BreakdownItem[]])) as Record<
    BreakdownDimension,
    BreakdownItem[]
  >;
  for (const row of list) result[row.by].push({ value: row.value, count: Number(row.n) });
  for (const items of Object.values(result)) {
    items.sort(
      (a, b) =>
        b.count - a.count ||
        (a.value === null ? 1 : b.value === null ? -1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  }
  return result;
}

/** Breakdowns of a set of rows (okved_section, sme_category, district, technologies) in one pass. */
const breakdownQuery = (source: SQL) => sql`
  with counted as materialized (${source})
  select case when grouping(okved_section) = 0 then 'okvedSection'
              when grouping(sme_category) = 0 then 'smeCategory'
              else 'district' end as by,
         case when grouping(okved_section) = 0 then okved_section
              when grouping(sme_category) = 0 then sme_category
              else district end as value,
         count(*)::int as n
    from counted
   group by grouping sets ((okved_section), (sme_category), (district))
  union all
  select 'technology', t, count(*)::int from counted, unnest(counted.technologies) as t group by t`;

/**
 * Every figure, series and breakdown, as of now. Reads each source once; at 10× Moscow's scale this is a few
 * seconds of PostgreSQL's time, which is why the answers are kept in snapshots rather than counted per visitor.
 */
export async function computeKpis(db: DbOrTx, now: Date): Promise<KpiPayload> {
  const buckets = Object.fromEntries(SERIES_FIGURES.map((f) => [f, new Map<string, bigint>()])) as Buckets;

  const members = await rows<{ kind: string | null; month: string | null; n: number }>(
    db,
    sql`select membership_kind as kind, ${monthOfTimestamp(sql`admitted_at`)} as month, count(*)::int as n
          from organizations
         where membership_status = 'participant'
         group by 1, 2`,
  );
  let participants = 0;
  let partners = 0;
  for (const row of members) {
    if (row.kind === 'participant') {
      participants += Number(row.n);
      add(buckets, 'newParticipants', row.month, row.n);
    } else if (row.kind === 'partner') partners += Number(row.n);
  }

  const participantBreakdown = await rows<BreakdownRow>(
    db,
    breakdownQuery(sql`select okved_section, sme_category, district, technologies from organizations
                        where membership_status = 'participant' and membership_kind = 'participant'`),
  );

  for (const row of await rows<{ month: string; n: number; joint: number }>(
    db,
    sql`select ${monthOfDate(sql`implemented_on`)} as month, count(*)::int as n, (count(*) filter (where joint))::int as joint
          from projects where status = 'implemented' group by 1`,
  )) {
    add(buckets, 'projectsImplemented', row.month, row.n);
    add(buckets, 'jointProjects', row.month, row.joint);
  }

  const projectBreakdown = await rows<BreakdownRow>(
    db,
    breakdownQuery(sql`select o.okved_section, o.sme_category, p.lead_district as district, p.technologies
                         from projects p join organizations o on o.id = p.lead_organization_id
                        where p.status = 'implemented'`),
  );

  for (const row of await rows<{ month: string; s: string }>(
    db,
    sql`select ${monthOfDate(sql`deal_date`)} as month, sum(amount_kopecks)::text as s
          from deals
         where status = 'closed' and investor_confirmed_at is not null and company_confirmed_at is not null
           and disputed_at is null
         group by 1`,
  )) {
    add(buckets, 'investmentKopecks', row.month, row.s);
  }

  for (const row of await rows<{ kind: string; month: string; s: string }>(
    db,
    sql`select o.membership_kind as kind, ${monthOfTimestamp(sql`t.paid_at`)} as month, sum(t.amount_kopecks)::text as s
          from tranches t
          join applications a on a.id = t.application_id
          join organizations o on o.id = a.organization_id
         where o.membership_status = 'participant' and o.membership_kind in ('participant', 'partner')
         group by 1, 2`,
  )) {
    add(buckets, row.kind === 'participant' ? 'supportKopecks' : 'supportPartnersKopecks', row.month, row.s);
  }

  for (const row of await rows<{ kind: string; month: string; n: number }>(
    db,
    sql`select kind, ${monthOfTimestamp(sql`published_at`)} as month, count(*)::int as n
          from requests where published_at is not null group by 1, 2`,
  )) {
    add(buckets, 'requestsPublished', row.month, row.n);
    add(buckets, row.kind === 'city' ? 'requestsCity' : 'requestsCorporate', row.month, row.n);
  }

  for (const row of await rows<{ month: string; n: number }>(
    db,
    sql`select ${monthOfTimestamp(sql`submitted_at`)} as month, count(*)::int as n
          from solutions where submitted_at is not null group by 1`,
  )) {
    add(buckets, 'solutions', row.month, row.n);
  }

  for (const row of await rows<{ month: string; n: number }>(
    db,
    sql`select ${monthOfDate(sql`starts_on`)} as month, count(*)::int as n
          from pilots where status in ('approved', 'running', 'completed') group by 1`,
  )) {
    add(buckets, 'pilots', row.month, row.n);
  }

  for (const row of await rows<{ month: string; n: number; s: string }>(
    db,
    sql`select ${monthOfDate(sql`signed_on`)} as month, count(*)::int as n, sum(amount_kopecks)::text as s
          from contracts group by 1`,
  )) {
    add(buckets, 'contracts', row.month, row.n);
    add(buckets, 'contractsKopecks', row.month, row.s);
  }

  const figures = {} as Record<HeadlineFigure, number | string>;
  for (const figure of HEADLINE_FIGURES) {
    if (figure === 'participants') figures[figure] = participants;
    else if (figure === 'partners') figures[figure] = partners;
    else {
      const sum = total(buckets[figure]);
      figures[figure] = isMoney(figure) ? sum.toString() : Number(sum);
    }
  }

  return {
    version: KPI_PAYLOAD_VERSION,
    figures: figures as KpiFigures,
    rules: FIGURE_RULES,
    series: toSeries(buckets, now),
    breakdowns: Object.fromEntries(
      BREAKDOWN_SUBJECTS.map((s) => [s, toBreakdown(s === 'participants' ? participantBreakdown : projectBreakdown)]),
    ) as KpiPayload['breakdowns'],
  };
}

// ---- snapshots

/** The newest audit row: every state change writes one, so a figure can only have moved if this has. */
export async function readChangeMark(db: DbOrTx): Promise<number> {
  const [row] = await rows<{ mark: string }>(db, sql`select coalesce(max(id), 0)::text as mark from audit_log`);
  return Number(row.mark);
}

export async function findNewestSnapshotHead(db: DbOrTx) {
  const [row] = await db
    .select({
      id: kpiSnapshots.id,
      computedAt: kpiSnapshots.computedAt,
      durationMs: kpiSnapshots.durationMs,
      sourceMark: kpiSnapshots.sourceMark,
      version: sql<number | null>`(${kpiSnapshots.payload}->>'version')::int`,
    })
    .from(kpiSnapshots)
    .orderBy(desc(kpiSnapshots.id))
    .limit(1);
  return row ?? null;
}

export interface SnapshotRow {
  id: number;
  computedAt: Date;
  durationMs: number;
  sourceMark: number;
  payload: KpiPayload;
}

export async function findNewestSnapshot(db: DbOrTx): Promise<SnapshotRow | null> {
  const [row] = await db.select().from(kpiSnapshots).orderBy(desc(kpiSnapshots.id)).limit(1);
  return row ? { ...row, payload: row.payload as KpiPayload } : null;
}

export const SNAPSHOTS_KEPT = 10;

/** Stores a snapshot and forgets all but the newest few. */
export async function insertSnapshot(db: DbOrTx, snapshot: Omit<SnapshotRow, 'id'>): Promise<number> {
  const [row] = await db.insert(kpiSnapshots).values(snapshot).returning({ id: kpiSnapshots.id });
  await db
    .delete(kpiSnapshots)
    .where(
      lt(
        kpiSnapshots.id,
        sql`(select coalesce(min(id), 0) from (select id from ${kpiSnapshots} order by id desc limit ${SNAPSHOTS_KEPT}) as kept)`,
      ),
    );
  return row.id;
}

// ---- funnels (live, for the operator)

export interface FunnelFilter {
  /** inclusive start and exclusive end of the period the entry step falls in */
  from?: Date;
  to?: Date;
  measureId?: string;
  customerId?: string;
  technology?: string;
}

const days = (from: SQL, to: SQL) => sql`extract(epoch from (${to} - ${from})) / 86400.0`;
const median = (from: SQL, to: SQL) => sql`percentile_cont(0.5) within group (order by ${days(from, to)})`;

function period(column: SQL, filter: FunnelFilter): SQL {
  return sql.join(
    [
      sql`true`,
      filter.from ? sql`${column} >= ${filter.from.toISOString()}::timestamptz` : undefined,
      filter.to ? sql`${column} < ${filter.to.toISOString()}::timestamptz` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
}

const withTechnology = (organization: SQL, filter: FunnelFilter) =>
  filter.technology
    ? sql`join organizations o on o.id = ${organization} and o.technologies @> array[${filter.technology}]::text[]`
    : sql``;

type Medians = Array<number | null>;

export interface FunnelCounts {
  counts: number[];
  items?: Array<number | undefined>;
  medians: Medians;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function membershipFunnel(db: DbOrTx, filter: FunnelFilter): Promise<FunnelCounts> {
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`select count(*)::int as applied,
               (count(*) filter (where j.at is not null or m.status in ('participant', 'suspended', 'excluded')))::int
                 as participant,
               ${median(sql`m.created_at`, sql`j.at`)} as d1
          from membership_applications m
          ${withTechnology(sql`m.organization_id`, filter)}
          left join lateral (
            select min(e.at) as at from membership_events e where e.application_id = m.id and e.status = 'participant'
          ) j on true
         where ${period(sql`m.created_at`, filter)}`,
  );
  return { counts: [Number(row.applied), Number(row.participant)], medians: [null, num(row.d1)] };
}

const REGISTERED_OR_LATER = sql`('registered', 'under_review', 'approved', 'rejected', 'agreement_signed', 'disbursing', 'reporting', 'completed')`;
const APPROVED_OR_LATER = sql`('approved', 'agreement_signed', 'disbursing', 'reporting', 'completed')`;

export async function supportFunnel(db: DbOrTx, filter: FunnelFilter): Promise<FunnelCounts> {
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`with steps as (
          select a.status,
                 coalesce(ev.submitted_at, a.submitted_at) as submitted_at,
                 ev.registered_at,
                 a.status in ${REGISTERED_OR_LATER} or ev.registered_at is not null as registered,
                 coalesce(ev.approved_at, case when a.status in ${APPROVED_OR_LATER} then a.decided_at end) as approved_at,
                 a.status in ${APPROVED_OR_LATER} or ev.approved_at is not null as approved,
                 tr.paid_at
            from applications a
            ${withTechnology(sql`a.organization_id`, filter)}
            left join lateral (
              select min(e.at) filter (where e.status = 'submitted') as submitted_at,
                     min(e.at) filter (where e.status = 'registered') as registered_at,
                     min(e.at) filter (where e.status = 'approved') as approved_at
                from application_events e where e.application_id = a.id
            ) ev on true
            left join lateral (select min(t.paid_at) as paid_at from tranches t where t.application_id = a.id) tr on true
           where a.submitted_at is not null ${filter.measureId ? sql`and a.measure_id = ${filter.measureId}` : sql``}
        )
        select count(*)::int as submitted,
               (count(*) filter (where registered or approved or paid_at is not null))::int as registered,
               (count(*) filter (where approved or paid_at is not null))::int as approved,
               (count(*) filter (where paid_at is not null))::int as paid,
               ${median(sql`submitted_at`, sql`registered_at`)} as d1,
               ${median(sql`registered_at`, sql`approved_at`)} as d2,
               ${median(sql`approved_at`, sql`paid_at`)} as d3
          from steps
         where ${period(sql`submitted_at`, filter)}`,
  );
  return {
    counts: [row.submitted, row.registered, row.approved, row.paid].map(Number),
    medians: [null, num(row.d1), num(row.d2), num(row.d3)],
  };
}

export async function requestsFunnel(db: DbOrTx, filter: FunnelFilter): Promise<FunnelCounts> {
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`with r as materialized (
          select id, published_at from requests
           where published_at is not null and ${period(sql`published_at`, filter)}
             ${filter.customerId ? sql`and organization_id = ${filter.customerId}` : sql``}
             ${filter.technology ? sql`and technologies @> array[${filter.technology}]::text[]` : sql``}
        ),
        s as materialized (
          select s.id, s.request_id, s.submitted_at, s.status, s.decided_at
            from solutions s join r on r.id = s.request_id
           where s.submitted_at is not null
        ),
        shortlisted as (
          select s.request_id, coalesce(ev.at, s.decided_at) as at
            from s
            left join lateral (
              select min(e.at) as at from status_events e
               where e.entity = 'solution' and e.entity_id = s.id and e.to_status = 'shortlisted'
            ) ev on true
           where ev.at is not null or s.status in ('shortlisted', 'pilot', 'contract', 'not_adopted')
        ),
        piloted as (
          select p.request_id, coalesce(ev.at, p.created_at) as at
            from pilots p join r on r.id = p.request_id
            left join lateral (
              select min(e.at) as at from status_events e
               where e.entity = 'pilot' and e.entity_id = p.id and e.to_status = 'approved'
            ) ev on true
           where p.status in ('approved', 'running', 'completed')
        ),
        contracted as (select c.request_id, c.created_at as at from contracts c join r on r.id = c.request_id),
        fs as (select request_id, count(*) as n, min(submitted_at) as at from s group by 1),
        fsl as (select request_id, count(*) as n, min(at) as at from shortlisted group by 1),
        fp as (select request_id, count(*) as n, min(at) as at from piloted group by 1),
        fc as (select request_id, count(*) as n, min(at) as at from contracted group by 1)
        select count(*)::int as published,
               count(fs.request_id)::int as with_solutions, coalesce(sum(fs.n), 0)::int as solutions,
               count(fsl.request_id)::int as with_shortlist, coalesce(sum(fsl.n), 0)::int as shortlisted,
               count(fp.request_id)::int as with_pilot, coalesce(sum(fp.n), 0)::int as pilots,
               count(fc.request_id)::int as with_contract, coalesce(sum(fc.n), 0)::int as contracts,
               ${median(sql`r.published_at`, sql`fs.at`)} as d1,
               ${median(sql`fs.at`, sql`fsl.at`)} as d2,
               ${median(sql`fsl.at`, sql`fp.at`)} as d3,
               ${median(sql`coalesce(fp.at, fsl.at)`, sql`fc.at`)} as d4
          from r
          left join fs on fs.request_id = r.id
          left join fsl on fsl.request_id = r.id
          left join fp on fp.request_id = r.id
          left join fc on fc.request_id = r.id`,
  );
  return {
    counts: [row.published, row.with_solutions, row.with_shortlist, row.with_pilot, row.with_contract].map(Number),
    items: [undefined, Number(row.solutions), Number(row.shortlisted), Number(row.pilots), Number(row.contracts)],
    medians: [null, num(row.d1), num(row.d2), num(row.d3), num(row.d4)],
  };
}

export async function dealsFunnel(db: DbOrTx, filter: FunnelFilter): Promise<FunnelCounts> {
  const confirmed = sql`d.status = 'closed' and d.investor_confirmed_at is not null and d.company_confirmed_at is not null and d.disputed_at is null`;
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`select count(*)::int as intro,
               (count(*) filter (where d.status = 'closed'))::int as closed,
               (count(*) filter (where ${confirmed}))::int as confirmed,
               ${median(sql`d.created_at`, sql`case when d.status = 'closed' then d.closed_at end`)} as d1,
               ${median(sql`d.closed_at`, sql`case when ${confirmed} then greatest(d.investor_confirmed_at, d.company_confirmed_at) end`)} as d2
          from deals d
          ${withTechnology(sql`d.organization_id`, filter)}
         where ${period(sql`d.created_at`, filter)}`,
  );
  return {
    counts: [row.intro, row.closed, row.confirmed].map(Number),
    medians: [null, num(row.d1), num(row.d2)],
  };
}
