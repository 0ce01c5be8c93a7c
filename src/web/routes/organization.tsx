// An organization's page: the public profile for everyone, and for its members the tabs
// Profile (with editing), Members and Cluster membership; for its owners also Integrations.
import { Alert, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconBuilding, IconCertificate, IconEdit, IconPlugConnected, IconUsers } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { ClusterBadge, MembershipStatusBadge } from '../components/ui/MembershipStatusBadge.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { IntegrationsPanel } from '../features/integrations/components/IntegrationsPanel.tsx';
import { MembershipPanel } from '../features/membership/components/MembershipPanel.tsx';
import {
  type FullOrganization,
  isFullOrganization,
  type OrganizationView,
  useOrganization,
  useUpdateOrganization,
} from '../features/organizations/api/organizations.ts';
import { MembersPanel } from '../features/organizations/components/MembersPanel.tsx';
import { OrganizationForm } from '../features/organizations/components/OrganizationForm.tsx';
import { OrganizationProfile } from '../features/organizations/components/OrganizationProfile.tsx';
import { formValuesOf, toPatchBody } from '../features/organizations/components/organization-form-values.ts';
import { isApiError } from '../lib/api-client.ts';
import { notifySuccess } from '../lib/notify.ts';
import { rootRoute } from './root.tsx';

const TABS = ['profile', 'members', 'membership', 'integrations'] as const;
type OrganizationTab = (typeof TABS)[number];

interface OrganizationSearch {
  tab?: OrganizationTab;
}

function StatusBadges({ organization }: { organization: OrganizationView }) {
  const { t } = useTranslation();
  const admitted = organization.membershipStatus === 'participant';
  return (
    <Group gap="sm" align="center">
      {admitted ? (
        <ClusterBadge kind={organization.membershipKind} size="lg" />
      ) : (
        isFullOrganization(organization) && <MembershipStatusBadge status={organization.membershipStatus} size="lg" />
      )}
      {organization.registryNumber && (
        <Text fw={650}>
          {t('cluster.registryNumber')}: {organization.registryNumber}
        </Text>
      )}
    </Group>
  );
}

function EditableProfile({ organization }: { organization: FullOrganization }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateOrganization(organization.id);
  const { refetch } = useOrganization(organization.id);
  const canEdit = organization.myOrgRole === 'owner' || organization.myOrgRole === 'manager';
  const stale = isApiError(update.error) && update.error.status === 409;

  if (!editing) {
    return (
      <Stack gap="md">
        {canEdit && (
          <Group justify="flex-end">
            <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('organizationPage.edit')}
            </Button>
          </Group>
        )}
        <OrganizationProfile organization={organization} />
      </Stack>
    );
  }

  return (
    <OrganizationForm
      // a reloaded profile (new version) starts the form afresh
      key={organization.version}
      mode="edit"
      initialValues={formValuesOf(organization)}
      submitting={update.isPending}
      error={update.error}
      errorExtra={
        stale && (
          <Button
            size="sm"
            mt="sm"
            variant="default"
            onClick={() => {
              update.reset();
              void refetch();
            }}
          >
            {t('organizationPage.reload')}
          </Button>
        )
      }
      onSubmit={(values) =>
        update.mutate(toPatchBody(values, organization.version), {
          onSuccess: () => {
            notifySuccess(t('organizationPage.saved'));
            setEditing(false);
          },
          onError: () => window.scrollTo({ top: 0 }),
        })
      }
      onCancel={() => {
        update.reset();
        setEditing(false);
      }}
    />
  );
}

function MemberTabs({ organization, tab }: { organization: FullOrganization; tab: OrganizationTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = organization.myOrgRole === 'owner' || organization.myOrgRole === 'manager';
  // API tokens act with an owner's rights, so only owners see and manage them
  const isOwner = organization.myOrgRole === 'owner';
  return (
    <Tabs
      value={tab}
      onChange={(value) =>
        void navigate({
          to: '/organizations/$id',
          params: { id: organization.id },
          search: { tab: value === 'profile' ? undefined : (value as OrganizationTab) },
          replace: true,
        })
      }
      keepMounted={false}
    >
      <Tabs.List mb="lg" aria-label={t('organizationPage.sections')}>
        <Tabs.Tab value="profile" leftSection={<IconBuilding size={16} aria-hidden />}>
          {t('organizationPage.tabProfile')}
        </Tabs.Tab>
        <Tabs.Tab value="members" leftSection={<IconUsers size={16} aria-hidden />}>
          {t('organizationPage.tabMembers')}
        </Tabs.Tab>
        <Tabs.Tab value="membership" leftSection={<IconCertificate size={16} aria-hidden />}>
          {t('organizationPage.tabMembership')}
        </Tabs.Tab>
        {isOwner && (
          <Tabs.Tab value="integrations" leftSection={<IconPlugConnected size={16} aria-hidden />}>
            {t('integrations.tab')}
          </Tabs.Tab>
        )}
      </Tabs.List>
      <Tabs.Panel value="profile">
        <EditableProfile organization={organization} />
      </Tabs.Panel>
      <Tabs.Panel value="members">
        <MembersPanel organizationId={organization.id} myRole={organization.myOrgRole} />
      </Tabs.Panel>
      <Tabs.Panel value="membership">
        <MembershipPanel
          organizationId={organization.id}
          regionCode={organization.regionCode}
          registryNumber={organization.registryNumber}
          canApply={canManage}
        />
      </Tabs.Panel>
      {isOwner && (
        <Tabs.Panel value="integrations">
          <IntegrationsPanel organizationId={organization.id} />
        </Tabs.Panel>
      )}
    </Tabs>
  );
}

function OrganizationPage() {
  const { t } = useTranslation();
  const { id } = organizationRoute.useParams();
  const { tab = 'profile' } = organizationRoute.useSearch();
  const organization = useOrganization(id);

  if (organization.isPending) return <LoadingBlock lines={8} />;
  if (organization.isError) {
    const notFound = isApiError(organization.error) && organization.error.status === 404;
    return (
      <Stack gap="md" maw={720}>
        <PageHeader title={t(notFound ? 'organizationPage.notFoundTitle' : 'errors.title')} />
        {notFound ? <Text>{t('organizationPage.notFoundText')}</Text> : <ErrorAlert error={organization.error} />}
        <Group>
          <Button component={Link} to="/registry" variant="default">
            {t('nav.registry')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const data = organization.data;
  const isMember = isFullOrganization(data) && data.myOrgRole !== null;

  return (
    <Stack gap="md">
      <PageHeader title={data.shortName} description={data.fullName} aside={<StatusBadges organization={data} />} />
      {isFullOrganization(data) && !isMember && <Alert color="klaster">{t('organizationPage.operatorView')}</Alert>}
      {isMember ? <MemberTabs organization={data} tab={tab} /> : <OrganizationProfile organization={data} />}
    </Stack>
  );
}

export const organizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations/$id',
  validateSearch: (search: Record<string, unknown>): OrganizationSearch => ({
    tab: TABS.includes(search.tab as OrganizationTab) ? (search.tab as OrganizationTab) : undefined,
  }),
  component: OrganizationPage,
});
