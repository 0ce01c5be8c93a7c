import { Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { MembershipStatusBadge } from '../components/ui/MembershipStatusBadge.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { useMembershipApplication } from '../features/membership/api/membership.ts';
import { ApplicationActions } from '../features/membership/components/ApplicationActions.tsx';
import { MembershipTimeline } from '../features/membership/components/MembershipTimeline.tsx';
import { OrganizationProfile } from '../features/organizations/components/OrganizationProfile.tsx';
import { formatDate } from '../lib/format.ts';
import { requireSignedIn } from './guards.ts';
import { OperatorOnly } from './operator-guard.tsx';
import { rootRoute } from './root.tsx';

function ApplicationPage() {
  const { t } = useTranslation();
  const { id } = operatorApplicationRoute.useParams();
  const application = useMembershipApplication(id);

  const back = (
    <Anchor renderRoot={(props) => <Link {...props} to="/operator/membership" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('queue.backToQueue')}
      </Group>
    </Anchor>
  );

  if (application.isPending) return <LoadingBlock lines={8} />;
  if (application.isError) {
    return (
      <Stack maw={720}>
        {back}
        <PageHeader title={t('queue.applicationTitle')} />
        <ErrorAlert error={application.error} />
      </Stack>
    );
  }

  const data = application.data;
  const organization = data.organization;

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('queue.applicationOf', { name: organization.shortName })}
        description={t('membership.appliedAs', {
          kind: t(`enums.membershipKind.${data.kind}`),
          date: formatDate(data.createdAt),
        })}
        aside={<MembershipStatusBadge status={data.status} size="lg" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('queue.actions')}
                </Title>
                {data.comment && (
                  <Text>
                    {t('queue.applicantComment')}: {data.comment}
                  </Text>
                )}
                {organization.registryNumber && (
                  <Text fw={600}>
                    {t('cluster.registryNumber')}: {organization.registryNumber}
                  </Text>
                )}
                <ApplicationActions application={data} />
              </Stack>
            </Paper>
            <Title order={2} size="h4">
              {t('queue.organizationData')}
            </Title>
            <OrganizationProfile organization={organization} />
            <Group>
              <Button
                variant="default"
                renderRoot={(props) => <Link {...props} to="/organizations/$id" params={{ id: organization.id }} />}
              >
                {t('queue.openOrganization')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="md">
              {t('membership.timeline')}
            </Title>
            <MembershipTimeline entries={data.timeline} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function OperatorApplicationPage() {
  return (
    <OperatorOnly>
      <ApplicationPage />
    </OperatorOnly>
  );
}

export const operatorApplicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/membership/$id',
  beforeLoad: requireSignedIn,
  component: OperatorApplicationPage,
});
