import { Card, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { type ReviewState, useReviews } from '../api/reviews.ts';

function ReviewItems({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  const reviews = useReviews(state);
  if (reviews.isPending) return <Skeleton height={60} />;
  if (reviews.isError) return <ErrorAlert error={reviews.error} />;
  if (reviews.data.items.length === 0) return <Text>{t(`expert.empty.${state}`)}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {reviews.data.items.map((review) => (
        <Card key={review.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Link to="/expert/reviews/$id" params={{ id: review.id }} className="card-title-link">
                {review.applicationNumber} · {review.measureTitle}
              </Link>
              <Text size="sm">
                {review.organizationName} · {t('expert.assignedOn', { date: formatDate(review.assignedAt) })}
              </Text>
            </Stack>
            <Text size="sm" fw={600}>
              {t(`enums.reviewStatus.${review.status}`)}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export function ReviewList({
  state,
  onStateChange,
}: {
  state: ReviewState;
  onStateChange: (state: ReviewState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs value={state} onChange={(value) => onStateChange((value as ReviewState) ?? 'pending')}>
      <Tabs.List>
        <Tabs.Tab value="pending">{t('expert.pending')}</Tabs.Tab>
        <Tabs.Tab value="done">{t('expert.done')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="pending" pt="md">
        {state === 'pending' && <ReviewItems state="pending" />}
      </Tabs.Panel>
      <Tabs.Panel value="done" pt="md">
        {state === 'done' && <ReviewItems state="done" />}
      </Tabs.Panel>
    </Tabs>
  );
}
