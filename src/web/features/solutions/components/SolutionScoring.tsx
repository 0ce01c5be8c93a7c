// Scores on the request's criteria: the scores the caller may see with the average, and the scoring form for the
// customer's members and the request's experts while the customer is still choosing (once per person).
import { Alert, Box, Button, Group, NumberInput, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { type SolutionDetail, type SolutionScore, useScoreSolution } from '../api/solutions.ts';

const SCORABLE = ['submitted', 'shortlisted'];

function ScoringForm({ solution }: { solution: SolutionDetail }) {
  const { t } = useTranslation();
  const submit = useScoreSolution(solution.id);
  const [scores, setScores] = useState<Record<string, { score: number | ''; comment: string }>>(() =>
    Object.fromEntries(solution.criteria.map((criterion) => [criterion.key, { score: '', comment: '' }])),
  );
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const send = () => {
    const next: Record<string, string> = {};
    for (const criterion of solution.criteria) {
      if (scores[criterion.key].score === '') next[criterion.key] = t('solutions.scoring.scoreRequired');
      if (!scores[criterion.key].comment.trim())
        next[`${criterion.key}.comment`] = t('solutions.scoring.commentRequired');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    submit.mutate(
      {
        scores: solution.criteria.map((criterion) => ({
          criterion: criterion.key,
          score: Number(scores[criterion.key].score),
          comment: scores[criterion.key].comment.trim(),
        })),
        comment: comment.trim() || undefined,
      },
      { onSuccess: () => notifySuccess(t('solutions.scoring.sent')) },
    );
  };

  // the API names fields by position (`scores.2.score`) or by key (`scores.K3`)
  const serverError = (key: string, index: number) => {
    if (!(submit.error instanceof ApiError)) return undefined;
    const fields = submit.error.fields;
    return fields[`scores.${index}.score`] ?? fields[`scores.${index}.criterion`] ?? fields[`scores.${key}`];
  };

  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t('solutions.scoring.formTitle')}
      </Title>
      <ErrorAlert error={submit.error} />
      {solution.criteria.map((criterion, index) => (
        <Stack key={criterion.key} gap={4}>
          <NumberInput
            label={`${criterion.name} (0–${criterion.maxScore})`}
            description={t('solutions.scoring.weight', { weight: criterion.weight })}
            required
            min={0}
            max={criterion.maxScore}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            value={scores[criterion.key].score}
            onChange={(value) =>
              setScores((previous) => ({
                ...previous,
                [criterion.key]: { ...previous[criterion.key], score: value === '' ? '' : Number(value) },
              }))
            }
            error={errors[criterion.key] ?? serverError(criterion.key, index)}
            maw={260}
          />
          <Textarea
            label={t('solutions.scoring.commentFor', { criterion: criterion.name })}
            required
            autosize
            minRows={2}
            maxLength={5000}
            value={scores[criterion.key].comment}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setScores((previous) => ({
                ...previous,
                [criterion.key]: { ...previous[criterion.key], comment: text },
              }));
            }}
            error={errors[`${criterion.key}.comment`]}
          />
        </Stack>
      ))}
      <Textarea
        label={t('solutions.scoring.overallComment')}
        autosize
        minRows={2}
        maxLength={5000}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
      />
      <Group>
        <Button onClick={send} loading={submit.isPending}>
          {t('solutions.scoring.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function ScoresTable({ solution, scores }: { solution: SolutionDetail; scores: SolutionScore[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    // a phone scrolls the table sideways; the region takes the focus so a keyboard can scroll it too
    <Box role="region" aria-label={t('solutions.scoring.tableLabel')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table aria-label={t('solutions.scoring.tableLabel')} verticalSpacing="xs" miw={420}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('solutions.scoring.scorer')}</Table.Th>
            {solution.criteria.map((criterion) => (
              <Table.Th key={criterion.key} scope="col" title={criterion.name}>
                {criterion.key}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('solutions.scoring.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scores.map((score) => (
            <Table.Tr key={score.scorerId}>
              <Table.Th scope="row" fw={500}>
                {score.scorerName ?? t('solutions.scoring.anotherScorer')}
                <Text size="xs" c="dimmed">
                  {formatDate(score.scoredAt)}
                </Text>
              </Table.Th>
              {solution.criteria.map((criterion) => {
                const given = score.scores.find((item) => item.criterion === criterion.key);
                return (
                  <Table.Td key={criterion.key} title={given?.comment || undefined}>
                    {given ? formatNumber(given.score, language) : '—'}
                  </Table.Td>
                );
              })}
              <Table.Td>
                <strong>{formatNumber(score.total, language)}</strong>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** Comments of one score, under the table, so they are read rather than hidden in tooltips. */
function ScoreComments({ solution, score }: { solution: SolutionDetail; score: SolutionScore }) {
  const { t } = useTranslation();
  const lines = score.scores.filter((item) => item.comment.trim());
  if (lines.length === 0 && !score.comment) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {score.scorerName ?? t('solutions.scoring.anotherScorer')}
      </Text>
      {lines.map((item) => (
        <Text key={item.criterion} size="sm" style={{ whiteSpace: 'pre-line' }}>
          {solution.criteria.find((criterion) => criterion.key === item.criterion)?.name ?? item.criterion}:{' '}
          {item.comment}
        </Text>
      ))}
      {score.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {t('solutions.scoring.overallComment')}: {score.comment}
        </Text>
      )}
    </Stack>
  );
}

interface SolutionScoringProps {
  solution: SolutionDetail;
}

export function SolutionScoring({ solution }: SolutionScoringProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const roles = solution.viewerRoles;
  const canScore = roles.includes('customer') || roles.includes('expert');
  const scores = solution.scores ?? [];
  const open = SCORABLE.includes(solution.status);

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('solutions.scoring.title')}
        </Title>
        <Text>
          {solution.scoreAverage === null
            ? t('solutions.scoring.noAverage')
            : t('solutions.scoring.average', {
                average: formatNumber(solution.scoreAverage, language),
                count: solution.scoreCount ?? 0,
              })}
        </Text>
        {scores.length > 0 && <ScoresTable solution={solution} scores={scores} />}
        {scores.map((score) => (
          <ScoreComments key={score.scorerId} solution={solution} score={score} />
        ))}
        {canScore && solution.myScore && (
          <Alert color="green" role="status" title={t('solutions.scoring.sent')}>
            {t('solutions.scoring.yourTotal', { total: solution.myScore.total })}
          </Alert>
        )}
        {canScore && !solution.myScore && open && <ScoringForm solution={solution} />}
        {canScore && !solution.myScore && !open && (
          <Text size="sm" c="dimmed">
            {t('solutions.scoring.closed')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
