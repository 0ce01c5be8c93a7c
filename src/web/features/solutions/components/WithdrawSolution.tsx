// The company withdraws its solution before the customer decides: a confirmation with an optional reason.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type SolutionDetail, useWithdrawSolution } from '../api/solutions.ts';

function WithdrawDialog({
  solution,
  opened,
  onClose,
}: {
  solution: SolutionDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawSolution(solution.id);
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('solutions.withdraw.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{t('solutions.withdraw.text', { number: solution.number })}</Text>
        <ErrorAlert error={withdraw.error} />
        <Textarea
          label={t('solutions.withdraw.reason')}
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
                  notifySuccess(t('solutions.withdraw.done'));
                  onClose();
                },
              })
            }
          >
            {t('solutions.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Shown to the company's owners and managers while the status allows it. */
export function WithdrawSolution({ solution }: { solution: SolutionDetail }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!solution.allowedEvents.includes('withdraw')) return null;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('solutions.withdraw.hint')}</Text>
      <Group>
        <Button variant="outline" color="#b02525" onClick={() => setOpened(true)} aria-haspopup="dialog">
          {t('solutions.withdraw.action')}
        </Button>
      </Group>
      <WithdrawDialog key={String(opened)} solution={solution} opened={opened} onClose={() => setOpened(false)} />
    </Stack>
  );
}
