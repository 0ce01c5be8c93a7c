// The expert's workspace: reviews pending and done, and one review (declaration first, then scoring).
import { Anchor, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { type ReviewState, useReview } from '../features/reviews/api/reviews.ts';
import { ReviewList } from '../features/reviews/components/ReviewList.tsx';
import { ReviewWorkspace } from '../features/reviews/components/ReviewWorkspace.tsx';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

function ReviewsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state } = expertReviewsRoute.useSearch();
  return (
    <Stack gap="md">
      <PageHeader title={t('expert.title')} description={t('expert.intro')} />
      <ReviewList
        state={state ?? 'pending'}
        onStateChange={(next) =>
          void navigate({ to: '/expert/reviews', search: { state: next === 'pending' ? undefined : next } })
        }
      />
    </Stack>
  );
}

export const expertReviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/expert/reviews',
  beforeLoad: requireSignedIn,
  validateSearch: (search: Record<string, unknown>): { state?: ReviewState } => ({
    state: search.state === 'done' ? 'done' : undefined,
  }),
  component: ReviewsPage,
});

function ReviewPage() {
  const { t } = useTranslation();
  const { id } = expertReviewRoute.useParams();
  const review = useReview(id);
  const back = (
    <Anchor renderRoot={(props) => <Link {...props} to="/expert/reviews" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('expert.back')}
      </Group>
    </Anchor>
  );
  if (review.isPending) return <LoadingBlock lines={6} />;
  if (review.isError) {
    return (
      <Stack maw={720}>
        {back}
        <PageHeader title={t('expert.title')} />
        <ErrorAlert error={review.error} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('expert.reviewTitle', { number: review.data.applicationNumber })}
        description={`${review.data.measureTitle} · ${review.data.organizationName}`}
      />
      <ReviewWorkspace review={review.data} />
    </Stack>
  );
}

export const expertReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/expert/reviews/$id',
  beforeLoad: requireSignedIn,
  component: ReviewPage,
});
