// The operator's support applications: the queue and one application with the steps by its status.
import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../shared/measures.ts';
import { ApplicationStatusBadge } from '../components/ui/ApplicationStatusBadge.tsx';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { type ApplicationsFilter, useApplication } from '../features/applications/api/applications.ts';
import { ApplicationAnswers } from '../features/applications/components/ApplicationAnswers.tsx';
import { ApplicationTimeline } from '../features/applications/components/ApplicationTimeline.tsx';
import { ReportsTable, TranchesTable } from '../features/applications/components/FundingPanel.tsx';
import {
  ApplicationReviewsPanel,
  OperatorSupportActions,
} from '../features/applications/components/OperatorSupportActions.tsx';
import { SupportQueue } from '../features/applications/components/SupportQueue.tsx';
import { ExportButtons } from '../features/exports/components/ExportButtons.tsx';
import { useMeasure } from '../features/measures/api/measures.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatKopecks } from '../lib/format.ts';
import { requireSignedIn } from './guards.ts';
import { OperatorOnly } from './operator-guard.tsx';
import { rootRoute } from './root.tsx';

interface QueueSearch {
  status?: ApplicationStatus;
  q?: string;
  page?: number;
}

function QueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = operatorSupportQueueRoute.useSearch();
  const filter: ApplicationsFilter = { status: search.status, q: search.q, page: search.page ?? 1 };
  return (
    <OperatorOnly>
      <PageHeader
        title={t('supportQueue.title')}
        description={t('supportQueue.intro')}
        aside={
          // the file holds what the table lists: the same status and search
          <ExportButtons
            list="applications"
            filter={{ status: filter.status ? [filter.status] : undefined, q: filter.q }}
            subject={t('supportQueue.title')}
          />
        }
      />
      <SupportQueue
        filter={filter}
        onFilterChange={(change) =>
          void navigate({
            to: '/operator/applications',
            search: (): QueueSearch => {
              const next = { ...filter, ...change };
              return { status: next.status, q: next.q || undefined, page: next.page > 1 ? next.page : undefined };
            },
          })
        }
      />
    </OperatorOnly>
  );
}

export const operatorSupportQueueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/applications',
  beforeLoad: requireSignedIn,
  validateSearch: (search: Record<string, unknown>): QueueSearch => {
    const page = Number(search.page);
    return {
      status: APPLICATION_STATUSES.includes(search.status as ApplicationStatus)
        ? (search.status as ApplicationStatus)
        : undefined,
      q: typeof search.q === 'string' && search.q ? search.q : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
  component: QueuePage,
});

function ApplicationPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id } = operatorSupportApplicationRoute.useParams();
  const application = useApplication(id);
  const measure = useMeasure(application.data?.measureId ?? '');
  const back = (
    <Anchor renderRoot={(props) => <Link {...props} to="/operator/applications" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('supportQueue.back')}
      </Group>
    </Anchor>
  );
  if (application.isPending || (application.isSuccess && measure.isPending)) return <LoadingBlock lines={8} />;
  if (application.isError || measure.isError) {
    return (
      <Stack maw={720}>
        {back}
        <PageHeader title={t('applications.title')} />
        <ErrorAlert error={application.error ?? measure.error} />
      </Stack>
    );
  }
  const data = application.data;
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('applications.titleNumber', { number: data.number })}
        description={`${data.organizationName} · ${data.measureTitle}`}
        aside={<ApplicationStatusBadge status={data.status} size="lg" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('supportQueue.actions')}
                </Title>
                <Text size="sm">
                  {t('supportQueue.amounts', {
                    requested: formatKopecks(data.requestedAmountKopecks, language),
                    approved: data.approvedAmountKopecks ? formatKopecks(data.approvedAmountKopecks, language) : '—',
                    remaining: formatKopecks(data.remainingBudgetKopecks, language),
                  })}
                </Text>
                <OperatorSupportActions application={data} />
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <ApplicationReviewsPanel application={data} />
              {(data.tranches.length > 0 || data.approvedAmountKopecks) && (
                <Stack gap="md" mt="md">
                  <TranchesTable application={data} />
                  <ReportsTable application={data} canFile={false} canReview />
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {t('applications.answers')}
              </Title>
              <ApplicationAnswers application={data} fields={measure.data?.formFields ?? []} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="md">
              {t('applications.timeline')}
            </Title>
            <ApplicationTimeline entries={data.timeline} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const operatorSupportApplicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/applications/$id',
  beforeLoad: requireSignedIn,
  component: () => (
    <OperatorOnly>
      <ApplicationPage />
    </OperatorOnly>
  ),
});
