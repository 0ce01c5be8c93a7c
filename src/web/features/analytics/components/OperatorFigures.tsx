import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTimeSeconds, formatNumber } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type BreakdownDimension,
  type BreakdownSubject,
  type ExportFormat,
  figuresExportUrl,
  type SeriesPeriod,
  useRefreshFigures,
  useStats,
} from '../api/figures.ts';

interface OperatorFiguresProps {
  period: SeriesPeriod;
  by: BreakdownDimension;
  of: BreakdownSubject;
}

const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

/** The operator's corner of the dashboard: when and how fast the figures were computed, a recompute, the exports. */
export function OperatorFigures({ period, by, of }: OperatorFiguresProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const stats = useStats(language);
  const refresh = useRefreshFigures();
  const recompute = () =>
    refresh.mutate(undefined, { onSuccess: () => notifySuccess(t('figures.operator.refreshed')) });

  const exports = [
    { key: 'kpis', name: t('figures.operator.exportKpis'), url: (f: ExportFormat) => figuresExportUrl('kpis', f) },
    {
      key: 'series',
      name: t('figures.operator.exportSeries', { period: t(`figures.periodPhrase.${period}`) }),
      url: (f: ExportFormat) => figuresExportUrl('series', f, { period }),
    },
    {
      key: 'breakdowns',
      name: t('figures.operator.exportBreakdown', {
        subject: t(`figures.breakdowns.subjects.${of}`),
        by: t(`figures.breakdowns.byPhrase.${by}`),
      }),
      url: (f: ExportFormat) => figuresExportUrl('breakdowns', f, { by, of }),
    },
  ];

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="figures-operator-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="figures-operator-title">
          {t('figures.operator.title')}
        </Title>
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          <Text aria-live="polite" data-testid="figures-last-computed">
            {stats.data
              ? stats.data.durationMs === undefined
                ? t('figures.operator.lastComputed', { time: formatDateTimeSeconds(stats.data.computedAt) })
                : t('figures.operator.lastComputedIn', {
                    time: formatDateTimeSeconds(stats.data.computedAt),
                    duration: formatNumber(stats.data.durationMs, language),
                  })
              : t('common.loading')}
          </Text>
          <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={recompute} loading={refresh.isPending}>
            {t('figures.operator.refresh')}
          </Button>
        </Group>
        <ErrorAlert error={refresh.error} />
        <Title order={3} size="h4">
          {t('figures.operator.exportsTitle')}
        </Title>
        <Table withTableBorder layout="auto">
          <Table.Tbody>
            {exports.map((item) => (
              <Table.Tr key={item.key}>
                <Table.Th scope="row" fw={500}>
                  {item.name}
                </Table.Th>
                <Table.Td>
                  <Group gap="md" wrap="nowrap">
                    {FORMATS.map((format) => (
                      <Anchor
                        key={format}
                        href={item.url(format)}
                        download
                        aria-label={t('figures.operator.download', { name: item.name, format: format.toUpperCase() })}
                        data-testid={`export-${item.key}-${format}`}
                      >
                        <Group gap={4} component="span" wrap="nowrap">
                          <IconDownload size={14} aria-hidden />
                          {format.toUpperCase()}
                        </Group>
                      </Anchor>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
