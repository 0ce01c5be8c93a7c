// Innovative projects: the public showcase of implemented projects (search, filters with counts, pages, all in the
// URL), a project's page with its partners, origins, timeline and the steps its lead and partners may take, and
// the lead's form (a new project, an open one edited).
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MOSCOW_DISTRICTS, TECHNOLOGY_AREAS } from '../../shared/domain.ts';
import { CatalogueResults, CatalogueSearchField, useSearchText } from '../components/ui/CatalogueList.tsx';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { useSession } from '../features/auth/api/session.ts';
import {
  canActFor,
  PROJECT_SORTS,
  PROJECTS_PAGE_SIZE,
  type ProjectsFilter,
  useMyOrganizationNames,
  useProject,
  useProjects,
} from '../features/projects/api/projects.ts';
import { ProjectActions } from '../features/projects/components/ProjectActions.tsx';
import { ProjectCard } from '../features/projects/components/ProjectCard.tsx';
import {
  ProjectFacts,
  ProjectOrigins,
  ProjectPartners,
  ProjectTimeline,
} from '../features/projects/components/ProjectDetails.tsx';
import { ProjectFilters } from '../features/projects/components/ProjectFilters.tsx';
import { EditProjectForm, NewProjectForm } from '../features/projects/components/ProjectForm.tsx';
import { JointBadge, ProjectStatusBadge } from '../features/projects/components/ProjectStatusBadge.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

type ShowcaseSearch = Omit<ProjectsFilter, 'page'> & { page?: number };

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

export function parseProjectsSearch(search: Record<string, unknown>): ShowcaseSearch {
  const page = Number(search.page);
  const year = Number(search.year);
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : undefined;
  const joint =
    search.joint === true || search.joint === 'true'
      ? true
      : search.joint === false || search.joint === 'false'
        ? false
        : undefined;
  return {
    q: q || undefined,
    technology: oneOf(TECHNOLOGY_AREAS, search.technology),
    joint,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    district: oneOf(MOSCOW_DISTRICTS, search.district),
    sort: oneOf(PROJECT_SORTS, search.sort),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function ShowcasePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { user } = useSession();
  const search = projectsRoute.useSearch();
  const filter: ProjectsFilter = { ...search, page: search.page ?? 1 };
  const projects = useProjects(filter);

  const update = (change: Partial<ShowcaseSearch>) =>
    void navigate({
      to: '/projects',
      search: (previous) => parseProjectsSearch({ ...previous, ...change } as Record<string, unknown>),
    });
  const searchText = useSearchText(search.q, (q) => update({ q, page: undefined, sort: undefined }));
  const reset = () => {
    searchText.setText('');
    void navigate({ to: '/projects', search: {} });
  };
  const canLead = (user?.organizations ?? []).some(canActFor);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('projects.title')}
        description={t('projects.intro')}
        aside={
          canLead && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              renderRoot={(props) => <Link {...props} to="/projects/new" />}
            >
              {t('projects.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Stack gap="md">
          <CatalogueSearchField label={t('projects.searchLabel')} hint={t('projects.searchHint')} search={searchText} />
          <ProjectFilters
            filter={filter}
            facets={projects.data?.facets}
            onChange={(change) => update(change as Partial<ShowcaseSearch>)}
            onReset={reset}
          />
        </Stack>
      </Paper>

      <CatalogueResults
        query={projects}
        items={projects.data?.items ?? []}
        renderItem={(item) => <ProjectCard key={item.id} project={item} />}
        total={projects.data?.total}
        countText={(total) => t('projects.found', { count: total, formatted: formatNumber(total, language) })}
        testId="projects-total"
        empty={{
          title: t('projects.emptyTitle'),
          text: t('projects.emptyText'),
          actions: (
            <Button variant="default" onClick={reset}>
              {t('projects.reset')}
            </Button>
          ),
        }}
        pageSize={PROJECTS_PAGE_SIZE}
        page={filter.page}
        onPage={(page) => update({ page })}
      />
    </Stack>
  );
}

export const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects',
  validateSearch: parseProjectsSearch,
  component: ShowcasePage,
});

function BackLink({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <Anchor
      renderRoot={(props) =>
        id ? <Link {...props} to="/projects/$id" params={{ id }} /> : <Link {...props} to="/projects" />
      }
      size="sm"
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t(id ? 'projects.backToProject' : 'projects.backToShowcase')}
      </Group>
    </Anchor>
  );
}

