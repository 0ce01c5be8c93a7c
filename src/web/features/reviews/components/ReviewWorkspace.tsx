// One review: first the conflict-of-interest declaration, then the answers and the scoring form.
import { Alert, Anchor, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '../../../../shared/measures.ts';
import { RECOMMENDATIONS } from '../../../../shared/measures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type ReviewDetail, useDeclareNoConflict, useSubmitScores } from '../api/reviews.ts';

function Declaration({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const declare = useDeclareNoConflict(review.id);
  const [agreed, setAgreed] = useState(false);
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
      </Stack>
    </Paper>
  );
}

function Answers({ review }: { review: ReviewDetail }) {
  const { t } = useTranslation();
  const answers = review.answers ?? {};
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('expert.answers')}
      </Title>
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          {Object.entries(answers).map(([key, value]) => {
            const document = review.documents?.find((item) => item.fieldKey === key);
            return (
              <Table.Tr key={key}>
                <Table.Th scope="row" w="35%">
                  {key}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>
                  {document ? (
                    <Anchor href={`/api/files/${document.fileId}`} target="_blank" rel="noopener">
                      {document.fileName}
                    </Anchor>
                  ) : (
                    String(value)
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
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
        <ErrorAlert error={submit.error} extraMessages={submit.error instanceof ApiError ? Object.values(submit.error.fields) : []} />
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
