import { Box, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../lib/format.ts';
import { type BreakdownDimension, type BreakdownSubject, useBreakdown } from '../api/figures.ts';
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_SUBJECTS, breakdownRows } from './figure-values.ts';
import { TableAlternative } from './TableAlternative.tsx';

const BreakdownChart = lazy(() => import('./FigureCharts.tsx').then((module) => ({ default: module.BreakdownChart })));

interface BreakdownPanelProps {
  by: BreakdownDimension;
  of: BreakdownSubject;
  onChange: (change: { by?: BreakdownDimension; of?: BreakdownSubject }) => void;
}

// the dictionary sections that name the codes a breakdown answers with; districts are their own names
const ENUM_SECTIONS: Partial<Record<BreakdownDimension, string>> = {
  technology: 'enums.technology',
  okvedSection: 'enums.okvedSection',
  smeCategory: 'enums.smeCategory',
};

/** Participants or implemented projects by technology area, OKVED section, SME category or district. */
export function BreakdownPanel({ by, of, onChange }: BreakdownPanelProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const breakdown = useBreakdown(by, of, language);
  const section = ENUM_SECTIONS[by];
  const labelOf = (key: string | null) =>
    key === null ? t('figures.breakdowns.notGiven') : section ? t(`${section}.${key}`, { defaultValue: key }) : key;
  const rows = breakdown.data ? breakdownRows(breakdown.data.items, labelOf) : [];
  const unit = t('figures.units.count');
  const title = t('figures.breakdowns.chartTitle', {
    subject: t(`figures.breakdowns.subjects.${of}`),
    by: t(`figures.breakdowns.byPhrase.${by}`),
    unit,
  });

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="figures-breakdown-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="figures-breakdown-title">
          {t('figures.breakdowns.title')}
        </Title>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('figures.breakdowns.by')}
            data={BREAKDOWN_DIMENSIONS.map((value) => ({ value, label: t(`figures.breakdowns.dimensions.${value}`) }))}
            value={by}
            onChange={(value) => value && onChange({ by: value as BreakdownDimension })}
            allowDeselect={false}
            w={{ base: '100%', sm: 300 }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="figures-subject-label">
              {t('figures.breakdowns.of')}
            </Text>
            <SegmentedControl
              aria-labelledby="figures-subject-label"
              data={BREAKDOWN_SUBJECTS.map((value) => ({
                value,
                label: t(`figures.breakdowns.subjectsShort.${value}`),
              }))}
              value={of}
              onChange={(value) => onChange({ of: value as BreakdownSubject })}
            />
          </Stack>
        </Group>

        <ErrorAlert error={breakdown.error} />
        {breakdown.isPending && (
          <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')} role="status">
            <Skeleton height={22} width="60%" />
            <Skeleton height={260} />
          </Stack>
        )}
        {breakdown.data && (
          <Box component="figure" m={0} aria-labelledby="figures-breakdown-chart-title">
            <Stack gap="sm">
              <Title order={3} size="h4" id="figures-breakdown-chart-title" data-testid="breakdown-chart-title">
                {title}
              </Title>
              {rows.length === 0 ? (
                <Text>{t('figures.breakdowns.empty')}</Text>
              ) : (
                <Box data-testid="breakdown-chart">
                  <Suspense fallback={<Skeleton height={rows.length * 30 + 40} />}>
                    <BreakdownChart
                      rows={rows}
                      label={t(`figures.breakdowns.subjects.${of}`)}
                      language={language}
                      narrow={phone}
                    />
                  </Suspense>
                </Box>
              )}
              <Text size="sm" c="dimmed">
                <Text span fw={600} c="dark.7" size="sm">
                  {t('figures.ruleLabel')}{' '}
                </Text>
                {breakdown.data.rule}
              </Text>
              <TableAlternative
                testId="breakdown-table"
                summary={t('figures.tableSummary', { count: rows.length })}
                caption={title}
                columns={[t(`figures.breakdowns.dimensions.${by}`), t('figures.breakdowns.countColumn', { unit })]}
                rows={rows.map((row) => ({
                  key: row.key ?? '',
                  label: row.label,
                  value: formatNumber(row.count, language),
                }))}
              />
            </Stack>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
