// The company withdraws its solution before the customer decides: a confirmation with an optional reason.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../components/ui/DialogFrame.tsx';
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
  return (
    <ReasonDialog
      opened={opened}
      onClose={onClose}
      title={t('solutions.withdraw.title')}
      text={t('solutions.withdraw.text', { number: solution.number })}
      reasonLabel={t('solutions.withdraw.reason')}
      keepLabel={t('common.cancel')}
      confirmLabel={t('solutions.withdraw.confirm')}
      pending={withdraw.isPending}
      error={withdraw.error}
      onConfirm={(reason) =>
        withdraw.mutate(reason, {
          onSuccess: () => {
            notifySuccess(t('solutions.withdraw.done'));
            onClose();
          },
        })
      }
    />
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
