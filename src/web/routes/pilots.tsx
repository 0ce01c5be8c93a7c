// Pilots: the list of the person's pilots (as the company, the customer or the site owner; all for the operator)
// and one pilot's page with the steps its sides may take.
import { Anchor, Button, Grid, Group, Paper, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconMapPin } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PILOT_STATUSES, type PilotStatus } from '../../shared/innovation.ts';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { type SessionUser, useSession } from '../features/auth/api/session.ts';
import { type PilotsFilter, usePilot } from '../features/pilots/api/pilots.ts';
import { PilotActions } from '../features/pilots/components/PilotActions.tsx';
import { PilotFacts } from '../features/pilots/components/PilotFacts.tsx';
import { PilotStatusBadge } from '../features/pilots/components/PilotStatusBadge.tsx';
import { PilotsTable } from '../features/pilots/components/PilotsTable.tsx';
import { PilotTimeline } from '../features/pilots/components/PilotTimeline.tsx';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

type PilotsSearch = { status?: PilotStatus; page?: number };

export function parsePilotsSearch(search: Record<string, unknown>): PilotsSearch {
  const page = Number(search.page);
  return {
    status: PILOT_STATUSES.includes(search.status as PilotStatus) ? (search.status as PilotStatus) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function PilotsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = pilotsRoute.useSearch();
  const filter: PilotsFilter = { ...search, page: search.page ?? 1 };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('pilots.title')}
        description={t('pilots.intro')}
        aside={
          <Button
            component={Link}
            to="/pilot-sites"
            variant="default"
            leftSection={<IconMapPin size={16} aria-hidden />}
          >
            {t('pilots.sites.title')}
          </Button>
        }
      />
      <PilotsTable
        filter={filter}
        onChange={(change) =>
          void navigate({
            to: '/pilots',
            search: (previous) => parsePilotsSearch({ ...previous, ...change }),
          })
        }
      />
    </Stack>
  );
}

export const pilotsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pilots',
  beforeLoad: requireSignedIn,
  validateSearch: parsePilotsSearch,
  component: PilotsPage,
});

/** Owners and managers act for an organization; members only read. */
function actsFor(user: SessionUser | null, organizationId: string): boolean {
  return Boolean(
    user?.organizations.some(
      (organization) =>
        organization.id === organizationId && (organization.orgRole === 'owner' || organization.orgRole === 'manager'),
    ),
  );
}

function PilotPage() {
  const { t } = useTranslation();
  const { id } = pilotRoute.useParams();
  const { user } = useSession();
  const pilot = usePilot(id);
  const back = (
    <Anchor renderRoot={(props) => <Link {...props} to="/pilots" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('pilots.back')}
      </Group>
    </Anchor>
  );
  if (pilot.isPending) return <LoadingBlock lines={8} />;
  if (pilot.isError) {
    return (
      <Stack maw={720}>
        {back}
        <PageHeader title={t('pilots.title')} />
        <ErrorAlert error={pilot.error} />
      </Stack>
    );
  }
  const data = pilot.data;
  const roles = data.viewerRoles;
  const sides = {
    customer: roles.includes('customer') && actsFor(user, data.customerOrganizationId),
    company: roles.includes('company') && actsFor(user, data.organizationId),
    siteOwner: roles.includes('site_owner') && actsFor(user, data.siteOwnerOrganizationId),
  };
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('pilots.numbered', { number: data.number })}
        description={`${data.siteName} · ${data.organizationName} → ${data.customerName}`}
        aside={<PilotStatusBadge status={data.status} size="lg" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {data.status === 'rejected' && data.lastComment && (
              <Paper withBorder p="md" role="note">
                <Title order={2} size="h5" mb={4}>
                  {t('pilots.rejectedBySite')}
                </Title>
                {data.lastComment}
              </Paper>
            )}
            <Paper withBorder p="md">
              <PilotFacts pilot={data} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('pilots.actions.title')}
              </Title>
              <PilotActions pilot={data} sides={sides} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {t('pilots.timeline')}
              </Title>
              <PilotTimeline entries={data.timeline} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const pilotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pilots/$id',
  beforeLoad: requireSignedIn,
  component: PilotPage,
});
