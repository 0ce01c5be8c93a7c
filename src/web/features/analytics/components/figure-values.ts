// The dashboard's figures as the page shows them: which figures there are and in what unit, the chooser state a link
// carries, and money made readable. Money stays exact (bigint kopecks) everywhere except the numbers fed to a chart
// axis, which needs floats.
import { type FormatLanguage, formatKopecks, formatNumber } from '../../../lib/format.ts';
import type {
  BreakdownDimension,
  BreakdownItem,
  BreakdownSubject,
  HeadlineFigure,
  Series,
  SeriesFigure,
  SeriesPeriod,
} from '../api/figures.ts';

type Unit = 'count' | 'money';

// records rather than lists, so a figure the API adds and the page forgets is a type error, not a silent gap
const HEADLINE_UNITS: Record<HeadlineFigure, Unit> = {
  participants: 'count',
  partners: 'count',
  projectsImplemented: 'count',
  jointProjects: 'count',
  investmentKopecks: 'money',
  supportKopecks: 'money',
  supportPartnersKopecks: 'money',
  requestsCorporate: 'count',
  requestsCity: 'count',
  solutions: 'count',
  pilots: 'count',
  contracts: 'count',
  contractsKopecks: 'money',
};

const SERIES_UNITS: Record<SeriesFigure, Unit> = {
  newParticipants: 'count',
  projectsImplemented: 'count',
  jointProjects: 'count',
  investmentKopecks: 'money',
  supportKopecks: 'money',
  supportPartnersKopecks: 'money',
  requestsPublished: 'count',
  requestsCorporate: 'count',
  requestsCity: 'count',
  solutions: 'count',
  pilots: 'count',
  contracts: 'count',
  contractsKopecks: 'money',
};

const DIMENSIONS: Record<BreakdownDimension, true> = {
  technology: true,
  okvedSection: true,
  smeCategory: true,
  district: true,
};
const SUBJECTS: Record<BreakdownSubject, true> = { participants: true, projects: true };
const PERIODS: Record<SeriesPeriod, true> = { month: true, year: true };

/** The headline figures in the order the dashboard shows them. */
export const HEADLINE_FIGURES = Object.keys(HEADLINE_UNITS) as HeadlineFigure[];
export const SERIES_FIGURES = Object.keys(SERIES_UNITS) as SeriesFigure[];
export const BREAKDOWN_DIMENSIONS = Object.keys(DIMENSIONS) as BreakdownDimension[];
export const BREAKDOWN_SUBJECTS = Object.keys(SUBJECTS) as BreakdownSubject[];
export const SERIES_PERIODS = Object.keys(PERIODS) as SeriesPeriod[];

/** The figures of the home page's strip: what the city quotes about its cluster. */
export const HOME_FIGURES = [
  'participants',
  'projectsImplemented',
  'jointProjects',
  'investmentKopecks',
  'supportKopecks',
  'requestsCorporate',
  'requestsCity',
] as const satisfies readonly HeadlineFigure[];

const UNITS: Record<HeadlineFigure | SeriesFigure, Unit> = { ...SERIES_UNITS, ...HEADLINE_UNITS };

export const isMoneyFigure = (figure: HeadlineFigure | SeriesFigure): boolean => UNITS[figure] === 'money';

// ---- the chooser state in the address

export interface FiguresSearch {
  figure?: SeriesFigure;
  period?: SeriesPeriod;
  by?: BreakdownDimension;
  of?: BreakdownSubject;
}

export const FIGURES_DEFAULTS: Required<FiguresSearch> = {
  figure: 'projectsImplemented',
  period: 'month',
  by: 'technology',
  of: 'participants',
};

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/**
 * The view a link asks for. A default choice is left out, so one view has one address; an unknown value falls back
 * to the default rather than breaking the page.
 */
export function parseFiguresSearch(search: Record<string, unknown>): FiguresSearch {
  const pick = <K extends keyof FiguresSearch>(key: K, allowed: readonly NonNullable<FiguresSearch[K]>[]) => {
    const value = oneOf(allowed, search[key]);
    return value === FIGURES_DEFAULTS[key] ? undefined : value;
  };
  return {
    figure: pick('figure', SERIES_FIGURES),
    period: pick('period', SERIES_PERIODS),
    by: pick('by', BREAKDOWN_DIMENSIONS),
    of: pick('of', BREAKDOWN_SUBJECTS),
  };
}

export const resolveFiguresSearch = (search: FiguresSearch): Required<FiguresSearch> => ({
  figure: search.figure ?? FIGURES_DEFAULTS.figure,
  period: search.period ?? FIGURES_DEFAULTS.period,
  by: search.by ?? FIGURES_DEFAULTS.by,
  of: search.of ?? FIGURES_DEFAULTS.of,
});

// ---- money made readable

/** Units a money chart or a short amount is told in. */
export type MoneyScale = 'rub' | 'thousand' | 'million' | 'billion';
export type ShortScale = Exclude<MoneyScale, 'rub'>;

const KOPECKS_PER: Record<MoneyScale, bigint> = {
  rub: 100n,
  thousand: 100_000n,
  million: 100_000_000n,
  billion: 100_000_000_000n,
};
const LARGEST_FIRST: MoneyScale[] = ['billion', 'million', 'thousand', 'rub'];

