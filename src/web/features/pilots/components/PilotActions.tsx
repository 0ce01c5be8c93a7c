// What the person may do with a pilot now, by its status and their side: the site owner approves or refuses, the
// customer or the company starts it, the customer completes it with the outcome and records the contract.
import { Button, Checkbox, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moscowToday } from '../../../../shared/calendar-dates.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type PilotDetail, useApprovePilot, useCompletePilot, useStartPilot } from '../api/pilots.ts';
import { ContractDialog, ContractFields, type ContractValues, contractProblems } from './ContractDialog.tsx';

type Dialog = 'approve' | 'reject' | 'start' | 'complete' | 'contract' | null;

export interface PilotSides {
  /** the person is an owner or a manager of that side's organization */
  customer: boolean;
  company: boolean;
  siteOwner: boolean;
}

function ApproveDialog({
  pilot,
  approve,
  opened,
  onClose,
}: {
  pilot: PilotDetail;
  approve: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useApprovePilot(pilot.id);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(approve ? 'pilots.actions.approveTitle' : 'pilots.actions.rejectTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">
          {t(approve ? 'pilots.actions.approveText' : 'pilots.actions.rejectText', {
            site: pilot.siteName,
            organization: pilot.organizationName,
          })}
        </Text>
        <ErrorAlert error={decide.error} />
        <Textarea
          label={t(approve ? 'pilots.actions.approveComment' : 'pilots.actions.rejectComment')}
          required={!approve}
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={
            missing
              ? t('pilots.actions.commentRequired')
              : decide.error instanceof ApiError
                ? decide.error.fields.comment
                : undefined
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={approve ? '#1e6f36' : '#b02525'}
            loading={decide.isPending}
            onClick={() => {
              if (!approve && !comment.trim()) return setMissing(true);
              setMissing(false);
              decide.mutate(
                { approve, comment: comment.trim() || undefined, version: pilot.version },
                {
                  onSuccess: () => {
                    notifySuccess(t(approve ? 'pilots.actions.approved' : 'pilots.actions.rejected'));
                    onClose();
                  },
                },
              );
            }}
          >
            {t(approve ? 'pilots.actions.confirmApprove' : 'pilots.actions.confirmReject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function StartDialog({ pilot, opened, onClose }: { pilot: PilotDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const start = useStartPilot(pilot.id);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('pilots.actions.startTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{t('pilots.actions.startText', { number: pilot.number, site: pilot.siteName })}</Text>
        <ErrorAlert error={start.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={start.isPending}
            data-autofocus
            onClick={() =>
              start.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess(t('pilots.actions.started'));
                  onClose();
                },
              })
            }
          >
            {t('pilots.actions.confirmStart')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CompleteDialog({ pilot, opened, onClose }: { pilot: PilotDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const complete = useCompletePilot(pilot.id);
  const [outcome, setOutcome] = useState<'success' | 'failure' | null>(null);
  const [report, setReport] = useState('');
  const [withContract, setWithContract] = useState(false);
  const [contract, setContract] = useState<ContractValues>({ amount: '', signedOn: moscowToday() });
  const [errors, setErrors] = useState<{ outcome?: string; report?: string; amount?: string; signedOn?: string }>({});
  const server = complete.error instanceof ApiError ? complete.error.fields : {};

  const send = () => {
    const next: typeof errors = {};
    if (!outcome) next.outcome = t('pilots.actions.outcomeRequired');
    if (!report.trim()) next.report = t('pilots.actions.reportRequired');
    const signing = outcome === 'success' && withContract;
    if (signing) Object.assign(next, contractProblems(contract, t) ?? {});
    setErrors(next);
    const kopecks = rublesToKopecks(contract.amount);
    if (Object.keys(next).length > 0 || !outcome) return;
    complete.mutate(
      {
        outcome,
        resultReport: report.trim(),
        contract: signing && kopecks ? { amountKopecks: kopecks, signedOn: contract.signedOn } : undefined,
        version: pilot.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('pilots.actions.completed'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('pilots.actions.completeTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <ErrorAlert error={complete.error} />
        <Radio.Group
          label={t('pilots.actions.outcome')}
          required
          value={outcome}
          onChange={(value) => setOutcome(value as 'success' | 'failure')}
          error={errors.outcome ?? server.outcome}
        >
          <Group gap="lg" mt={4}>
            <Radio value="success" label={t('pilots.outcome.success')} data-autofocus />
            <Radio value="failure" label={t('pilots.outcome.failure')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('pilots.actions.report')}
          description={t('pilots.actions.reportHint')}
          required
          autosize
          minRows={4}
          maxLength={20_000}
          value={report}
          onChange={(event) => setReport(event.currentTarget.value)}
          error={errors.report ?? server.resultReport}
        />
        {outcome === 'success' && (
          <Checkbox
            label={t('pilots.actions.withContract')}
            description={t('pilots.actions.withContractHint')}
            checked={withContract}
            onChange={(event) => setWithContract(event.currentTarget.checked)}
          />
        )}
        {outcome === 'success' && withContract && (
          <ContractFields
            values={contract}
            onChange={setContract}
            errors={{
              amount: errors.amount ?? server['contract.amountKopecks'],
              signedOn: errors.signedOn ?? server['contract.signedOn'],
            }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={complete.isPending} onClick={send}>
            {t('pilots.actions.confirmComplete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PilotActions({ pilot, sides }: { pilot: PilotDetail; sides: PilotSides }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const events = pilot.allowedEvents;
  const canApprove = sides.siteOwner && events.includes('approve');
  const canStart = (sides.customer || sides.company) && events.includes('start');
  const canComplete = sides.customer && events.includes('complete');
  const canContract =
    sides.customer &&
    pilot.status === 'completed' &&
    pilot.outcome === 'success' &&
    pilot.contract === null &&
    pilot.solutionStatus === 'pilot';
  const close = () => setDialog(null);

  if (!canApprove && !canStart && !canComplete && !canContract) {
    return (
      <Text size="sm" c="dimmed">
        {t('pilots.actions.none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {canApprove && (
          <>
            <Button color="#1e6f36" onClick={() => setDialog('approve')} aria-haspopup="dialog">
              {t('pilots.actions.approve')}
            </Button>
            <Button variant="outline" color="#b02525" onClick={() => setDialog('reject')} aria-haspopup="dialog">
              {t('pilots.actions.reject')}
            </Button>
          </>
        )}
        {canStart && (
          <Button onClick={() => setDialog('start')} aria-haspopup="dialog">
            {t('pilots.actions.start')}
          </Button>
        )}
        {canComplete && (
          <Button onClick={() => setDialog('complete')} aria-haspopup="dialog">
            {t('pilots.actions.complete')}
          </Button>
        )}
        {canContract && (
          <Button color="#1e6f36" onClick={() => setDialog('contract')} aria-haspopup="dialog">
            {t('pilots.actions.contract')}
          </Button>
        )}
      </Group>
      <ApproveDialog
        key={`a-${dialog === 'approve'}`}
        pilot={pilot}
        approve
        opened={dialog === 'approve'}
        onClose={close}
      />
      <ApproveDialog
        key={`r-${dialog === 'reject'}`}
        pilot={pilot}
        approve={false}
        opened={dialog === 'reject'}
        onClose={close}
      />
      <StartDialog key={`s-${dialog === 'start'}`} pilot={pilot} opened={dialog === 'start'} onClose={close} />
      <CompleteDialog key={`c-${dialog === 'complete'}`} pilot={pilot} opened={dialog === 'complete'} onClose={close} />
      <ContractDialog
        key={`k-${dialog === 'contract'}`}
        target={{ pilotId: pilot.id }}
        opened={dialog === 'contract'}
        onClose={close}
      />
    </Stack>
  );
}
