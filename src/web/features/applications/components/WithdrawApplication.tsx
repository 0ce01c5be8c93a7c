// The company withdraws its application before a decision: a confirmation with an optional reason.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../components/ui/DialogFrame.tsx';
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
  return (
    <ReasonDialog
      opened={opened}
      onClose={onClose}
      title={t('applications.withdrawTitle')}
      text={t('applications.withdrawText', { number: application.number })}
      reasonLabel={t('applications.withdrawReason')}
      keepLabel={t('common.cancel')}
      confirmLabel={t('applications.confirmWithdraw')}
      pending={withdraw.isPending}
      error={withdraw.error}
      onConfirm={(reason) =>
        withdraw.mutate(reason, {
          onSuccess: () => {
            notifySuccess(t('applications.withdrawn'));
            onClose();
          },
        })
      }
    />
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
