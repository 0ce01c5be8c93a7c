// The public dashboard: the headline figures with their counting rules, a figure over months or years, breakdowns,
// the open-data files; the operator also sees when the figures were computed, recomputes them and downloads them.
// Every choice is in the address, so a link shows the same view.
import { Stack, Title } from '@mantine/core';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { BreakdownPanel } from '../features/analytics/components/BreakdownPanel.tsx';
import {
  type FiguresSearch,
  HEADLINE_FIGURES,
  parseFiguresSearch,
  resolveFiguresSearch,
} from '../features/analytics/components/figure-values.ts';
import { HeadlineFigures } from '../features/analytics/components/HeadlineFigures.tsx';
import { OpenDataLinks } from '../features/analytics/components/OpenDataLinks.tsx';
import { OperatorFigures } from '../features/analytics/components/OperatorFigures.tsx';
import { SeriesPanel } from '../features/analytics/components/SeriesPanel.tsx';
import { isOperatorRole, useSession } from '../features/auth/api/session.ts';
import { rootRoute } from './root.tsx';

function FiguresPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const search = figuresRoute.useSearch();
  const view = resolveFiguresSearch(search);

  // a new choice replaces the address rather than stacking history entries, and keeps the reader where they are
  const update = (change: Partial<FiguresSearch>) =>
    void navigate({
      to: '/figures',
      search: (previous) => parseFiguresSearch({ ...previous, ...change }),
      replace: true,
      resetScroll: false,
    });

  return (
    <Stack gap="lg">
      <PageHeader title={t('figures.title')} description={t('figures.intro')} />
      {isOperatorRole(user) && <OperatorFigures period={view.period} by={view.by} of={view.of} />}
      <Stack gap="sm" component="section" aria-labelledby="figures-headline-title">
        <Title order={2} size="h3" id="figures-headline-title">
          {t('figures.headlineTitle')}
        </Title>
        <HeadlineFigures figures={HEADLINE_FIGURES} withRules headingOrder={3} />
      </Stack>
      <SeriesPanel figure={view.figure} period={view.period} onChange={update} />
      <BreakdownPanel by={view.by} of={view.of} onChange={update} />
      <OpenDataLinks period={view.period} />
    </Stack>
  );
}

export const figuresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/figures',
  validateSearch: parseFiguresSearch,
  component: FiguresPage,
});
