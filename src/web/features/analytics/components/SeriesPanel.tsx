import { Box, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { type SeriesFigure, type SeriesPeriod, useSeries } from '../api/figures.ts';
import { SERIES_FIGURES, SERIES_PERIODS, seriesTable } from './figure-values.ts';
import { TableAlternative } from './TableAlternative.tsx';

const SeriesChart = lazy(() => import('./FigureCharts.tsx').then((module) => ({ default: module.SeriesChart })));

interface SeriesPanelProps {
  figure: SeriesFigure;
  period: SeriesPeriod;
  onChange: (change: { figure?: SeriesFigure; period?: SeriesPeriod }) => void;
}

/** A figure over time: the figure and month/year chosen, a chart titled with its unit, its table and its rule. */
export function SeriesPanel({ figure, period, onChange }: SeriesPanelProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const series = useSeries(figure, period, language);
  const figureLabel = t(`figures.labels.${figure}`);
  const table = series.data ? seriesTable(series.data.series, language) : null;
  const unit = table ? t(`figures.units.${table.unit}`) : '';
  const title = t('figures.series.chartTitle', {
    figure: figureLabel,
    period: t(`figures.periodPhrase.${period}`),
    unit,
  });
  const chartHeight = phone ? 240 : 300;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="figures-series-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="figures-series-title">
          {t('figures.series.title')}
        </Title>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('figures.series.figure')}
            data={SERIES_FIGURES.map((value) => ({ value, label: t(`figures.labels.${value}`) }))}
            value={figure}
            onChange={(value) => value && onChange({ figure: value as SeriesFigure })}
            allowDeselect={false}
            w={{ base: '100%', sm: 380 }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="figures-period-label">
              {t('figures.series.period')}
            </Text>
            <SegmentedControl
              aria-labelledby="figures-period-label"
              data={SERIES_PERIODS.map((value) => ({ value, label: t(`figures.periods.${value}`) }))}
              value={period}
              onChange={(value) => onChange({ period: value as SeriesPeriod })}
            />
          </Stack>
        </Group>

        <ErrorAlert error={series.error} />
        {series.isPending && (
          <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')} role="status">
            <Skeleton height={22} width="60%" />
            <Skeleton height={chartHeight} />
          </Stack>
        )}
        {series.data && table && (
          <Box component="figure" m={0} aria-labelledby="figures-series-chart-title">
            <Stack gap="sm">
              <Title order={3} size="h4" id="figures-series-chart-title" data-testid="series-chart-title">
                {title}
              </Title>
              {table.rows.length === 0 ? (
                <Text>{t('figures.series.empty')}</Text>
              ) : (
                <Box data-testid="series-chart">
                  <Suspense fallback={<Skeleton height={chartHeight} />}>
                    <SeriesChart
                      rows={table.rows}
                      period={period}
                      label={figureLabel}
                      language={language}
                      height={chartHeight}
                    />
                  </Suspense>
                </Box>
              )}
              <Text size="sm" c="dimmed">
                <Text span fw={600} c="dark.7" size="sm">
                  {t('figures.ruleLabel')}{' '}
                </Text>
                {series.data.series.rule}
              </Text>
              <TableAlternative
                testId="series-table"
                summary={t('figures.tableSummary', { count: table.rows.length })}
                caption={title}
                columns={[
                  t('figures.series.periodColumn'),
                  t(table.unit === 'count' ? 'figures.series.countColumn' : 'figures.series.amountColumn'),
                ]}
                rows={table.rows.map((row) => ({ key: row.period, label: row.label, value: row.exact }))}
              />
            </Stack>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
