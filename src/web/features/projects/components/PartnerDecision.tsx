// A partner organization's owner or manager answers the lead's invitation: confirms its participation (it then
// counts towards the joint flag) or declines with an optional reason. Either answer is final, so each is confirmed.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { usePartnerDecision } from '../api/projects.ts';

interface PartnerDecisionProps {
  projectId: string;
  projectTitle: string;
  organizationId: string;
  organizationName: string;
  size?: 'xs' | 'sm';
}

function DecisionDialog({
  confirm,
  opened,
  onClose,
  ...props
}: PartnerDecisionProps & { confirm: boolean; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = usePartnerDecision(props.projectId);
  const [reason, setReason] = useState('');
  const reasonError = decide.error instanceof ApiError ? decide.error.fields.reason : undefined;
  const names = { organization: props.organizationName, project: props.projectTitle };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(confirm ? 'projects.partner.confirmTitle' : 'projects.partner.declineTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{t(confirm ? 'projects.partner.confirmText' : 'projects.partner.declineText', names)}</Text>
        <ErrorAlert error={reasonError ? null : decide.error} />
        {!confirm && (
          <Textarea
            label={t('projects.partner.declineReason')}
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={confirm ? '#1e6f36' : '#b02525'}
            loading={decide.isPending}
            data-autofocus={confirm || undefined}
            onClick={() =>
              decide.mutate(
                { organizationId: props.organizationId, confirm, reason: reason.trim() || undefined },
                {
                  onSuccess: (answer) => {
                    notifySuccess(
                      t(
                        confirm
                          ? answer.joint
                            ? 'projects.partner.confirmedJoint'
                            : 'projects.partner.confirmed'
                          : 'projects.partner.declined',
                      ),
                    );
                    onClose();
                  },
                },
              )
            }
          >
            {t(confirm ? 'projects.partner.confirmAction' : 'projects.partner.declineAction')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** «Подтвердить участие» and «Отказаться» for one partner organization. */
export function PartnerDecision(props: PartnerDecisionProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'confirm' | 'decline' | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Button size={props.size ?? 'sm'} color="#1e6f36" onClick={() => setDialog('confirm')} aria-haspopup="dialog">
          {t('projects.partner.confirm')}
        </Button>
        <Button
          size={props.size ?? 'sm'}
          variant="outline"
          color="#b02525"
          onClick={() => setDialog('decline')}
          aria-haspopup="dialog"
        >
          {t('projects.partner.decline')}
        </Button>
      </Group>
      <DecisionDialog
        key={`c-${dialog === 'confirm'}`}
        {...props}
        confirm
        opened={dialog === 'confirm'}
        onClose={close}
      />
      <DecisionDialog
        key={`d-${dialog === 'decline'}`}
        {...props}
        confirm={false}
        opened={dialog === 'decline'}
        onClose={close}
      />
    </>
  );
}
