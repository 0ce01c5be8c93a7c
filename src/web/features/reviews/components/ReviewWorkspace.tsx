// One review: first the conflict-of-interest declaration, then the answers and the scoring form.
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../../../shared/measures.ts';
import { RECOMMENDATIONS } from '../../../../shared/measures.ts';
import { AnswersTable } from '../../../components/ui/AnswersTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type ReviewDetail, useDeclareNoConflict, useRecuse, useSubmitScores } from '../api/reviews.ts';

/** Recusal for a conflict of interest: irreversible, so it asks for the reason in a dialog of its own. */
function RecusalDialog({ review, opened, onClose }: { review: ReviewDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const recuse = useRecuse(review.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('expert.recuseTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('expert.recuseText', { organization: review.organizationName })}</Text>
        <ErrorAlert error={recuse.error} />
        <Textarea
          label={t('expert.recuseReason')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          data-autofocus
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={
            missing
              ? t('expert.recuseReasonRequired')
              : recuse.error instanceof ApiError
                ? recuse.error.fields.reason
                : undefined
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="#b02525"
            loading={recuse.isPending}
            onClick={() => {
              if (!reason.trim()) return setMissing(true);
              setMissing(false);
              recuse.mutate(reason.trim(), {
                onSuccess: () => {
                  notifySuccess(t('expert.recusedDone'));
                  onClose();
                },
              });
            }}
          >
            {t('expert.confirmRecuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Declaration({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const declare = useDeclareNoConflict(review.id);
  const [agreed, setAgreed] = useState(false);
  const [recusing, setRecusing] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('expert.declarationTitle')}
        </Title>
        <Text>{t('expert.declarationText', { organization: review.organizationName })}</Text>
        <ErrorAlert error={declare.error} />
        <Checkbox
          label={t('expert.noConflict')}
          checked={agreed}
          onChange={(event) => setAgreed(event.currentTarget.checked)}
        />
        <Group>
          <Button disabled={!agreed} loading={declare.isPending} onClick={() => declare.mutate()}>
            {t('expert.confirmDeclaration')}
          </Button>
        </Group>
        <Divider />
        <Text size="sm">{t('expert.conflictHint')}</Text>
        <Group>
          <Button variant="outline" color="#b02525" onClick={() => setRecusing(true)} aria-haspopup="dialog">
            {t('expert.recuse')}
          </Button>
        </Group>
      </Stack>
      <RecusalDialog key={String(recusing)} review={review} opened={recusing} onClose={() => setRecusing(false)} />
    </Paper>
  );
}

function Answers({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const answers = review.answers ?? {};
  // the server sends the form's questions with the answers; keys are the fallback should a field be unknown
  const fields = review.formFields ?? Object.keys(answers).map((key) => ({ key, label: key, type: 'text' as const }));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('expert.answers')}
      </Title>
      <AnswersTable fields={fields} answers={answers} documents={review.documents ?? []} />
    </Paper>
  );
}

function ScoringForm({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const submit = useSubmitScores(review.id);
  const [scores, setScores] = useState<Record<string, { score: number | ''; comment: string }>>(() =>
    Object.fromEntries(review.criteria.map((criterion) => [criterion.key, { score: '', comment: '' }])),
  );
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const send = () => {
    const next: Record<string, string> = {};
    for (const criterion of review.criteria) {
      if (scores[criterion.key].score === '') next[criterion.key] = t('expert.scoreRequired');
      if (!scores[criterion.key].comment.trim()) next[`${criterion.key}.comment`] = t('expert.commentRequired');
    }
    if (!recommendation) next.recommendation = t('expert.recommendationRequired');
    setErrors(next);
    if (Object.keys(next).length > 0 || !recommendation) return;
    submit.mutate(
      {
        scores: review.criteria.map((criterion) => ({
          criterion: criterion.key,
          score: Number(scores[criterion.key].score),
          comment: scores[criterion.key].comment.trim(),
        })),
        recommendation,
      },
      { onSuccess: () => notifySuccess(t('expert.submitted')) },
    );
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('expert.scoring')}
        </Title>
        <ErrorAlert
          error={submit.error}
          extraMessages={submit.error instanceof ApiError ? Object.values(submit.error.fields) : []}
        />
        {review.criteria.map((criterion) => (
          <Stack key={criterion.key} gap={4}>
            <NumberInput
              label={`${criterion.name} (0–${criterion.maxScore})`}
              description={t('expert.weight', { weight: Math.round(criterion.weight * 100) })}
              required
              min={0}
              max={criterion.maxScore}
              allowDecimal={false}
              clampBehavior="strict"
              value={scores[criterion.key].score}
              onChange={(value) =>
                setScores((previous) => ({
                  ...previous,
                  [criterion.key]: { ...previous[criterion.key], score: value === '' ? '' : Number(value) },
                }))
              }
              error={errors[criterion.key]}
              maw={260}
            />
            <Textarea
              label={t('expert.commentFor', { criterion: criterion.name })}
              required
              autosize
              minRows={2}
              maxLength={5000}
              error={errors[`${criterion.key}.comment`]}
              value={scores[criterion.key].comment}
              onChange={(event) => {
                const comment = event.currentTarget.value;
                setScores((previous) => ({ ...previous, [criterion.key]: { ...previous[criterion.key], comment } }));
              }}
            />
          </Stack>
        ))}
        <Select
          label={t('expert.recommendation')}
          required
          data={RECOMMENDATIONS.map((value) => ({ value, label: t(`enums.recommendation.${value}`) }))}
          value={recommendation}
          onChange={(value) => setRecommendation(value as Recommendation | null)}
          error={errors.recommendation}
          maw={360}
        />
        <Group>
          <Button onClick={send} loading={submit.isPending}>
            {t('expert.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ReviewWorkspace({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  if (review.status === 'assigned') return <Declaration review={review} />;
  if (review.status === 'recused') return <Alert color="gray">{t('expert.recused')}</Alert>;
  return (
    <Stack gap="md">
      <Answers review={review} />
      {review.status === 'declared' ? (
        <ScoringForm review={review} />
      ) : (
        <Alert color="green" role="status" title={t('expert.submitted')}>
          {t('expert.yourScore', { score: review.weightedScore ?? '—' })}
          {review.recommendation ? ` · ${t(`enums.recommendation.${review.recommendation}`)}` : ''}
        </Alert>
      )}
    </Stack>
  );
}
