import { Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { placeholderKeys } from '../../../components/ui/placeholder-keys.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDateTime, formatKopecks } from '../../../lib/format.ts';
import { type HeadlineFigure, type Stats, useStats } from '../api/figures.ts';
import { formatFigure, isMoneyFigure, isShortened, type ShortScale } from './figure-values.ts';

/** The words of short amounts («млрд»), from the dictionary. */
export const shortMoneyWords = (t: TFunction): Record<ShortScale, string> => ({
  thousand: t('figures.short.thousand'),
  million: t('figures.short.million'),
  billion: t('figures.short.billion'),
});

interface HeadlineFiguresProps {
  figures: readonly HeadlineFigure[];
  /** the dashboard shows each figure's counting rule beside it; the home page's strip links to them instead */
  withRules: boolean;
  /** the level of each figure's name among the page's headings; none on the home page's strip */
  headingOrder?: 3 | 4;
}

function FigureCard({
  figure,
  stats,
  withRules,
  headingOrder,
}: { figure: HeadlineFigure; stats: Stats } & Omit<HeadlineFiguresProps, 'figures'>) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const money = isMoneyFigure(figure);
  const value = stats[figure];
  const label = t(`figures.labels.${figure}`);
  return (
    <Card withBorder padding="md" data-testid={`figure-${figure}`}>
      <Stack gap={6}>
        {headingOrder ? (
          <Title order={headingOrder} size="h5" fw={600}>
            {label}
          </Title>
        ) : (
          <Text fw={600}>{label}</Text>
        )}
        <Text fz={{ base: 26, sm: 30 }} fw={750} c="klaster.9" lh={1.15} data-testid="figure-value">
          {formatFigure(value, money, language, shortMoneyWords(t))}
        </Text>
        {money && isShortened(String(value)) && (
          <Text size="sm" data-testid="figure-exact">
            {t('figures.exact', { value: formatKopecks(String(value), language) })}
          </Text>
        )}
        {withRules && (
          <Text size="sm" c="dimmed" data-testid="figure-rule">
            <Text span fw={600} c="dark.7" size="sm">
              {t('figures.ruleLabel')}{' '}
            </Text>
            {stats.rules[figure]}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** Headline figures as cards: value, name and, on the dashboard, how it is counted. */
export function HeadlineFigures({ figures, withRules, headingOrder }: HeadlineFiguresProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const stats = useStats(language);
  if (stats.isError) return <ErrorAlert error={stats.error} />;
  const columns = withRules ? { base: 1, sm: 2, lg: 3 } : { base: 1, xs: 2, md: 4 };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={columns} spacing="md" aria-busy={stats.isPending}>
        {stats.isPending
          ? placeholderKeys(figures.length).map((key) => (
              <Card key={key} withBorder padding="md">
                <Stack gap="xs">
                  <Skeleton height={14} width="60%" />
                  <Skeleton height={30} width="45%" />
                  {withRules && <Skeleton height={40} />}
                </Stack>
              </Card>
            ))
          : figures.map((figure) => (
              <FigureCard
                key={figure}
                figure={figure}
                stats={stats.data}
                withRules={withRules}
                headingOrder={headingOrder}
              />
            ))}
      </SimpleGrid>
      {stats.data && (
        <Text size="sm" c="dimmed" data-testid="figures-computed-at">
          {t('figures.computedAt', { time: formatDateTime(stats.data.computedAt) })}
        </Text>
      )}
    </Stack>
  );
}
