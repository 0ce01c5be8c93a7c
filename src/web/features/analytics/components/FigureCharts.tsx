// The charts themselves, in a module of their own: the charting library is loaded only by the pages that draw.
import { AreaChart, BarChart } from '@mantine/charts';
import { formatNumber } from '../../../lib/format.ts';
import type { FiguresLanguage, SeriesPeriod } from '../api/figures.ts';
import type { BreakdownRow, SeriesRow } from './figure-values.ts';
import { shortLabel } from './figure-values.ts';

interface SeriesChartProps {
  rows: SeriesRow[];
  period: SeriesPeriod;
  label: string;
  language: FiguresLanguage;
  height: number;
}

/** A figure over time: bars for years, an area for the many months. */
export function SeriesChart({ rows, period, label, language, height }: SeriesChartProps) {
  const props = {
    h: height,
    data: rows,
    dataKey: 'label',
    series: [{ name: 'value', label, color: 'klaster.7' }],
    valueFormatter: (value: number) => formatNumber(value, language),
    tickLine: 'y' as const,
    gridAxis: 'x' as const,
    textColor: 'gray.8',
  };
  return period === 'year' ? (
    <BarChart {...props} maxBarWidth={56} />
  ) : (
    <AreaChart {...props} curveType="linear" withDots={false} />
  );
}

interface BreakdownChartProps {
  rows: BreakdownRow[];
  label: string;
  language: FiguresLanguage;
  /** a phone has room for short axis labels only; the table beside the chart keeps them whole */
  narrow: boolean;
}

// a phone's axis labels may take two lines, so its bars stand further apart
const BAR_HEIGHT = { wide: 30, narrow: 38 };

/** Horizontal bars, largest first, each with its count written beside it. */
export function BreakdownChart({ rows, label, language, narrow }: BreakdownChartProps) {
  return (
    <BarChart
      h={rows.length * BAR_HEIGHT[narrow ? 'narrow' : 'wide'] + 40}
      data={rows}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'count', label, color: 'klaster.7' }]}
      valueFormatter={(value) => formatNumber(value, language)}
      withBarValueLabel
      barLabelColor="gray.9"
      gridAxis="y"
      textColor="gray.8"
      maxBarWidth={22}
      yAxisProps={{
        width: narrow ? 136 : 240,
        interval: 0,
        tick: { transform: 'translate(-6, 0)', fontSize: narrow ? 11 : 12, fill: 'currentColor' },
        tickFormatter: (text: string) => shortLabel(text, narrow ? 22 : 40),
      }}
    />
  );
}
