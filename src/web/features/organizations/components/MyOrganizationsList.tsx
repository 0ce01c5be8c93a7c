import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../../../components/ui/LoadingBlock.tsx';
import { MembershipStatusBadge } from '../../../components/ui/MembershipStatusBadge.tsx';
import { useMyOrganizations } from '../api/organizations.ts';

/** The organizations I belong to, with their cluster status and registry number. */
export function MyOrganizationsList() {
  const { t } = useTranslation();
  const organizations = useMyOrganizations();

  if (organizations.isPending) return <LoadingBlock />;
  if (organizations.isError) return <ErrorAlert error={organizations.error} />;

  if (organizations.data.items.length === 0) {
    return (
      <Card withBorder padding="lg">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('cabinet.noOrganizations')}</Text>
          <Text c="dimmed">{t('cabinet.noOrganizationsHint')}</Text>
          <Button component={Link} to="/organizations/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('cabinet.registerOrganization')}
          </Button>
        </Stack>
      </Card>
    );
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" role="list">
      {organizations.data.items.map((organization) => (
        <Card key={organization.id} withBorder padding="lg" role="listitem">
          <Stack gap="xs">
            <Link to="/organizations/$id" params={{ id: organization.id }} className="card-title-link">
              {organization.shortName}
            </Link>
            <Text size="sm" c="dimmed">
              {t('organization.inn')}: {organization.inn}
              {organization.myOrgRole ? ` · ${t(`enums.orgRole.${organization.myOrgRole}`)}` : ''}
            </Text>
            <Group gap="xs">
              <MembershipStatusBadge status={organization.membershipStatus} />
              {organization.registryNumber && (
                <Text size="sm" fw={600}>
                  {t('cluster.registryNumber')}: {organization.registryNumber}
                </Text>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
