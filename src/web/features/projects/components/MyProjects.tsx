// The cabinet's projects: the partner invitations waiting for the person's answer (across the organizations they
// may answer for) and one organization's projects in every status.
import { Alert, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { type MyOrganizationProfile, useOrganizationProjects, usePendingInvitations } from '../api/projects.ts';
import { PartnerDecision } from './PartnerDecision.tsx';
import { JointBadge, PartnerStatusBadge, ProjectStatusBadge } from './ProjectStatusBadge.tsx';

/** Invitations to take part in other organizations' projects, each with the answer buttons. */
export function ProjectInvitations({ organizations }: { organizations: MyOrganizationProfile[] }) {
  const { t } = useTranslation();
  const names = new Map(organizations.map((org) => [org.id, org.shortName]));
  const invitations = usePendingInvitations(organizations.map((org) => org.id));
  if (invitations.error) return <ErrorAlert error={invitations.error} />;
  if (invitations.items.length === 0) return null;
  return (
    <Alert color="blue" title={t('projects.mine.invitationsTitle', { count: invitations.items.length })}>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {invitations.items.map((item) => {
          const organizationId = item.own?.organizationId ?? '';
          const organizationName = names.get(organizationId) ?? '';
          return (
            <Card key={`${item.id}-${organizationId}`} withBorder padding="sm" component="li">
              <Stack gap="xs">
                <Stack gap={2}>
                  <Link to="/projects/$id" params={{ id: item.id }} className="card-title-link">
                    {item.title}
                  </Link>
                  <Text size="sm">
                    {t('projects.mine.invitationText', {
                      number: item.number,
                      lead: item.lead.shortName,
                      organization: organizationName,
                    })}
                  </Text>
                </Stack>
                <PartnerDecision
                  projectId={item.id}
                  projectTitle={item.title}
                  organizationId={organizationId}
                  organizationName={organizationName}
                  size="xs"
                />
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </Alert>
  );
}

/** One organization's projects, led or as a partner, newest first. */
export function OrganizationProjects({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const projects = useOrganizationProjects(organizationId);
  if (projects.isPending) return <Skeleton height={60} />;
  if (projects.isError) return <ErrorAlert error={projects.error} />;
  if (projects.data.items.length === 0) {
    return (
      <Text size="sm">
        {t('projects.mine.none')} <Link to="/projects/new">{t('projects.new')}</Link>
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('projects.mine.title')}>
      {projects.data.items.map((item) => (
        <Card key={item.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
              <Link to="/projects/$id" params={{ id: item.id }} className="card-title-link">
                {item.title}
              </Link>
              <Text size="sm">
                {item.number} ·{' '}
                {item.own?.role === 'partner'
                  ? t('projects.mine.asPartner', { lead: item.lead.shortName })
                  : t('projects.mine.asLead')}{' '}
                · {t('projects.mine.since', { date: formatDate(item.startedOn) })}
              </Text>
            </Stack>
            <Group gap={6}>
              {item.own?.partnerStatus && <PartnerStatusBadge status={item.own.partnerStatus} />}
              {item.joint && <JointBadge />}
              <ProjectStatusBadge status={item.status} />
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
