import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProjectListItem } from '../api/projects.ts';
import { JointBadge, ProjectStatusBadge } from './ProjectStatusBadge.tsx';

/** One project of the showcase: number, title, lead, the joint badge, the year, technologies, participants. */
export function ProjectCard({ project, headingLevel = 2 }: { project: ProjectListItem; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const year = project.implementedOn?.slice(0, 4);
  return (
    <Card withBorder padding="lg" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={headingLevel} size="h4" style={{ flex: 1, minWidth: 220 }}>
            <Link to="/projects/$id" params={{ id: project.id }} className="card-title-link">
              {project.title}
            </Link>
          </Title>
          <Group gap={6}>
            {project.status !== 'implemented' && <ProjectStatusBadge status={project.status} />}
            {project.joint && <JointBadge />}
          </Group>
        </Group>
        <Text size="sm">
          {project.number} · {t('projects.leadShort', { name: project.lead.shortName })}
          {project.lead.district ? ` · ${project.lead.district}` : ''}
        </Text>
        <Text size="sm" fw={600}>
          {year ? t('projects.implementedIn', { year }) : t(`projects.stage.${project.stage}`)} ·{' '}
          {t('projects.participantsCount', { count: project.confirmedParticipants })} ·{' '}
          {t('projects.trlShort', { trl: project.trl })}
        </Text>
        {project.technologies.length > 0 && (
          <Group gap={6} role="list" aria-label={t('projects.technologies')}>
            {project.technologies.map((technology) => (
              <Badge key={technology} variant="outline" color="klaster.8" size="sm" role="listitem">
                {t(`enums.technology.${technology}`)}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
