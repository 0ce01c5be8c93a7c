import { Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatKopecks, formatNumber } from '../../../lib/format.ts';
import { useInvestmentTotals } from '../api/investments.ts';

/** The public figure: investment attracted through the platform, with the counting rule next to it. */
export function InvestmentTotals() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const totals = useInvestmentTotals();
  if (totals.isError) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="investment-totals-title">
      <Stack gap={4}>
        <Text id="investment-totals-title" fw={600}>
          {t('investments.totals.title')}
        </Text>
        {totals.isPending ? (
          <Skeleton height={32} width={260} />
        ) : (
          <Group gap="md" align="baseline" wrap="wrap">
            <Text fz={{ base: 26, sm: 32 }} fw={750} c="klaster.9" data-testid="investment-total">
              {formatKopecks(totals.data.amountKopecks, language)}
            </Text>
            <Text>
              {t('investments.totals.deals', {
                count: totals.data.count,
                formatted: formatNumber(totals.data.count, language),
              })}
            </Text>
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {t('investments.totals.rule')}
        </Text>
      </Stack>
    </Paper>
  );
}
