// What the operator may do with an application now (from `allowedEvents`): take it into review,
// or decide in a dialog that asks for the reason and confirms the step.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { t as translate } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { MembershipStatusBadge } from '../../../components/ui/MembershipStatusBadge.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { splitFieldErrors } from '../../../lib/form-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type ApplicationDetail,
  type Decision,
  type MembershipEvent,
  useDecide,
  useTakeIntoReview,
} from '../api/membership.ts';

const DECISIONS: readonly Decision[] = ['approve', 'reject', 'suspend', 'reinstate', 'exclude'];

const DECISION_BUTTON: Record<Decision, { color: string; variant: 'filled' | 'outline' }> = {
  approve: { color: '#1e6f36', variant: 'filled' },
  reinstate: { color: '#1e6f36', variant: 'outline' },
  reject: { color: '#b02525', variant: 'outline' },
  suspend: { color: '#8a4b00', variant: 'outline' },
  exclude: { color: '#b02525', variant: 'filled' },
};

function isDecision(event: MembershipEvent): event is Decision {
  return (DECISIONS as readonly string[]).includes(event);
}

interface DecisionModalProps {
  application: ApplicationDetail;
  decision: Decision | null;
  onClose: () => void;
  onDecided: (result: { status: MembershipStatus; registryNumber: string | null }) => void;
}

function DecisionModal({ application, decision, onClose, onDecided }: DecisionModalProps) {
  const { t } = useTranslation();
  const decide = useDecide(application.id);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : translate('queue.reasonRequired')) },
  });
  const { unmatched } = splitFieldErrors(decide.error, ['reason']);
  const stale = isApiError(decide.error) && decide.error.status === 409;

  const close = () => {
    form.reset();
    decide.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (!decision) return;
    decide.mutate(
      { decision, reason: values.reason.trim(), version: application.version },
      {
        onSuccess: (answer) => {
          form.reset();
          onDecided({ status: answer.status, registryNumber: answer.registryNumber });
        },
        onError: (error) => form.setErrors(splitFieldErrors(error, ['reason']).fieldErrors),
      },
    );
  });

  return (
    <Modal
      opened={decision !== null}
      onClose={close}
      title={decision ? t(`decision.${decision}.title`) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {decision && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t(`decision.${decision}.consequence`, { name: application.organization.shortName })}</Text>
            <ErrorAlert error={decide.error} extraMessages={unmatched} />
            <Textarea
              label={t('membership.reason')}
              description={t('queue.reasonHint')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              data-autofocus
              {...form.getInputProps('reason')}
            />
            <Text size="sm" c="dimmed">
              {t('queue.confirmHint')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={decide.isPending} disabled={stale} color={DECISION_BUTTON[decision].color}>
                {t(`decision.${decision}.confirm`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function ApplicationActions({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const review = useTakeIntoReview(application.id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [outcome, setOutcome] = useState<{ status: MembershipStatus; registryNumber: string | null } | null>(null);

  const decisions = application.allowedEvents.filter(isDecision);
  const canReview = application.allowedEvents.includes('review');

  return (
    <Stack gap="sm">
      {outcome && (
        <Alert color="green" role="status" icon={<IconCircleCheck aria-hidden />} title={t('queue.decisionSaved')}>
          <Group gap="xs">
            <Text>{t('queue.newStatus')}:</Text>
            <MembershipStatusBadge status={outcome.status} />
          </Group>
          {outcome.status === 'participant' && outcome.registryNumber && (
            <Text mt="xs" fw={600}>
              {t('cluster.registryNumber')}: <span data-testid="registry-number">{outcome.registryNumber}</span>
            </Text>
          )}
        </Alert>
      )}
      <ErrorAlert error={review.error} />
      {canReview || decisions.length > 0 ? (
        <Group gap="sm">
          {canReview && (
            <Button
              loading={review.isPending}
              onClick={() =>
                review.mutate(undefined, {
                  onSuccess: (answer) => {
                    setOutcome({ status: answer.status, registryNumber: answer.registryNumber });
                    notifySuccess(t('queue.takenIntoReview'));
                  },
                })
              }
            >
              {t('decision.review')}
            </Button>
          )}
          {decisions.map((event) => (
            <Button
              key={event}
              color={DECISION_BUTTON[event].color}
              variant={DECISION_BUTTON[event].variant}
              onClick={() => setDecision(event)}
              aria-haspopup="dialog"
            >
              {t(`decision.${event}.button`)}
            </Button>
          ))}
        </Group>
      ) : (
        <Text c="dimmed">{t('queue.noActions')}</Text>
      )}
      <DecisionModal
        application={application}
        decision={decision}
        onClose={() => setDecision(null)}
        onDecided={(result) => {
          setDecision(null);
          setOutcome(result);
          notifySuccess(t('queue.decisionSaved'));
        }}
      />
    </Stack>
  );
}
