// A snapshot as each public answer shows it: the dashboard's figures, series and breakdowns, and the open-data files.
// Pure functions; the service renders each answer once per snapshot and language and keeps the text.
import type { Lang } from '../../http/messages.ts';
import type { KpiPayload } from './analytics.repository.ts';
import {
  BREAKDOWN_RULES,
  type BreakdownDimension,
  type BreakdownSubject,
  FIGURE_LABELS,
  FIGURE_RULES,
  HEADLINE_FIGURES,
  type HeadlineFigure,
  isMoney,
  SERIES_FIGURES,
  type SeriesFigure,
  type SeriesPeriod,
} from './analytics.rules.ts';

export interface SnapshotView {
  id: number;
  computedAt: Date;
  durationMs: number;
  payload: KpiPayload;
}

/** The rule the snapshot was computed by (today's for a figure it predates). */
function ruleOf(snapshot: SnapshotView, figure: HeadlineFigure | SeriesFigure, lang: Lang): string {
  return snapshot.payload.rules?.[lang]?.[figure] ?? FIGURE_RULES[lang][figure];
}

export function statsBody(snapshot: SnapshotView, lang: Lang, forOperator: boolean) {
  return {
    ...snapshot.payload.figures,
    computedAt: snapshot.computedAt.toISOString(),
    ...(forOperator ? { durationMs: snapshot.durationMs } : {}),
    rules: Object.fromEntries(HEADLINE_FIGURES.map((f) => [f, ruleOf(snapshot, f, lang)])) as Record<
      HeadlineFigure,
      string
    >,
  };
}

export function seriesBody(snapshot: SnapshotView, period: SeriesPeriod, lang: Lang, figure?: SeriesFigure) {
  const figures = figure ? [figure] : SERIES_FIGURES;
  const source = period === 'month' ? snapshot.payload.series.monthly : snapshot.payload.series.yearly;
  return {
    period,
    computedAt: snapshot.computedAt.toISOString(),
    series: figures.map((f) => {
      const money = isMoney(f);
      return {
        figure: f,
        label: FIGURE_LABELS[lang][f],
        unit: money ? ('kopecks' as const) : ('count' as const),
        rule: ruleOf(snapshot, f, lang),
        points: source[f].map((p) =>
          money ? { period: p.period, valueKopecks: String(p.value) } : { period: p.period, value: Number(p.value) },
        ),
      };
    }),
  };
}

export function breakdownBody(snapshot: SnapshotView, by: BreakdownDimension, of: BreakdownSubject, lang: Lang) {
  return {
    by,
    of,
    computedAt: snapshot.computedAt.toISOString(),
    rule: BREAKDOWN_RULES[lang][of],
    items: snapshot.payload.breakdowns[of][by],
  };
}

// ---- open data: stable names and units, money in rubles with kopecks

/** Open-data names: money figures lose the Kopecks suffix, since their values are in rubles there. */
export const OPEN_DATA_NAMES: Record<HeadlineFigure | SeriesFigure, string> = {
  participants: 'participants',
  partners: 'partners',
  newParticipants: 'newParticipants',
  projectsImplemented: 'projectsImplemented',
  jointProjects: 'jointProjects',
  investmentKopecks: 'investment',
  supportKopecks: 'support',
  supportPartnersKopecks: 'supportPartners',
  requestsPublished: 'requestsPublished',
  requestsCorporate: 'requestsCorporate',
  requestsCity: 'requestsCity',
  solutions: 'solutions',
  pilots: 'pilots',
  contracts: 'contracts',
  contractsKopecks: 'contractsValue',
};

/** Kopecks as a decimal string of rubles: "123456789" → "1234567.89". */
export function rublesDecimal(kopecks: string | bigint): string {
  const k = BigInt(kopecks);
  const sign = k < 0n ? '-' : '';
  const abs = k < 0n ? -k : k;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

const openValue = (figure: HeadlineFigure | SeriesFigure, value: number | string) =>
  isMoney(figure) ? rublesDecimal(String(value)) : Number(value);
const openUnit = (figure: HeadlineFigure | SeriesFigure) => (isMoney(figure) ? ('RUB' as const) : ('count' as const));

export function openKpisBody(snapshot: SnapshotView, lang: Lang) {
  return {
    computedAt: snapshot.computedAt.toISOString(),
    lang,
    figures: HEADLINE_FIGURES.map((f) => ({
      figure: OPEN_DATA_NAMES[f],
      label: FIGURE_LABELS[lang][f],
      value: openValue(f, snapshot.payload.figures[f]),
      unit: openUnit(f),
      rule: ruleOf(snapshot, f, lang),
    })),
  };
}

export function openSeriesBody(snapshot: SnapshotView, period: SeriesPeriod, lang: Lang) {
  const source = period === 'month' ? snapshot.payload.series.monthly : snapshot.payload.series.yearly;
  return {
    computedAt: snapshot.computedAt.toISOString(),
    lang,
    period,
    series: SERIES_FIGURES.map((f) => ({
      figure: OPEN_DATA_NAMES[f],
      label: FIGURE_LABELS[lang][f],
      unit: openUnit(f),
      rule: ruleOf(snapshot, f, lang),
      points: source[f].map((p) => ({ period: p.period, value: openValue(f, p.value) })),
    })),
  };
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csv = (header: string[], lines: Array<Array<string | number>>) =>
  `\uFEFF${[header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;

/** figure,value,unit,rule,computedAt — UTF-8 with a BOM, comma-separated, a decimal point. */
export function openKpisCsv(snapshot: SnapshotView, lang: Lang): string {
  const body = openKpisBody(snapshot, lang);
  return csv(
    ['figure', 'value', 'unit', 'rule', 'computedAt'],
    body.figures.map((f) => [f.figure, f.value, f.unit, f.rule, body.computedAt]),
  );
}

/** figure,period,value,unit,rule,computedAt — one line per figure and period. */
export function openSeriesCsv(snapshot: SnapshotView, period: SeriesPeriod, lang: Lang): string {
  const body = openSeriesBody(snapshot, period, lang);
  return csv(
    ['figure', 'period', 'value', 'unit', 'rule', 'computedAt'],
    body.series.flatMap((s) => s.points.map((p) => [s.figure, p.period, p.value, s.unit, s.rule, body.computedAt])),
  );
}
