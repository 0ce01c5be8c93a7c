import { type TSchema, Type } from 'typebox';
import { DateString, DateTime, Kopecks, Strict, Uuid } from '../../http/schema-helpers.ts';
import { TechnologySchema } from '../organizations/organizations.schemas.ts';
import {
  BREAKDOWN_DIMENSIONS,
  BREAKDOWN_SUBJECTS,
  FUNNEL_KEYS,
  HEADLINE_FIGURES,
  SERIES_FIGURES,
  SERIES_PERIODS,
} from './analytics.rules.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const LangQuery = { lang: Type.Optional(Type.Enum(['ru', 'en'] as const)) };

export const StatsAnswer = Type.Object(
  {
    participants: Type.Integer({ minimum: 0 }),
    partners: Type.Integer({ minimum: 0 }),
    projectsImplemented: Type.Integer({ minimum: 0 }),
    jointProjects: Type.Integer({ minimum: 0 }),
    investmentKopecks: Kopecks,
    supportKopecks: Kopecks,
    supportPartnersKopecks: Kopecks,
    requestsCorporate: Type.Integer({ minimum: 0 }),
    requestsCity: Type.Integer({ minimum: 0 }),
    solutions: Type.Integer({ minimum: 0 }),
    pilots: Type.Integer({ minimum: 0 }),
    contracts: Type.Integer({ minimum: 0 }),
    contractsKopecks: Kopecks,
    computedAt: DateTime,
    durationMs: Type.Optional(
      Type.Integer({ description: 'how long the computation took; shown to the operator only' }),
    ),
    rules: Type.Object(
      Object.fromEntries(HEADLINE_FIGURES.map((f) => [f, Type.String()])) as Record<
        (typeof HEADLINE_FIGURES)[number],
        ReturnType<typeof Type.String>
      >,
    ),
  },
  {
    description:
      'Headline figures; money in kopecks as strings; rules: the counting rule of each, in the user language',
  },
);

export const StatsQuery = Type.Object({ ...LangQuery }, Strict);

export const SeriesFigureSchema = Type.Enum(SERIES_FIGURES);
export const SeriesPeriodSchema = Type.Enum(SERIES_PERIODS);

export const SeriesQuery = Type.Object(
  {
    figure: Type.Optional(SeriesFigureSchema),
    period: Type.Optional(SeriesPeriodSchema),
    ...LangQuery,
  },
  Strict,
);

const SeriesPoint = Type.Object({
  period: Type.String({ description: 'YYYY-MM (month, Moscow time) or YYYY (year)' }),
  value: Type.Optional(Type.Integer({ minimum: 0, description: 'for counts' })),
  valueKopecks: Type.Optional(Type.String({ ...Kopecks, description: 'for money figures (ending Kopecks)' })),
});

export const Series = Type.Object({
  figure: SeriesFigureSchema,
  label: Type.String(),
  unit: Type.Enum(['count', 'kopecks'] as const),
  rule: Type.String(),
  points: Type.Array(SeriesPoint),
});

export const SeriesAnswer = Type.Object({
  period: SeriesPeriodSchema,
  computedAt: DateTime,
  series: Type.Array(Series),
});

export const BreakdownQuery = Type.Object(
  {
    by: Type.Enum(BREAKDOWN_DIMENSIONS),
    of: Type.Optional(Type.Enum(BREAKDOWN_SUBJECTS)),
    ...LangQuery,
  },
  Strict,
);

export const BreakdownAnswer = Type.Object({
  by: Type.Enum(BREAKDOWN_DIMENSIONS),
  of: Type.Enum(BREAKDOWN_SUBJECTS),
  computedAt: DateTime,
  rule: Type.String(),
  items: Type.Array(
    Type.Object({
      value: Nullable(Type.String({ description: 'the key (technology area, OKVED letter, SME category, district)' })),
      count: Type.Integer({ minimum: 0 }),
    }),
  ),
});

export const FunnelsQuery = Type.Object(
  {
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    measureId: Type.Optional(Uuid),
    customerId: Type.Optional(Uuid),
    technology: Type.Optional(TechnologySchema),
  },
  Strict,
);

const FunnelStepSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  count: Type.Integer({ minimum: 0 }),
  items: Type.Optional(
    Type.Integer({ minimum: 0, description: 'requests funnel: the solutions, pilots or contracts themselves' }),
  ),
  conversionFromPrevious: Nullable(Type.Number({ description: 'count ÷ previous count, 0..1, 4 decimals' })),
  conversionFromFirst: Nullable(Type.Number({ description: 'count ÷ first count, 0..1, 4 decimals' })),
  medianDaysFromPrevious: Nullable(Type.Number({ description: 'median days spent since the previous step' })),
});

export const FunnelSchema = Type.Object({
  key: Type.Enum(FUNNEL_KEYS),
  label: Type.String(),
  rule: Type.String(),
  filters: Type.Array(Type.String(), { description: 'the filters that narrowed this funnel' }),
  steps: Type.Array(FunnelStepSchema),
});

export const FunnelsAnswer = Type.Object({
  from: Nullable(DateString),
  to: Nullable(DateString),
  computedAt: DateTime,
  funnels: Type.Array(FunnelSchema),
});

export const RefreshAnswer = Type.Object({
  refreshed: Type.Boolean({ description: 'false when another refresh was running; the newest snapshot is answered' }),
  snapshotId: Type.Integer(),
  computedAt: DateTime,
  durationMs: Type.Integer(),
});

// ---- open data

export const OpenDataQuery = Type.Object({ ...LangQuery }, Strict);

const OpenFigure = Type.Object({
  figure: Type.String({
    description: 'participants, partners, projectsImplemented, jointProjects, investment, support, …',
  }),
  label: Type.String(),
  value: Type.Union([Type.Integer(), Type.String()], {
    description: 'an integer for counts; rubles with kopecks as a decimal string ("1234567.89") for money',
  }),
  unit: Type.Enum(['count', 'RUB'] as const),
  rule: Type.String(),
});

export const OpenKpisAnswer = Type.Object({
  computedAt: DateTime,
  lang: Type.Enum(['ru', 'en'] as const),
  figures: Type.Array(OpenFigure),
});

export const OpenSeriesQuery = Type.Object({ period: Type.Optional(SeriesPeriodSchema), ...LangQuery }, Strict);

export const OpenSeriesAnswer = Type.Object({
  computedAt: DateTime,
  lang: Type.Enum(['ru', 'en'] as const),
  period: SeriesPeriodSchema,
  series: Type.Array(
    Type.Object({
      figure: Type.String(),
      label: Type.String(),
      unit: Type.Enum(['count', 'RUB'] as const),
      rule: Type.String(),
      points: Type.Array(Type.Object({ period: Type.String(), value: Type.Union([Type.Integer(), Type.String()]) })),
    }),
  ),
});

export const CsvText = Type.String({ description: 'CSV, UTF-8 with a BOM' });
