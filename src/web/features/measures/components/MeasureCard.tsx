import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../../lib/format.ts';
import type { MeasureSummary } from '../api/measures.ts';

export function MeasureCard({ measure }: { measure: MeasureSummary }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Card withBorder padding="lg" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h4" style={{ flex: 1, minWidth: 220 }}>
            <Link to="/measures/$id" params={{ id: measure.id }} className="card-title-link">
              {measure.title}
            </Link>
          </Title>
          <Group gap={6}>
            {measure.eligible === true && (
              <Badge variant="filled" color="#1e6f36" c="#ffffff">
                {t('measures.eligibleBadge')}
              </Badge>
            )}
            {measure.eligible === false && (
              <Badge variant="outline" color="#495057" c="#343a40">
                {t('measures.notEligibleBadge')}
              </Badge>
            )}
            <Badge
              variant={measure.isOpen ? 'filled' : 'outline'}
              color={measure.isOpen ? '#143466' : '#495057'}
              c={measure.isOpen ? '#ffffff' : '#343a40'}
            >
              {t(measure.isOpen ? 'measures.openNow' : 'measures.closedNow')}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {t(`enums.measureKind.${measure.kind}`)} · {measure.provider}
        </Text>
        <Text size="sm">
          {t('measures.upTo', { amount: formatKopecks(measure.maxAmountKopecks, language) })} ·{' '}
          {t('measures.window', { from: formatDate(measure.opensAt), to: formatDate(measure.closesAt) })}
        </Text>
        <Text size="sm" lineClamp={3}>
          {measure.description}
        </Text>
      </Stack>
    </Card>
  );
}
