// The request's NDA terms: the description stays closed until a member of a company accepts them for it.
import { Alert, Box, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type InnovationRequest, type MyOrganization, useAcceptNda } from '../api/requests.ts';

interface NdaPanelProps {
  request: InnovationRequest;
  signedIn: boolean;
  /** the signed-in person's organizations; undefined while they load */
  organizations: MyOrganization[] | undefined;
}

/** Closed description: the terms, and for a member of an organization the choice to accept them. */
export function NdaPanel({ request, signedIn, organizations }: NdaPanelProps) {
  const { t } = useTranslation();
  const accept = useAcceptNda(request.id);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const first = organizations?.[0]?.id ?? null;
  useEffect(() => {
    if (!organizationId && first) setOrganizationId(first);
  }, [organizationId, first]);

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconLock size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Title order={2} size="h4">
          {t('requests.nda.title')}
        </Title>
      </Group>
      <Text>{t('requests.nda.closedText')}</Text>
      <Box
        tabIndex={0}
        role="region"
        aria-label={t('requests.nda.terms')}
        p="sm"
        mah={260}
        style={{
          overflowY: 'auto',
          whiteSpace: 'pre-line',
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        <Text size="sm">{request.ndaTerms}</Text>
      </Box>
      <Text size="sm" c="dimmed">
        {t('requests.nda.version', { version: request.ndaVersion })}
      </Text>
      {!signedIn && (
        <Group>
          <Button
            variant="default"
            renderRoot={(props) => <Link {...props} to="/login" search={{ redirect: `/requests/${request.id}` }} />}
          >
            {t('requests.nda.signIn')}
          </Button>
        </Group>
      )}
      {signedIn && organizations && organizations.length === 0 && (
        <Alert color="gray">
          {t('requests.nda.noOrganization')}{' '}
          <Link to="/organizations/new" className="card-title-link">
            {t('requests.nda.registerOrganization')}
          </Link>
        </Alert>
      )}
      {signedIn && organizations && organizations.length > 0 && (
        <Stack gap="sm">
          <Select
            label={t('requests.nda.organization')}
            description={t('requests.nda.organizationHint')}
            data={organizations.map((org) => ({ value: org.id, label: org.shortName }))}
            value={organizationId}
            onChange={setOrganizationId}
            allowDeselect={false}
            maw={420}
          />
          <ErrorAlert error={accept.error} />
          <Group>
            <Button
              onClick={() =>
                organizationId &&
                accept.mutate(organizationId, { onSuccess: () => notifySuccess(t('requests.nda.accepted')) })
              }
              loading={accept.isPending}
              disabled={!organizationId}
            >
              {t('requests.nda.accept')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** Whose acceptance opened the description for the caller. */
export function NdaAcceptedNote({ request }: { request: InnovationRequest }) {
  const { t } = useTranslation();
  if (request.ndaAcceptedBy.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      {request.ndaAcceptedBy
        .map((acceptance) =>
          t('requests.nda.acceptedBy', {
            organization: acceptance.shortName,
            date: formatDateTime(acceptance.acceptedAt),
          }),
        )
        .join(' ')}
    </Text>
  );
}
