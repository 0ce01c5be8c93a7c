// Records the contract: after a successful pilot, or straight from the shortlist when the customer needs no pilot.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCalendarDate, moscowToday } from '../../../../shared/calendar-dates.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useRecordContract } from '../api/pilots.ts';

export interface ContractValues {
  amount: string;
  signedOn: string;
}

/** The amount and the date, checked as the server checks them; `null` when both are good. */
export function contractProblems(
  values: ContractValues,
  t: (key: string) => string,
): { amount?: string; signedOn?: string } | null {
  const problems: { amount?: string; signedOn?: string } = {};
  const kopecks = rublesToKopecks(values.amount);
  if (!kopecks || kopecks === '0') problems.amount = t('pilots.contract.amountInvalid');
  if (!isCalendarDate(values.signedOn)) problems.signedOn = t('pilots.contract.dateInvalid');
  else if (values.signedOn > moscowToday()) problems.signedOn = t('pilots.contract.dateInFuture');
  return problems.amount || problems.signedOn ? problems : null;
}

/** The two inputs, shared by this dialog and the pilot's completion dialog. */
export function ContractFields({
  values,
  onChange,
  errors,
  autoFocus,
}: {
  values: ContractValues;
  onChange: (values: ContractValues) => void;
  errors: { amount?: string; signedOn?: string };
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('pilots.contract.amount')}
        description={t('pilots.contract.amountHint')}
        required
        inputMode="decimal"
        value={values.amount}
        onChange={(event) => onChange({ ...values, amount: event.currentTarget.value })}
        rightSection={<Text size="sm">₽</Text>}
        error={errors.amount}
        data-autofocus={autoFocus || undefined}
        maw={320}
      />
      <TextInput
        label={t('pilots.contract.signedOn')}
        type="date"
        required
        max={moscowToday()}
        value={values.signedOn}
        onChange={(event) => onChange({ ...values, signedOn: event.currentTarget.value })}
        error={errors.signedOn}
        maw={240}
      />
    </>
  );
}

interface ContractDialogProps {
  target: { pilotId: string } | { solutionId: string };
  opened: boolean;
  onClose: () => void;
}

export function ContractDialog({ target, opened, onClose }: ContractDialogProps) {
  const { t } = useTranslation();
  const record = useRecordContract(target);
  const idempotencyKey = useRef(crypto.randomUUID());
  const [values, setValues] = useState<ContractValues>({ amount: '', signedOn: moscowToday() });
  const [errors, setErrors] = useState<{ amount?: string; signedOn?: string }>({});
  const server = record.error instanceof ApiError ? record.error.fields : {};

  const send = () => {
    const problems = contractProblems(values, t);
    setErrors(problems ?? {});
    const kopecks = rublesToKopecks(values.amount);
    if (problems || !kopecks) return;
    record.mutate(
      { body: { amountKopecks: kopecks, signedOn: values.signedOn }, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: () => {
          notifySuccess(t('pilots.contract.recorded'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('pilots.contract.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">
          {'pilotId' in target ? t('pilots.contract.afterPilot') : t('pilots.contract.withoutPilot')}
        </Text>
        <ErrorAlert error={record.error} />
        <ContractFields
          values={values}
          onChange={setValues}
          errors={{
            amount: errors.amount ?? server.amountKopecks,
            signedOn: errors.signedOn ?? server.signedOn,
          }}
          autoFocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="#1e6f36" loading={record.isPending} onClick={send}>
            {t('pilots.contract.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
