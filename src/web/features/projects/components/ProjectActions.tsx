// What the lead's owners and managers may do with a project now (the server's `viewer` says which): edit it,
// invite a partner, start it, mark it implemented (on a day), cancel it with the reason.
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate, moscowToday } from '../../../../shared/calendar-dates.ts';
import { DialogFrame, ReasonDialog } from '../../../components/ui/DialogFrame.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type OrganizationOption,
  type ProjectDetail,
  useCancelProject,
  useImplementProject,
  useInvitePartner,
  useStartProject,
} from '../api/projects.ts';
import { RegistryOrganizationSelect } from './RegistryOrganizationSelect.tsx';

type Dialog = 'invite' | 'start' | 'implement' | 'cancel' | null;

interface DialogProps {
  project: ProjectDetail;
  opened: boolean;
  onClose: () => void;
}

function InviteDialog({ project, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const invite = useInvitePartner(project.id);
  const [organization, setOrganization] = useState<OrganizationOption | null>(null);
  const [role, setRole] = useState('');
  const [missing, setMissing] = useState(false);
  const fields = invite.error instanceof ApiError ? invite.error.fields : {};
  const send = () => {
    if (!organization) return setMissing(true);
    invite.mutate(
      { organizationId: organization.id, role: role.trim() || undefined },
      {
        onSuccess: () => {
          notifySuccess(t('projects.invite.done', { organization: organization.shortName }));
          onClose();
        },
      },
    );
  };
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('projects.invite.title')}>
      <Stack gap="md">
        <Text size="sm">{t('projects.invite.text')}</Text>
        <ErrorAlert error={fields.organizationId || fields.role ? null : invite.error} />
        <RegistryOrganizationSelect
          autoFocus
          label={t('projects.invite.organization')}
          description={t('projects.invite.organizationHint')}
          required
          value={organization}
          onChange={(next) => {
            setOrganization(next);
            setMissing(false);
          }}
          exclude={[project.lead.id, ...project.partners.map((partner) => partner.organizationId)]}
          error={missing ? t('projects.invite.organizationRequired') : fields.organizationId}
        />
        <TextInput
          label={t('projects.invite.role')}
          description={t('projects.invite.roleHint')}
          maxLength={500}
          value={role}
          onChange={(event) => setRole(event.currentTarget.value)}
          error={fields.role}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={invite.isPending} onClick={send}>
            {t('projects.invite.confirm')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

function StartDialog({ project, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const start = useStartProject(project.id);
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('projects.actions.startTitle')}>
      <Stack gap="md">
        <Text>{t('projects.actions.startText', { number: project.number })}</Text>
        <ErrorAlert error={start.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            data-autofocus
            loading={start.isPending}
            onClick={() =>
              start.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess(t('projects.actions.started'));
                  onClose();
                },
              })
            }
          >
            {t('projects.actions.startConfirm')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

function ImplementDialog({ project, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const implement = useImplementProject(project.id);
  const today = moscowToday();
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const serverProblem = implement.error instanceof ApiError ? implement.error.fields.implementedOn : undefined;
  const send = () => {
    if (date && !isCalendarDate(date)) return setProblem(t('projects.actions.dateInvalid'));
    if (date && date > today) return setProblem(t('projects.actions.dateFuture'));
    if (date && date < project.startedOn) return setProblem(t('projects.actions.dateBeforeStart'));
    setProblem(undefined);
    implement.mutate(date || undefined, {
      onSuccess: () => {
        notifySuccess(t('projects.actions.implemented'));
        onClose();
      },
    });
  };
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('projects.actions.implementTitle')}>
      <Stack gap="md">
        <Text>{t('projects.actions.implementText', { number: project.number })}</Text>
        <ErrorAlert error={serverProblem ? null : implement.error} />
        <TextInput
          label={t('projects.actions.implementedOn')}
          description={t('projects.actions.implementedOnHint')}
          type="date"
          min={project.startedOn}
          max={today}
          value={date}
          onChange={(event) => {
            setDate(event.currentTarget.value);
            setProblem(undefined);
          }}
          error={problem ?? serverProblem}
          maw={240}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button data-autofocus color="#1e6f36" loading={implement.isPending} onClick={send}>
            {t('projects.actions.implementConfirm')}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}

function CancelDialog({ project, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const cancel = useCancelProject(project.id);
  return (
    <ReasonDialog
      opened={opened}
      onClose={onClose}
      title={t('projects.actions.cancelTitle')}
      text={t('projects.actions.cancelText', { number: project.number })}
      reasonLabel={t('projects.actions.cancelReason')}
      reasonRequired={t('projects.actions.cancelReasonRequired')}
      keepLabel={t('projects.actions.keep')}
      confirmLabel={t('projects.actions.cancelConfirm')}
      pending={cancel.isPending}
      error={cancel.error}
      // a required reason is never left undefined
      onConfirm={(reason) =>
        cancel.mutate(reason ?? '', {
          onSuccess: () => {
            notifySuccess(t('projects.actions.cancelled'));
            onClose();
          },
        })
      }
    />
  );
}

/** The lead's buttons; nothing when the caller may do nothing with the project. */
export function ProjectActions({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { canEdit, canInvite, allowedEvents } = project.viewer;
  if (!canEdit && !canInvite && allowedEvents.length === 0) return null;
  const close = () => setDialog(null);
  const open = (next: Exclude<Dialog, null>) => () => setDialog(next);
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {canEdit && (
          <Button
            variant="default"
            renderRoot={(props) => <Link {...props} to="/projects/$id/edit" params={{ id: project.id }} />}
          >
            {t('projects.actions.edit')}
          </Button>
        )}
        {canInvite && (
          <Button variant="default" onClick={open('invite')} aria-haspopup="dialog">
            {t('projects.actions.invite')}
          </Button>
        )}
        {allowedEvents.includes('start') && (
          <Button onClick={open('start')} aria-haspopup="dialog">
            {t('projects.actions.start')}
          </Button>
        )}
        {allowedEvents.includes('implement') && (
          <Button color="#1e6f36" onClick={open('implement')} aria-haspopup="dialog">
            {t('projects.actions.implement')}
          </Button>
        )}
        {allowedEvents.includes('cancel') && (
          <Button variant="outline" color="#b02525" onClick={open('cancel')} aria-haspopup="dialog">
            {t('projects.actions.cancel')}
          </Button>
        )}
      </Group>
      <InviteDialog key={`i-${dialog === 'invite'}`} project={project} opened={dialog === 'invite'} onClose={close} />
      <StartDialog key={`s-${dialog === 'start'}`} project={project} opened={dialog === 'start'} onClose={close} />
      <ImplementDialog
        key={`m-${dialog === 'implement'}`}
        project={project}
        opened={dialog === 'implement'}
        onClose={close}
      />
      <CancelDialog key={`c-${dialog === 'cancel'}`} project={project} opened={dialog === 'cancel'} onClose={close} />
    </Stack>
  );
}