const abs = (value: bigint) => (value < 0n ? -value : value);

/** Division rounded half away from zero. */
function divideRounded(dividend: bigint, divisor: bigint): bigint {
  const quotient = (abs(dividend) * 2n + divisor) / (divisor * 2n);
  return dividend < 0n ? -quotient : quotient;
}

/** The unit a money chart reads best in: the largest in which its biggest value is at least one. */
export function chartMoneyScale(kopecks: readonly string[]): MoneyScale {
  // bigints, which Math.max does not take
  let largest = 0n;
  for (const value of kopecks) {
    const amount = abs(BigInt(value));
    if (amount > largest) largest = amount;
  }
  return LARGEST_FIRST.find((scale) => largest >= KOPECKS_PER[scale]) ?? 'rub';
}

/** Kopecks as a number of the chart's unit, to two decimals: the one place money becomes a float (an axis needs it). */
export function kopecksInScale(kopecks: string, scale: MoneyScale): number {
  return Number(divideRounded(BigInt(kopecks) * 100n, KOPECKS_PER[scale])) / 100;
}

/**
 * A large amount the way people say it, «34,2 млрд ₽» / «₽34.2 bn»: one decimal, in the largest unit the amount
 * reaches; when rounding makes a thousand of that unit, in the next one («1,0 млрд», not «1 000,0 млн»). Under a
 * thousand rubles the exact amount is as short, and is answered as is.
 */
export function formatShortKopecks(
  kopecks: string,
  language: FormatLanguage,
  words: Record<ShortScale, string>,
): string {
  const amount = BigInt(kopecks);
  const reached = LARGEST_FIRST.findIndex((scale) => abs(amount) >= KOPECKS_PER[scale]);
  if (reached === -1 || LARGEST_FIRST[reached] === 'rub') return formatKopecks(amount, language);
  let index = reached;
  let tenths = divideRounded(amount * 10n, KOPECKS_PER[LARGEST_FIRST[index]]);
  if (abs(tenths) >= 10_000n && index > 0) {
    index -= 1;
    tenths = divideRounded(amount * 10n, KOPECKS_PER[LARGEST_FIRST[index]]);
  }
  const scale = LARGEST_FIRST[index] as ShortScale;
  const whole = formatNumber(abs(tenths) / 10n, language);
  const number = `${tenths < 0n ? '−' : ''}${whole}${language === 'ru' ? ',' : '.'}${abs(tenths) % 10n}`;
  return language === 'ru' ? `${number}\u00A0${words[scale]}\u00A0₽` : `₽${number}\u00A0${words[scale]}`;
}

/** Whether the short form leaves digits out, so the exact amount is worth showing beside it. */
export const isShortened = (kopecks: string): boolean => abs(BigInt(kopecks)) >= KOPECKS_PER.thousand;

/** A headline figure's value as the dashboard shows it: grouped digits, or a short amount of money. */
export function formatFigure(
  value: number | string,
  money: boolean,
  language: FormatLanguage,
  words: Record<ShortScale, string>,
): string {
  return money ? formatShortKopecks(String(value), language, words) : formatNumber(Number(value), language);
}

// ---- series and breakdowns as chart data and table rows

/** '2024-03' → '03.2024', the date style of the whole app; a year stays as it is. */
export function formatPeriod(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? `${month[2]}.${month[1]}` : period;
}

export interface SeriesRow {
  period: string;
  /** the period as people read it */
  label: string;
  /** for the chart: a count, or money in `scale` units */
  value: number;
  /** for the table: the exact count or amount */
  exact: string;
}

export interface SeriesTable {
  unit: 'count' | MoneyScale;
  rows: SeriesRow[];
}

/** A series as chart points and table rows, money in one unit chosen for its largest value. */
export function seriesTable(series: Pick<Series, 'unit' | 'points'>, language: FormatLanguage): SeriesTable {
  if (series.unit === 'count') {
    return {
      unit: 'count',
      rows: series.points.map((point) => ({
        period: point.period,
        label: formatPeriod(point.period),
        value: point.value ?? 0,
        exact: formatNumber(point.value ?? 0, language),
      })),
    };
  }
  const scale = chartMoneyScale(series.points.map((point) => point.valueKopecks ?? '0'));
  return {
    unit: scale,
    rows: series.points.map((point) => {
      const kopecks = point.valueKopecks ?? '0';
      return {
        period: point.period,
        label: formatPeriod(point.period),
        value: kopecksInScale(kopecks, scale),
        exact: formatKopecks(kopecks, language),
      };
    }),
  };
}

export interface BreakdownRow {
  /** the API's key; null when not given */
  key: string | null;
  label: string;
  count: number;
}

/** Breakdown items with readable labels, largest first as the API sends them. */
export function breakdownRows(
  items: readonly BreakdownItem[],
  labelOf: (key: string | null) => string,
): BreakdownRow[] {
  return items.map((item) => ({ key: item.value, label: labelOf(item.value), count: item.count }));
}

/** A label cut to fit a narrow chart axis; the table beside the chart keeps it whole. */
export function shortLabel(label: string, maxLength: number): string {
  const characters = [...label];
  return characters.length <= maxLength
    ? label
    : `${characters
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`;
}
