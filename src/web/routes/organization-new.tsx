import { Alert, Button, Stack, Text } from '@mantine/core';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { useCreateOrganization, useRequestAccess } from '../features/organizations/api/organizations.ts';
import { OrganizationForm } from '../features/organizations/components/OrganizationForm.tsx';
import {
  EMPTY_ORGANIZATION_FORM,
  toCreateBody,
} from '../features/organizations/components/organization-form-values.ts';
import { isApiError } from '../lib/api-client.ts';
import { notifySuccess } from '../lib/notify.ts';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

/** When the INN is taken, the person may ask the organization's owners to let them in. */
function RequestAccess({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const requestAccess = useRequestAccess();
  if (requestAccess.isSuccess) {
    return (
      <Alert color="green" role="status" mt="sm">
        {t('organizationNew.accessRequested')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" mt="sm" align="flex-start">
      <ErrorAlert error={requestAccess.error} />
      <Button size="sm" loading={requestAccess.isPending} onClick={() => requestAccess.mutate(organizationId)}>
        {t('organizationNew.requestAccess')}
      </Button>
    </Stack>
  );
}

function OrganizationNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const takenOrganizationId =
    isApiError(create.error) && create.error.status === 409 && typeof create.error.details.organizationId === 'string'
      ? create.error.details.organizationId
      : null;

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t('organizationNew.title')} description={t('organizationNew.intro')} />
      <Text size="sm" c="dimmed">
        {t('organizationNew.requiredNote')}
      </Text>
      <OrganizationForm
        mode="create"
        initialValues={EMPTY_ORGANIZATION_FORM}
        submitting={create.isPending}
        error={create.error}
        errorExtra={
          takenOrganizationId && <RequestAccess key={takenOrganizationId} organizationId={takenOrganizationId} />
        }
        onSubmit={(values) =>
          create.mutate(toCreateBody(values), {
            onSuccess: (organization) => {
              notifySuccess(t('organizationNew.created', { name: organization.shortName }));
              void navigate({
                to: '/organizations/$id',
                params: { id: organization.id },
                search: { tab: 'membership' },
              });
            },
            onError: () => window.scrollTo({ top: 0 }),
          })
        }
        onCancel={() => void navigate({ to: '/cabinet' })}
      />
    </Stack>
  );
}

export const organizationNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/organizations/new',
  beforeLoad: requireSignedIn,
  component: OrganizationNewPage,
});
