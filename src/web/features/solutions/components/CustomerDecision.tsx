// The customer's decisions on a submitted solution: shortlist it, or decline it with a reason the company reads.
// `children` carries what other features add for a shortlisted solution (the pilot and the contract).
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type SolutionDetail, useDeclineSolution, useShortlistSolution } from '../api/solutions.ts';

function DeclineDialog({
  solution,
  opened,
  onClose,
}: {
  solution: SolutionDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decline = useDeclineSolution(solution.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('solutions.decision.declineTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('solutions.decision.declineText', { organization: solution.organizationName })}</Text>
        <ErrorAlert error={decline.error} />
        <Textarea
          label={t('solutions.decision.reason')}
          description={t('solutions.decision.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={
            missing
              ? t('solutions.decision.reasonRequired')
              : decline.error instanceof ApiError
                ? decline.error.fields.reason
                : undefined
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="#b02525"
            loading={decline.isPending}
            onClick={() => {
              if (!reason.trim()) return setMissing(true);
              setMissing(false);
              decline.mutate(
                { reason: reason.trim(), version: solution.version },
                {
                  onSuccess: () => {
                    notifySuccess(t('solutions.decision.declined'));
                    onClose();
                  },
                },
              );
            }}
          >
            {t('solutions.decision.confirmDecline')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface CustomerDecisionProps {
  solution: SolutionDetail;
  /** the customer's owners and managers decide; its other members and the experts only score */
  canDecide: boolean;
  children?: ReactNode;
}

export function CustomerDecision({ solution, canDecide, children }: CustomerDecisionProps) {
  const { t } = useTranslation();
  const shortlist = useShortlistSolution(solution.id);
  const [declining, setDeclining] = useState(false);
  const events = solution.allowedEvents;
  const canShortlist = canDecide && events.includes('shortlist');
  const canDecline = canDecide && events.includes('decline');

  if (!canDecide) {
    return (
      <Text size="sm" c="dimmed">
        {t('solutions.decision.onlyManagers')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <ErrorAlert error={shortlist.error} />
      {solution.status === 'declined' && solution.lastComment && (
        <Text size="sm">
          {t('solutions.decision.declinedWith')}: {solution.lastComment}
        </Text>
      )}
      {canShortlist || canDecline ? (
        <Group gap="sm">
          {canShortlist && (
            <Button
              color="#1e6f36"
              loading={shortlist.isPending}
              onClick={() =>
                shortlist.mutate(solution.version, {
                  onSuccess: () => notifySuccess(t('solutions.decision.shortlisted')),
                })
              }
            >
              {t('solutions.decision.shortlist')}
            </Button>
          )}
          {canDecline && (
            <Button variant="outline" color="#b02525" onClick={() => setDeclining(true)} aria-haspopup="dialog">
              {t('solutions.decision.decline')}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('solutions.decision.none')}
        </Text>
      )}
      {children}
      <DeclineDialog
        key={String(declining)}
        solution={solution}
        opened={declining}
        onClose={() => setDeclining(false)}
      />
    </Stack>
  );
}
