// What the operator may do with a support application now, by its `allowedEvents`: register, return
// with a comment, assign experts (by hand or automatically), decide with a reason (and the amount), record a tranche.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatKopecks, formatNumber } from '../../../lib/format.ts';
import { kopecksToRubles, rublesToKopecks } from '../../../lib/money-input.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type SupportApplication,
  useApplicationReviews,
  useApplicationStep,
  useDecideApplication,
  useRecordTranche,
  useReturnApplication,
} from '../api/applications.ts';
import { ExpertAssignment } from './ExpertAssignment.tsx';

type Dialog = 'return' | 'decision' | 'tranche' | null;

function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fields[path] : undefined;
}

function ReturnDialog({
  application,
  opened,
  onClose,
}: {
  application: SupportApplication;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const giveBack = useReturnApplication(application.id);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('supportActions.returnTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <ErrorAlert error={giveBack.error} />
        <Textarea
          label={t('supportActions.returnComment')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={missing ? t('supportActions.commentRequired') : fieldError(giveBack.error, 'comment')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="#8a4b00"
            loading={giveBack.isPending}
            onClick={() => {
              if (!comment.trim()) return setMissing(true);
              setMissing(false);
              giveBack.mutate(comment.trim(), {
                onSuccess: () => {
                  notifySuccess(t('supportActions.returned'));
                  onClose();
                },
              });
            }}
          >
            {t('supportActions.confirmReturn')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DecisionDialog({
  application,
  opened,
  onClose,
}: {
  application: SupportApplication;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const decide = useDecideApplication(application.id);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [amount, setAmount] = useState(() => kopecksToRubles(application.requestedAmountKopecks));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});

  const confirm = () => {
    const next: { amount?: string; reason?: string } = {};
    const kopecks = rublesToKopecks(amount);
    if (decision === 'approve') {
      if (!kopecks || kopecks === '0') next.amount = t('applications.amountInvalid');
      else if (BigInt(kopecks) > BigInt(application.requestedAmountKopecks))
        next.amount = t('supportActions.amountOverRequested');
    }
    if (!reason.trim()) next.reason = t('supportActions.reasonRequired');
    setErrors(next);
    if (next.amount || next.reason) return;
    decide.mutate(
      {
        decision,
        reason: reason.trim(),
        amountKopecks: decision === 'approve' ? (kopecks ?? undefined) : undefined,
        version: application.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('supportActions.decided'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('supportActions.decisionTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <ErrorAlert error={decide.error} />
        <SegmentedControl
          aria-label={t('supportActions.decision')}
          value={decision}
          onChange={(value) => setDecision(value as 'approve' | 'reject')}
          data={[
            { value: 'approve', label: t('supportActions.approve') },
            { value: 'reject', label: t('supportActions.reject') },
          ]}
        />
        {decision === 'approve' && (
          <TextInput
            label={t('supportActions.approvedAmount')}
            description={t('supportActions.amountCap', {
              cap: formatKopecks(application.requestedAmountKopecks, language),
            })}
            required
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            rightSection={<Text size="sm">₽</Text>}
            error={errors.amount ?? fieldError(decide.error, 'amountKopecks')}
          />
        )}
        <Textarea
          label={t('supportActions.reason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason ?? fieldError(decide.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={decision === 'approve' ? '#1e6f36' : '#b02525'} loading={decide.isPending} onClick={confirm}>
            {t(decision === 'approve' ? 'supportActions.confirmApprove' : 'supportActions.confirmReject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TrancheDialog({
  application,
  opened,
  onClose,
}: {
  application: SupportApplication;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const record = useRecordTranche(application.id);
  const left = BigInt(application.approvedAmountKopecks ?? '0') - BigInt(application.paidKopecks);
  const [amount, setAmount] = useState(() => kopecksToRubles(left > 0n ? left.toString() : ''));
  const [milestone, setMilestone] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; milestone?: string }>({});
  const confirm = () => {
    const kopecks = rublesToKopecks(amount);
    const next: { amount?: string; milestone?: string } = {};
    if (!kopecks || kopecks === '0') next.amount = t('applications.amountInvalid');
    else if (BigInt(kopecks) > left) next.amount = t('supportActions.amountOverLeft');
    if (!milestone.trim()) next.milestone = t('supportActions.milestoneRequired');
    setErrors(next);
    if (next.amount || next.milestone || !kopecks) return;
    record.mutate(
      { amountKopecks: kopecks, milestone: milestone.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('supportActions.trancheRecorded'));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('supportActions.trancheTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <ErrorAlert error={record.error} />
        <TextInput
          label={t('supportActions.trancheAmount')}
          description={t('supportActions.leftToPay', {
            amount: formatKopecks(left > 0n ? left.toString() : '0', language),
          })}
          required
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          rightSection={<Text size="sm">₽</Text>}
          error={errors.amount ?? fieldError(record.error, 'amountKopecks')}
          data-autofocus
        />
        <TextInput
          label={t('supportActions.milestone')}
          required
          maxLength={500}
          value={milestone}
          onChange={(event) => setMilestone(event.currentTarget.value)}
          error={errors.milestone ?? fieldError(record.error, 'milestone')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={record.isPending} onClick={confirm}>
            {t('supportActions.confirmTranche')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function OperatorSupportActions({ application }: { application: SupportApplication }) {
  const { t } = useTranslation();
  const register = useApplicationStep(application.id, 'register');
  const [dialog, setDialog] = useState<Dialog>(null);
  const events = application.allowedEvents;
  const canDecide = events.includes('approve') || events.includes('reject');
  const canPay = events.includes('pay');
  const any = events.includes('register') || events.includes('return') || canDecide || canPay;

  return (
    <Stack gap="sm">
      <ErrorAlert error={register.error} />
      {any ? (
        <Group gap="sm">
          {events.includes('register') && (
            <Button
              loading={register.isPending}
              onClick={() =>
                register.mutate(undefined, { onSuccess: () => notifySuccess(t('supportActions.registered')) })
              }
            >
              {t('supportActions.register')}
            </Button>
          )}
          {canDecide && (
            <Button color="#1e6f36" onClick={() => setDialog('decision')} aria-haspopup="dialog">
              {t('supportActions.decide')}
            </Button>
          )}
          {canPay && (
            <Button onClick={() => setDialog('tranche')} aria-haspopup="dialog">
              {t('supportActions.recordTranche')}
            </Button>
          )}
          {events.includes('return') && (
            <Button variant="outline" color="#8a4b00" onClick={() => setDialog('return')} aria-haspopup="dialog">
              {t('supportActions.return')}
            </Button>
          )}
        </Group>
      ) : (
        <Text c="dimmed">{t('supportActions.none')}</Text>
      )}
      <ExpertAssignment application={application} />
      <ReturnDialog
        key={`r-${dialog === 'return'}`}
        application={application}
        opened={dialog === 'return'}
        onClose={() => setDialog(null)}
      />
      <DecisionDialog
        key={`d-${dialog === 'decision'}`}
        application={application}
        opened={dialog === 'decision'}
        onClose={() => setDialog(null)}
      />
      <TrancheDialog
        key={`t-${dialog === 'tranche'}-${application.paidKopecks}`}
        application={application}
        opened={dialog === 'tranche'}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}

/** The experts' reviews of the application: each score, the consensus and a flag when they diverge. */
export function ApplicationReviewsPanel({ application }: { application: SupportApplication }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const reviewed = !['draft', 'submitted', 'returned', 'withdrawn'].includes(application.status);
  const reviews = useApplicationReviews(application.id, reviewed);
  if (!reviewed) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('supportReviews.title')}
      </Title>
      <ErrorAlert error={reviews.error} />
      {reviews.data && (
        <>
          <Group gap="sm">
            <Text>
              {t('supportReviews.consensus')}:{' '}
              <strong>
                {reviews.data.consensus === null ? '—' : formatNumber(Math.round(reviews.data.consensus), language)}
              </strong>{' '}
              / 100
            </Text>
            {reviews.data.divergent && (
              <Badge color="#8a4b00" c="#ffffff">
                {t('supportReviews.divergent', { spread: reviews.data.spread ?? 0 })}
              </Badge>
            )}
          </Group>
          {reviews.data.reviews.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('supportReviews.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={420}>
              <Table aria-label={t('supportReviews.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('supportReviews.expert')}</Table.Th>
                    <Table.Th scope="col">{t('supportReviews.status')}</Table.Th>
                    <Table.Th scope="col">{t('supportReviews.score')}</Table.Th>
                    <Table.Th scope="col">{t('supportReviews.recommendation')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reviews.data.reviews.map((review) => (
                    <Table.Tr key={review.id}>
                      <Table.Td>{review.expertName ?? '—'}</Table.Td>
                      <Table.Td>{t(`enums.reviewStatus.${review.status}`)}</Table.Td>
                      <Table.Td>{review.weightedScore ?? '—'}</Table.Td>
                      <Table.Td>
                        {review.recommendation ? t(`enums.recommendation.${review.recommendation}`) : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {reviews.data.reviews.length < reviews.data.expertsPerApplication &&
            application.status === 'under_review' && (
              <Alert color="gray">{t('supportReviews.waiting', { count: reviews.data.expertsPerApplication })}</Alert>
            )}
        </>
      )}
    </Stack>
  );
}
