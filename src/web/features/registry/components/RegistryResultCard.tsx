import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ClusterBadge } from '../../../components/ui/MembershipStatusBadge.tsx';
import type { RegistryItem } from '../api/registry.ts';

export function RegistryResultCard({ item }: { item: RegistryItem }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            <Link to="/organizations/$id" params={{ id: item.id }} className="card-title-link">
              {item.shortName}
            </Link>
          </Title>
          <ClusterBadge kind={item.membershipKind} />
        </Group>
        <Text size="sm">
          {item.registryNumber && (
            <>
              {t('cluster.registryNumber')}: <strong>{item.registryNumber}</strong> ·{' '}
            </>
          )}
          {t('organization.inn')}: {item.inn}
          {item.district ? ` · ${item.district}` : ''}
          {` · ${t(`enums.okvedSection.${item.okvedSection}`)}`}
        </Text>
        {item.technologies.length > 0 && (
          <Group gap={6} role="list" aria-label={t('organization.technologies')}>
            {item.technologies.map((technology) => (
              <Badge key={technology} variant="outline" color="klaster.8" size="sm" role="listitem">
                {t(`enums.technology.${technology}`)}
              </Badge>
            ))}
            {item.isStartup && item.startupStage && (
              <Badge variant="outline" color="gray.8" size="sm" role="listitem">
                {t('registry.startup', { stage: t(`enums.startupStage.${item.startupStage}`) })}
              </Badge>
            )}
          </Group>
        )}
        {item.description && (
          <Text size="sm" lineClamp={3}>
            {item.description}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
