// The ecosystem's figures: headline figures with their counting rules, monthly and yearly series, breakdowns, the
// operator's recompute, and the addresses of the open-data files and the operator's exports. The language is sent
// with every read, so a switch of language fetches the rules and labels anew instead of showing the cached ones.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, api, unwrap } from '../../../lib/api-client.ts';
import type { paths } from '../../../lib/api-schema.d.ts';

export type Stats = ApiAnswer<'/api/stats', 'get'>;
export type HeadlineFigure = keyof Stats['rules'];
export type SeriesAnswer = ApiAnswer<'/api/stats/series', 'get'>;
export type Series = SeriesAnswer['series'][number];
export type SeriesFigure = Series['figure'];
export type SeriesPeriod = SeriesAnswer['period'];
export type Breakdown = ApiAnswer<'/api/stats/breakdowns', 'get'>;
export type BreakdownItem = Breakdown['items'][number];
export type BreakdownDimension = Breakdown['by'];
export type BreakdownSubject = Breakdown['of'];
export type FiguresLanguage = NonNullable<NonNullable<paths['/api/stats']['get']['parameters']['query']>['lang']>;

export const figureKeys = {
  all: ['analytics'] as const,
  stats: (lang: FiguresLanguage) => ['analytics', 'stats', lang] as const,
  series: (figure: SeriesFigure, period: SeriesPeriod, lang: FiguresLanguage) =>
    ['analytics', 'series', figure, period, lang] as const,
  breakdown: (by: BreakdownDimension, of: BreakdownSubject, lang: FiguresLanguage) =>
    ['analytics', 'breakdown', by, of, lang] as const,
};

// the server keeps the figures fresh within a minute; asking more often would only repeat the same snapshot
const FIGURES_STALE_MS = 60_000;

export function useStats(lang: FiguresLanguage) {
  return useQuery({
    queryKey: figureKeys.stats(lang),
    queryFn: () => unwrap(api.GET('/api/stats', { params: { query: { lang } } })),
    staleTime: FIGURES_STALE_MS,
  });
}

export function useSeries(figure: SeriesFigure, period: SeriesPeriod, lang: FiguresLanguage) {
  return useQuery({
    queryKey: figureKeys.series(figure, period, lang),
    queryFn: async () => {
      const answer = await unwrap(api.GET('/api/stats/series', { params: { query: { figure, period, lang } } }));
      const series = answer.series.find((item) => item.figure === figure);
      if (!series) throw new Error(`no series ${figure} in the answer`);
      return { computedAt: answer.computedAt, period: answer.period, series };
    },
    staleTime: FIGURES_STALE_MS,
  });
}

export function useBreakdown(by: BreakdownDimension, of: BreakdownSubject, lang: FiguresLanguage) {
  return useQuery({
    queryKey: figureKeys.breakdown(by, of, lang),
    queryFn: () => unwrap(api.GET('/api/stats/breakdowns', { params: { query: { by, of, lang } } })),
    staleTime: FIGURES_STALE_MS,
  });
}

/** The operator recomputes the figures now; every figure on the page is then read again. */
export function useRefreshFigures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/stats/refresh')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: figureKeys.all }),
  });
}

/** The stable open-data addresses, texts in `lang`. */
export function openDataUrl(
  file: 'kpis' | 'series',
  format: 'json' | 'csv',
  lang: FiguresLanguage,
  period?: SeriesPeriod,
): string {
  const query = new URLSearchParams({ ...(file === 'series' && period ? { period } : {}), lang });
  return `/api/open-data/${file}.${format}?${query}`;
}

export type ExportFormat = 'csv' | 'xlsx';

/** The operator's downloads of the dashboard's figures; headers come in the user's language (the language cookie). */
export function figuresExportUrl(
  list: 'kpis' | 'series' | 'breakdowns',
  format: ExportFormat,
  options: { period?: SeriesPeriod; by?: BreakdownDimension; of?: BreakdownSubject } = {},
): string {
  const query = new URLSearchParams();
  if (list === 'series' && options.period) query.set('period', options.period);
  if (list === 'breakdowns' && options.by) query.set('by', options.by);
  if (list === 'breakdowns' && options.of) query.set('of', options.of);
  const text = query.toString();
  return `/api/exports/${list}.${format}${text ? `?${text}` : ''}`;
}
