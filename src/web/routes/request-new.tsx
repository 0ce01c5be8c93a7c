// The customer writes a request: a new draft, then the draft edited (saved as typed) and sent to moderation.
import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { RequestStatusBadge } from '../components/ui/RequestStatusBadge.tsx';
import { useSession } from '../features/auth/api/session.ts';
import { customerOrganizations, useMyOrganizationProfiles, useRequest } from '../features/requests/api/requests.ts';
import { EditRequestForm, NewRequestForm } from '../features/requests/components/RequestForm.tsx';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

function BackLink({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <Anchor
      renderRoot={(props) =>
        id ? <Link {...props} to="/requests/$id" params={{ id }} /> : <Link {...props} to="/requests" />
      }
      size="sm"
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t(id ? 'requests.backToRequest' : 'requests.backToCatalogue')}
      </Group>
    </Anchor>
  );
}

function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const profiles = useMyOrganizationProfiles(user?.organizations ?? []);
  const customers = customerOrganizations(profiles.data);

  const waiting = (user?.organizations.length ?? 0) > 0 && profiles.isPending;
  return (
    <Stack gap="md" maw={860}>
      <BackLink />
      <PageHeader title={t('requests.form.newTitle')} description={t('requests.form.newIntro')} />
      <ErrorAlert error={profiles.error} />
      {waiting && <LoadingBlock lines={6} />}
      {!waiting && customers.length === 0 && (
        <Alert color="gray" title={t('requests.form.notCustomerTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text>{t('requests.form.notCustomerText')}</Text>
            <Button variant="default" renderRoot={(props) => <Link {...props} to="/cabinet" />}>
              {t('requests.form.toCabinet')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!waiting && customers.length > 0 && (
        <Paper withBorder p="md">
          <NewRequestForm
            organizations={customers}
            onCreated={(id) => void navigate({ to: '/requests/$id/edit', params: { id }, replace: true })}
          />
        </Paper>
      )}
    </Stack>
  );
}

export const requestNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/new',
  beforeLoad: requireSignedIn,
  component: NewRequestPage,
});

function EditRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = requestEditRoute.useParams();
  const request = useRequest(id);

  if (request.isPending) return <LoadingBlock lines={8} />;
  if (request.isError) {
    return (
      <Stack maw={720}>
        <BackLink />
        <PageHeader title={t('requests.form.editTitle')} />
        <ErrorAlert error={request.error} />
      </Stack>
    );
  }
  const data = request.data;
  return (
    <Stack gap="md" maw={860}>
      <BackLink id={id} />
      <PageHeader
        title={t('requests.form.editTitle')}
        description={`${data.number} · ${data.customer.shortName}`}
        aside={<RequestStatusBadge status={data.status} size="lg" />}
      />
      {data.lastComment && data.status === 'draft' && (
        <Alert color="yellow" title={t('requests.returnedTitle')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{data.lastComment}</Text>
        </Alert>
      )}
      {data.viewer.canEdit ? (
        <Paper withBorder p="md">
          <EditRequestForm
            key={data.id}
            request={data}
            onModerated={() => void navigate({ to: '/requests/$id', params: { id } })}
          />
        </Paper>
      ) : (
        <Alert color="gray">
          <Stack gap="xs" align="flex-start">
            <Text>{t('requests.form.notEditable')}</Text>
            <Button variant="default" renderRoot={(props) => <Link {...props} to="/requests/$id" params={{ id }} />}>
              {t('requests.backToRequest')}
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

export const requestEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id/edit',
  beforeLoad: requireSignedIn,
  component: EditRequestPage,
});
