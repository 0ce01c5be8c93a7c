import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PilotSite } from '../api/pilots.ts';

/** One pilot site in the public registry: name, kind, district, address, owner and what can be tested there. */
export function PilotSiteCard({ site }: { site: PilotSite }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`site-${site.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={`site-${site.id}`}>
            {site.name}
          </Title>
          <Group gap={6}>
            <Badge variant="outline" color="klaster.8" c="klaster.9">
              {t(`pilots.siteKind.${site.kind}`)}
            </Badge>
            <Badge variant="outline" color="gray.8" c="gray.9">
              {site.district}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {t('pilots.sites.address')}: {site.address}
        </Text>
        <Text size="sm">
          {t('pilots.sites.owner')}: {site.ownerName}
        </Text>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('pilots.sites.testable')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} lineClamp={6}>
            {site.testable}
          </Text>
        </Stack>
        {site.description && (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {site.description}
          </Text>
        )}
        {!site.active && (
          <Text size="sm" fw={600} c="#8a4b00">
            {t('pilots.sites.inactive')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
