// A company's application for a support measure: the form while it is a draft (or returned), then the
// answers, the timeline, the agreement step, tranches and reports.
import { Alert, Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApplicationStatusBadge } from '../components/ui/ApplicationStatusBadge.tsx';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { useApplication } from '../features/applications/api/applications.ts';
import { ApplicationAnswers } from '../features/applications/components/ApplicationAnswers.tsx';
import { ApplicationForm } from '../features/applications/components/ApplicationForm.tsx';
import { ApplicationTimeline } from '../features/applications/components/ApplicationTimeline.tsx';
import { AgreementStep, ReportsTable, TranchesTable } from '../features/applications/components/FundingPanel.tsx';
import { WithdrawApplication } from '../features/applications/components/WithdrawApplication.tsx';
import { useMeasure } from '../features/measures/api/measures.ts';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

const FUNDED = ['agreement_signed', 'disbursing', 'reporting', 'completed'];

function ApplicationPage() {
  const { t } = useTranslation();
  const { id } = applicationRoute.useParams();
  const application = useApplication(id);
  const measure = useMeasure(application.data?.measureId ?? '');

  const back = (
    <Anchor renderRoot={(props) => <Link {...props} to="/cabinet" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('applications.backToCabinet')}
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
  const fields = measure.data?.formFields ?? [];
  const editable = data.status === 'draft' || data.status === 'returned';

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('applications.titleNumber', { number: data.number })}
        description={
          <>
            {data.measureTitle} · {data.organizationName}
          </>
        }
        aside={<ApplicationStatusBadge status={data.status} size="lg" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {data.status === 'returned' && data.lastComment && (
              <Alert color="yellow" title={t('applications.returnedTitle')}>
                {data.lastComment}
              </Alert>
            )}
            {data.status === 'approved' && (
              <Alert color="green" role="status" title={t('applications.approvedTitle')}>
                {data.lastComment}
              </Alert>
            )}
            {data.status === 'rejected' && (
              <Alert color="red" title={t('applications.rejectedTitle')}>
                {data.lastComment}
              </Alert>
            )}
            {data.status === 'withdrawn' && (
              <Alert color="gray" title={t('applications.withdrawnTitle')}>
                {data.lastComment}
              </Alert>
            )}
            <AgreementStep application={data} />
            {FUNDED.includes(data.status) && (
              <Paper withBorder p="md">
                <Stack gap="md">
                  <TranchesTable application={data} />
                  <ReportsTable application={data} canFile />
                </Stack>
              </Paper>
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {editable ? t('applications.form') : t('applications.answers')}
              </Title>
              {editable ? (
                <ApplicationForm key={data.id} application={data} fields={fields} />
              ) : (
                <ApplicationAnswers application={data} fields={fields} />
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {t('applications.timeline')}
              </Title>
              <ApplicationTimeline entries={data.timeline} />
              {data.submittedAt === null && (
                <Text size="sm" mt="sm">
                  {t('applications.notSubmittedYet')}
                </Text>
              )}
            </Paper>
            {data.allowedEvents.includes('withdraw') && (
              <Paper withBorder p="md">
                <WithdrawApplication application={data} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const applicationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/applications/$id',
  beforeLoad: requireSignedIn,
  component: ApplicationPage,
});
