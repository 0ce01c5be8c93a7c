// The operator assigns experts to a registered application (or replaces a recused one): by hand from the pool,
// which shows each expert's expertise and current load, or automatically by expertise and load.
import { Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatNumber } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import {
  type SupportApplication,
  useApplicationReviews,
  useAssignExperts,
  useExpertPool,
} from '../api/applications.ts';

// reviews that still hold a place in the application's quota
const OPEN_REVIEW = new Set(['assigned', 'declared']);

export function ExpertAssignment({ application }: { application: SupportApplication }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const assignable = application.status === 'registered' || application.status === 'under_review';
  const reviews = useApplicationReviews(application.id, assignable);
  const pool = useExpertPool(assignable);
  const assign = useAssignExperts(application.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  if (!assignable || !reviews.data) return null;
  const open = reviews.data.reviews.filter((review) => OPEN_REVIEW.has(review.status)).length;
  const room = reviews.data.expertsPerApplication - open;
  // under review with every place taken: nothing to assign
  if (application.status === 'under_review' && room <= 0) return null;
  // an expert who already had this application (even one who recused) is not offered again
  const taken = new Set(reviews.data.reviews.map((review) => review.expertId));
  const candidates = (pool.data?.items ?? []).filter((expert) => expert.active && !taken.has(expert.id));

  const assignChosen = () => {
    if (chosen.length === 0) return setProblem(t('expertAssignment.chooseOne'));
    if (chosen.length > room) return setProblem(t('expertAssignment.tooMany', { n: room }));
    setProblem(null);
    assign.mutate(
      { expertIds: chosen },
      {
        onSuccess: () => {
          setChosen([]);
          notifySuccess(t('supportActions.expertsAssigned'));
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('expertAssignment.title')}
      </Title>
      <Text size="sm">{t('expertAssignment.room', { n: formatNumber(room, language) })}</Text>
      <ErrorAlert error={pool.error ?? assign.error} />
      {pool.isPending ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('expertAssignment.noCandidates')}
        </Text>
      ) : (
        <Checkbox.Group
          label={t('expertAssignment.choose')}
          description={t('expertAssignment.chooseHint', { n: room })}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            setProblem(null);
          }}
          error={problem}
        >
          <Table.ScrollContainer minWidth={480} mt="xs">
            <Table aria-label={t('expertAssignment.pool')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('expertAssignment.expert')}</Table.Th>
                  <Table.Th scope="col">{t('expertAssignment.expertise')}</Table.Th>
                  <Table.Th scope="col">{t('expertAssignment.load')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.map((expert) => (
                  <Table.Tr key={expert.id}>
                    <Table.Td>
                      <Checkbox value={expert.id} label={expert.fullName} />
                    </Table.Td>
                    <Table.Td>
                      {expert.expertise
                        .map((area) => t(`enums.technology.${area}`, { defaultValue: area }))
                        .join(', ') || '—'}
                    </Table.Td>
                    <Table.Td>{formatNumber(expert.openReviews, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Checkbox.Group>
      )}
      <Group gap="sm">
        {candidates.length > 0 && (
          <Button loading={assign.isPending && 'expertIds' in (assign.variables ?? {})} onClick={assignChosen}>
            {t('expertAssignment.assignChosen', { n: chosen.length })}
          </Button>
        )}
        <Button
          variant="default"
          loading={assign.isPending && 'auto' in (assign.variables ?? {})}
          onClick={() =>
            assign.mutate({ auto: true }, { onSuccess: () => notifySuccess(t('supportActions.expertsAssigned')) })
          }
        >
          {t('supportActions.assignAuto')}
        </Button>
      </Group>
    </Stack>
  );
}
