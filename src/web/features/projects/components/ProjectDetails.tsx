// The parts of a project's page: its facts, its partners (with the answer buttons for the caller's own
// organization), the records it came from and its timeline.
import { Anchor, Badge, Card, Group, List, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from '../../../../shared/ventures.ts';
import { StatusTimeline } from '../../../components/ui/StatusTimeline.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../../lib/format.ts';
import type { ProjectDetail } from '../api/projects.ts';
import { PartnerDecision } from './PartnerDecision.tsx';
import { JointBadge, PartnerStatusBadge, ProjectStatusBadge } from './ProjectStatusBadge.tsx';

export function ProjectFacts({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows: Array<[string, ReactNode]> = [
    [t('projects.facts.number'), project.number],
    [
      t('projects.facts.lead'),
      <Anchor
        key="lead"
        renderRoot={(props) => <Link {...props} to="/organizations/$id" params={{ id: project.lead.id }} />}
      >
        {project.lead.shortName}
      </Anchor>,
    ],
    [t('projects.facts.status'), <ProjectStatusBadge key="status" status={project.status} />],
    [t('projects.facts.stage'), t(`projects.stage.${project.stage}`)],
    [t('projects.facts.trl'), t('projects.trlValue', { trl: project.trl })],
    [
      t('projects.facts.budget'),
      project.budgetKopecks === null ? t('projects.facts.noBudget') : formatKopecks(project.budgetKopecks, language),
    ],
    [t('projects.facts.startedOn'), formatDate(project.startedOn)],
    [
      t('projects.facts.plannedEndOn'),
      project.plannedEndOn ? formatDate(project.plannedEndOn) : t('projects.facts.notSet'),
    ],
  ];
  if (project.implementedOn) rows.push([t('projects.facts.implementedOn'), formatDate(project.implementedOn)]);
  rows.push([
    t('projects.facts.participants'),
    <Stack key="participants" gap={4} align="flex-start">
      <Text size="sm">{t('projects.participantsCount', { count: project.confirmedParticipants })}</Text>
      {project.joint ? <JointBadge /> : <Text size="sm">{t('projects.facts.notJointYet')}</Text>}
    </Stack>,
  ]);
  return (
    <Table variant="vertical" layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="45%">
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The lead and the partners; the caller's own invited organization gets the answer buttons. */
export function ProjectPartners({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const mine = new Map(project.viewer.partnerOrganizations.map((partner) => [partner.organizationId, partner]));
  const insider = project.viewer.leadRole !== null || project.viewer.operator || mine.size > 0;
  const open = project.status !== 'cancelled';
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('projects.partners')}>
      <Card withBorder padding="sm" component="li">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Anchor
              fw={600}
              renderRoot={(props) => <Link {...props} to="/organizations/$id" params={{ id: project.lead.id }} />}
            >
              {project.lead.shortName}
            </Anchor>
            <Text size="sm">
              {t('projects.partnerRole.lead')}
              {project.lead.district ? ` · ${project.lead.district}` : ''}
            </Text>
          </Stack>
          <Group gap={6}>
            <ParticipantBadge participant={project.lead.isParticipant} />
          </Group>
        </Group>
      </Card>
      {project.partners.map((partner) => {
        const own = mine.get(partner.organizationId);
        return (
          <Card key={partner.organizationId} withBorder padding="sm" component="li">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Anchor
                    fw={600}
                    renderRoot={(props) => (
                      <Link {...props} to="/organizations/$id" params={{ id: partner.organizationId }} />
                    )}
                  >
                    {partner.shortName}
                  </Anchor>
                  <Text size="sm">
                    {partner.role || t('projects.partnerRole.partner')}
                    {partner.district ? ` · ${partner.district}` : ''}
                  </Text>
                  {insider && (
                    <Text size="xs" c="dimmed">
                      {t('projects.partnerInvited', { date: formatDate(partner.invitedAt) })}
                      {partner.decidedAt
                        ? ` · ${t('projects.partnerDecided', { date: formatDate(partner.decidedAt) })}`
                        : ''}
                    </Text>
                  )}
                </Stack>
                <Group gap={6}>
                  <ParticipantBadge participant={partner.isParticipant} />
                  <PartnerStatusBadge status={partner.status} />
                </Group>
              </Group>
              {own?.canDecide && own.status === 'invited' && open && (
                <PartnerDecision
                  projectId={project.id}
                  projectTitle={project.title}
                  organizationId={partner.organizationId}
                  organizationName={partner.shortName}
                />
              )}
            </Stack>
          </Card>
        );
      })}
      {project.partners.length === 0 && (
        <Text size="sm" component="li">
          {t('projects.noPartners')}
        </Text>
      )}
    </Stack>
  );
}

function ParticipantBadge({ participant }: { participant: boolean }) {
  const { t } = useTranslation();
  return participant ? (
    <Badge variant="outline" color="#1e6f36" c="#1e6f36" miw="max-content">
      {t('projects.clusterParticipant')}
    </Badge>
  ) : (
    <Badge variant="outline" color="#495057" c="#343a40" miw="max-content">
      {t('projects.notParticipant')}
    </Badge>
  );
}

/** The records the project came from, each a link to its page. */
export function ProjectOrigins({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { solution, pilot, application, deal } = project.origins;
  if (!solution && !pilot && !application && !deal) {
    return <Text size="sm">{t('projects.origins.none')}</Text>;
  }
  return (
    <List spacing={6}>
      {solution && (
        <List.Item>
          {t('projects.origins.solution')}:{' '}
          <Link to="/solutions/$id" params={{ id: solution.id }}>
            {solution.number} · {solution.title}
          </Link>
        </List.Item>
      )}
      {pilot && (
        <List.Item>
          {t('projects.origins.pilot')}:{' '}
          <Link to="/pilots/$id" params={{ id: pilot.id }}>
            {pilot.number} · {pilot.title}
          </Link>
        </List.Item>
      )}
      {application && (
        <List.Item>
          {t('projects.origins.application')}:{' '}
          <Link to="/applications/$id" params={{ id: application.id }}>
            {application.number} · {application.title}
          </Link>
        </List.Item>
      )}
      {deal && (
        <List.Item>
          {t('projects.origins.deal')}:{' '}
          <Link to="/deals/$id" params={{ id: deal.id }}>
            {deal.number} · {deal.title}
          </Link>
        </List.Item>
      )}
    </List>
  );
}

export function ProjectTimeline({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  return (
    <StatusTimeline
      entries={project.timeline.map((entry) => ({ ...entry, status: entry.toStatus }))}
      badge={(status) => <ProjectStatusBadge status={status as ProjectStatus} />}
      label={t('projects.timeline')}
      commentLabel={t('projects.comment')}
    />
  );
}