function ProjectPage() {
  const { t } = useTranslation();
  const { id } = projectRoute.useParams();
  const project = useProject(id);

  if (project.isPending) return <LoadingBlock lines={8} />;
  if (project.isError) {
    return (
      <Stack maw={720}>
        <BackLink />
        <PageHeader title={t('projects.title')} />
        <ErrorAlert error={project.error} />
      </Stack>
    );
  }
  const data = project.data;
  const viewer = data.viewer;
  const leadActs = viewer.leadRole === 'owner' || viewer.leadRole === 'manager';
  const hasActions = viewer.canEdit || viewer.canInvite || viewer.allowedEvents.length > 0;
  const cancelReason =
    data.lastComment ?? data.timeline.findLast((entry) => entry.toStatus === 'cancelled')?.comment ?? null;

  return (
    <Stack gap="md">
      <BackLink />
      <PageHeader
        title={data.title}
        description={`${data.number} · ${data.lead.shortName}`}
        aside={
          <Group gap="xs">
            <ProjectStatusBadge status={data.status} size="lg" />
            {data.joint && <JointBadge size="lg" />}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {data.status === 'cancelled' && (
              <Alert color="gray" title={t('projects.cancelledTitle')}>
                <Text style={{ whiteSpace: 'pre-line' }}>{cancelReason ?? t('projects.cancelledText')}</Text>
              </Alert>
            )}
            {data.status !== 'implemented' && data.status !== 'cancelled' && (
              <Alert color="blue">{t('projects.notPublicYet')}</Alert>
            )}
            {hasActions && (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('projects.actionsTitle')}
                  </Title>
                  <ProjectActions project={data} />
                  {leadActs && !data.joint && data.status !== 'cancelled' && (
                    <Text size="sm">{t('projects.jointHint')}</Text>
                  )}
                </Stack>
              </Paper>
            )}
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('projects.description')}
                </Title>
                <Text style={{ whiteSpace: 'pre-line' }}>{data.description || t('projects.noDescription')}</Text>
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('projects.partners')}
                </Title>
                <ProjectPartners project={data} />
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('projects.origins.title')}
                </Title>
                <ProjectOrigins project={data} />
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('projects.factsTitle')}
              </Title>
              <ProjectFacts project={data} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {t('projects.timeline')}
              </Title>
              <ProjectTimeline project={data} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$id',
  component: ProjectPage,
});

function NewProjectPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const leads = (user?.organizations ?? []).filter(canActFor);
  const profiles = useMyOrganizationNames(leads);
  const waiting = leads.length > 0 && profiles.isPending;
  return (
    <Stack gap="md" maw={860}>
      <BackLink />
      <PageHeader title={t('projects.form.newTitle')} description={t('projects.form.newIntro')} />
      <ErrorAlert error={profiles.error} />
      {waiting && <LoadingBlock lines={6} />}
      {!waiting && leads.length === 0 && (
        <Alert color="gray" title={t('projects.form.noOrganizationTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text>{t('projects.form.noOrganizationText')}</Text>
            <Button variant="default" renderRoot={(props) => <Link {...props} to="/cabinet" />}>
              {t('projects.form.toCabinet')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!waiting && profiles.data && profiles.data.length > 0 && (
        <Paper withBorder p="md">
          <NewProjectForm
            organizations={profiles.data}
            onCreated={(id) => void navigate({ to: '/projects/$id', params: { id }, replace: true })}
          />
        </Paper>
      )}
    </Stack>
  );
}

export const projectNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/new',
  beforeLoad: requireSignedIn,
  component: NewProjectPage,
});

function EditProjectPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = projectEditRoute.useParams();
  const project = useProject(id);
  if (project.isPending) return <LoadingBlock lines={8} />;
  if (project.isError) {
    return (
      <Stack maw={720}>
        <BackLink />
        <PageHeader title={t('projects.form.editTitle')} />
        <ErrorAlert error={project.error} />
      </Stack>
    );
  }
  const data = project.data;
  return (
    <Stack gap="md" maw={860}>
      <BackLink id={id} />
      <PageHeader
        title={t('projects.form.editTitle')}
        description={`${data.number} · ${data.title}`}
        aside={<ProjectStatusBadge status={data.status} size="lg" />}
      />
      {data.viewer.canEdit ? (
        <Paper withBorder p="md">
          <EditProjectForm
            key={`${data.id}-${data.version}`}
            project={data}
            onSaved={() => void navigate({ to: '/projects/$id', params: { id } })}
          />
        </Paper>
      ) : (
        <Alert color="gray">
          <Stack gap="xs" align="flex-start">
            <Text>{t('projects.form.notEditable')}</Text>
            <Button variant="default" renderRoot={(props) => <Link {...props} to="/projects/$id" params={{ id }} />}>
              {t('projects.backToProject')}
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

export const projectEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$id/edit',
  beforeLoad: requireSignedIn,
  component: EditProjectPage,
});
