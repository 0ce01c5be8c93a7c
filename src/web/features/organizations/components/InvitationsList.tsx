import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useAcceptInvitation, useMyInvitations } from '../api/organizations.ts';

/** Invitations addressed to my e-mail, each with an Accept button; nothing when there are none. */
export function InvitationsList() {
  const { t } = useTranslation();
  const invitations = useMyInvitations();
  const accept = useAcceptInvitation();

  if (invitations.isError) return <ErrorAlert error={invitations.error} />;
  if (!invitations.data || invitations.data.items.length === 0) return null;

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('cabinet.invitations')}
      </Title>
      <ErrorAlert error={accept.error} />
      {invitations.data.items.map((invitation) => (
        <Card key={invitation.id} withBorder padding="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Text fw={600}>{invitation.organizationName}</Text>
              <Text size="sm" c="dimmed">
                {t('cabinet.invitationRole', {
                  role: t(`enums.orgRole.${invitation.orgRole}`),
                  date: formatDate(invitation.createdAt),
                })}
              </Text>
            </Stack>
            <Button
              loading={accept.isPending && accept.variables === invitation.id}
              onClick={() =>
                accept.mutate(invitation.id, {
                  onSuccess: () =>
                    notifySuccess(t('cabinet.invitationAccepted', { name: invitation.organizationName })),
                })
              }
              aria-label={t('cabinet.acceptInvitationFor', { name: invitation.organizationName })}
            >
              {t('cabinet.accept')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
