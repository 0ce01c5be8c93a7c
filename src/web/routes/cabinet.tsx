import { Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { createRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { MyApplicationsList } from '../features/applications/components/MyApplicationsList.tsx';
import { useSession } from '../features/auth/api/session.ts';
import { InvitationsList } from '../features/organizations/components/InvitationsList.tsx';
import { MyOrganizationsList } from '../features/organizations/components/MyOrganizationsList.tsx';
import { OrganizationPicker } from '../features/organizations/components/OrganizationPicker.tsx';
import { canActFor, useMyOrganizationNames } from '../features/projects/api/projects.ts';
import { OrganizationProjects, ProjectInvitations } from '../features/projects/components/MyProjects.tsx';
import { RecommendationList } from '../features/search/components/RecommendationList.tsx';
import { MySolutionsList } from '../features/solutions/components/MySolutionsList.tsx';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

function CabinetPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const projectDeciders = useMyOrganizationNames((user?.organizations ?? []).filter(canActFor));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('cabinet.title')}
        description={user ? t('cabinet.greeting', { name: user.fullName }) : undefined}
        aside={
          <Button component={Link} to="/organizations/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('cabinet.registerOrganization')}
          </Button>
        }
      />
      <InvitationsList />
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('cabinet.organizations')}
          </Title>
        </Group>
        <MyOrganizationsList />
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('applications.mine')}
        </Title>
        <OrganizationPicker
          value={organizationId}
          onChange={setOrganizationId}
          label={t('applications.forOrganization')}
        />
        {organizationId && <MyApplicationsList organizationId={organizationId} />}
      </Stack>
      {organizationId && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('recommendations.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('recommendations.forOrganization')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <RecommendationList kind="requests" subject={{ organizationId }} title={t('recommendations.requests')} />
            <RecommendationList kind="measures" subject={{ organizationId }} title={t('recommendations.measures')} />
          </SimpleGrid>
        </Stack>
      )}
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {t('solutions.mine.title')}
          </Title>
          <Anchor renderRoot={(props) => <Link {...props} to="/pilots" />}>{t('solutions.mine.toPilots')}</Anchor>
        </Group>
        {organizationId && <MySolutionsList organizationId={organizationId} />}
      </Stack>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {t('projects.mine.title')}
          </Title>
          <Group gap="md">
            <Anchor renderRoot={(props) => <Link {...props} to="/projects/new" />}>{t('projects.new')}</Anchor>
            <Anchor renderRoot={(props) => <Link {...props} to="/deals" />}>{t('investments.deals.title')}</Anchor>
          </Group>
        </Group>
        {projectDeciders.data && <ProjectInvitations organizations={projectDeciders.data} />}
        {organizationId && <OrganizationProjects organizationId={organizationId} />}
      </Stack>
    </Stack>
  );
}

export const cabinetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cabinet',
  beforeLoad: requireSignedIn,
  component: CabinetPage,
});
