// The company withdraws its application before a decision: a confirmation with an optional reason.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type SupportApplication, useWithdrawApplication } from '../api/applications.ts';

function WithdrawDialog({
  application,
  opened,
  onClose,
}: {
  application: SupportApplication;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawApplication(application.id);
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('applications.withdrawTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{t('applications.withdrawText', { number: application.number })}</Text>
        <ErrorAlert error={withdraw.error} />
        <Textarea
          label={t('applications.withdrawReason')}
          autosize
          minRows={2}
          maxLength={2000}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={withdraw.error instanceof ApiError ? withdraw.error.fields.reason : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="#b02525"
            loading={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(reason.trim() || undefined, {
                onSuccess: () => {
                  notifySuccess(t('applications.withdrawn'));
                  onClose();
                },
              })
            }
          >
            {t('applications.confirmWithdraw')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Shown while the application may still be withdrawn (the server's `allowedEvents` says so). */
export function WithdrawApplication({ application }: { application: SupportApplication }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!application.allowedEvents.includes('withdraw')) return null;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('applications.withdrawHint')}</Text>
      <Group>
        <Button variant="outline" color="#b02525" onClick={() => setOpened(true)} aria-haspopup="dialog">
          {t('applications.withdraw')}
        </Button>
      </Group>
      <WithdrawDialog key={String(opened)} application={application} opened={opened} onClose={() => setOpened(false)} />
    </Stack>
  );
}
