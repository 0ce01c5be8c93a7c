import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { t as translate } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ORG_ROLES, type OrgRole } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../../../components/ui/LoadingBlock.tsx';
import { splitFieldErrors } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useInviteMember, useMembers } from '../api/organizations.ts';

const INVITE_FIELDS = ['email', 'orgRole'] as const;

/** Owners invite anyone; managers invite managers and members (the server's rule). */
function rolesInvitableBy(role: OrgRole | null): OrgRole[] {
  if (role === 'owner') return [...ORG_ROLES];
  if (role === 'manager') return ['manager', 'member'];
  return [];
}

function InviteForm({ organizationId, roles }: { organizationId: string; roles: OrgRole[] }) {
  const { t } = useTranslation();
  const invite = useInviteMember(organizationId);
  const form = useForm<{ email: string; orgRole: OrgRole }>({
    initialValues: { email: '', orgRole: 'member' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : translate('validation.email')),
    },
  });
  const { unmatched } = splitFieldErrors(invite.error, INVITE_FIELDS);

  const submit = form.onSubmit((values) =>
    invite.mutate(
      { email: values.email.trim(), orgRole: values.orgRole },
      {
        onSuccess: (invitation) => {
          notifySuccess(t('members.invited', { email: invitation.email }));
          form.reset();
        },
        onError: (error) => form.setErrors(splitFieldErrors(error, INVITE_FIELDS).fieldErrors),
      },
    ),
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('members.inviteTitle')}
          </Title>
          <ErrorAlert error={invite.error} extraMessages={unmatched} />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="off"
              required
              miw={260}
              style={{ flex: 1 }}
              {...form.getInputProps('email')}
            />
            <Select
              label={t('members.role')}
              data={roles.map((role) => ({ value: role, label: t(`enums.orgRole.${role}`) }))}
              allowDeselect={false}
              w={200}
              {...form.getInputProps('orgRole')}
            />
            <Button type="submit" loading={invite.isPending}>
              {t('members.invite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function MembersPanel({ organizationId, myRole }: { organizationId: string; myRole: OrgRole | null }) {
  const { t } = useTranslation();
  const members = useMembers(organizationId);
  const roles = rolesInvitableBy(myRole);

  if (members.isPending) return <LoadingBlock />;
  if (members.isError) return <ErrorAlert error={members.error} />;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('members.title')}
        </Title>
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('members.name')}</Table.Th>
                <Table.Th scope="col">{t('auth.email')}</Table.Th>
                <Table.Th scope="col">{t('members.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.members.map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>{member.fullName}</Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="klaster.8">
                      {t(`enums.orgRole.${member.orgRole}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('members.pendingTitle')}
        </Title>
        {members.data.invitations.length === 0 ? (
          <Text c="dimmed">{t('members.noPending')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('auth.email')}</Table.Th>
                  <Table.Th scope="col">{t('members.role')}</Table.Th>
                  <Table.Th scope="col">{t('members.invitedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.invitations.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>{invitation.email}</Table.Td>
                    <Table.Td>{t(`enums.orgRole.${invitation.orgRole}`)}</Table.Td>
                    <Table.Td>{formatDate(invitation.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      {roles.length > 0 ? (
        <InviteForm organizationId={organizationId} roles={roles} />
      ) : (
        <Alert color="gray">{t('members.onlyOwnersInvite')}</Alert>
      )}
    </Stack>
  );
}
