// The operator's funnels: joining the cluster, support measures, innovation requests and investment deals, counted
// live for the period, measure, customer and technology in the address, with the same view as a file.
import { Alert, Button, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { placeholderKeys } from '../components/ui/placeholder-keys.ts';
import { useFunnelMeasures, useFunnels, useOrganizationOption } from '../features/analytics/api/funnels.ts';
import {
  type FilterGroup,
  type FunnelsFilter,
  filterGroups,
  funnelsSearch,
  parseFunnelsSearch,
  periodIsValid,
} from '../features/analytics/api/funnels-search.ts';
import { FunnelCard } from '../features/analytics/components/FunnelCard.tsx';
import { FunnelFilters } from '../features/analytics/components/FunnelFilters.tsx';
import { ExportButtons } from '../features/exports/components/ExportButtons.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { requireSignedIn } from './guards.ts';
import { OperatorOnly } from './operator-guard.tsx';
import { rootRoute } from './root.tsx';

function FunnelsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const filter = funnelsSearch(operatorFunnelsRoute.useSearch());
  const validPeriod = periodIsValid(filter);
  const funnels = useFunnels(filter, language, validPeriod);
  const measures = useFunnelMeasures();
  const customer = useOrganizationOption(filter.customerId);

  const setFilter = (change: Partial<FunnelsFilter>) =>
    void navigate({ to: '/operator/funnels', search: () => funnelsSearch({ ...filter, ...change }) });
  const reset = () => void navigate({ to: '/operator/funnels', search: {} });

  const describeFilter = (group: FilterGroup): string => {
    switch (group) {
      case 'period':
        if (filter.from && filter.to)
          return t('funnels.filterValue.period', { from: formatDate(filter.from), to: formatDate(filter.to) });
        return filter.from
          ? t('funnels.filterValue.since', { from: formatDate(filter.from) })
          : t('funnels.filterValue.until', { to: formatDate(filter.to) });
      case 'measureId': {
        const measure = measures.data?.find((m) => m.id === filter.measureId);
        return t('funnels.filterValue.measure', { measure: measure ? `${measure.code} · ${measure.title}` : '…' });
      }
      case 'customerId':
        return t('funnels.filterValue.customer', { customer: customer.data?.shortName ?? '…' });
      case 'technology':
        return t('funnels.filterValue.technology', {
          technology: filter.technology ? t(`enums.technology.${filter.technology}`) : '',
        });
    }
  };

  const activeFilters = filterGroups(Object.keys(filter));
  const data = validPeriod ? funnels.data : undefined;
  const nothingCounted = data?.funnels.every((funnel) => (funnel.steps[0]?.count ?? 0) === 0) ?? false;

  return (
    <>
      <PageHeader
        title={t('funnels.title')}
        description={t('funnels.intro')}
        aside={
          <ExportButtons list="funnels" filter={filter} subject={t('funnels.exportSubject')} disabled={!validPeriod} />
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="search" aria-label={t('funnels.filters.label')}>
          <FunnelFilters filter={filter} onChange={setFilter} onReset={reset} />
        </Paper>

        <Text size="sm" aria-live="polite" data-testid="funnels-computed">
          {!validPeriod
            ? t('funnels.fixPeriod')
            : funnels.isFetching
              ? t('funnels.counting')
              : data
                ? t('funnels.computedAt', { at: formatDateTime(data.computedAt) })
                : ''}
        </Text>

        {validPeriod && <ErrorAlert error={funnels.error} />}

        {validPeriod && funnels.isPending && (
          <Stack gap="md" aria-busy="true" aria-label={t('common.loading')} role="status">
            {placeholderKeys(2, 'funnel').map((key) => (
              <Paper key={key} withBorder p="md">
                <Skeleton height={24} width="40%" mb="sm" />
                <Skeleton height={14} mb="xs" />
                <Skeleton height={14} width="80%" mb="md" />
                <Skeleton height={120} />
              </Paper>
            ))}
          </Stack>
        )}

        {nothingCounted && (
          <Alert color="klaster" icon={<IconInfoCircle aria-hidden />} title={t('funnels.emptyTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('funnels.emptyText')}</Text>
              {activeFilters.length > 0 && (
                <Button variant="default" size="xs" onClick={reset}>
                  {t('funnels.filters.reset')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}

        {data &&
          !nothingCounted &&
          data.funnels.map((funnel) => (
            <FunnelCard
              key={funnel.key}
              funnel={funnel}
              language={language}
              activeFilters={activeFilters}
              describeFilter={describeFilter}
            />
          ))}
      </Stack>
    </>
  );
}

export const operatorFunnelsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/operator/funnels',
  beforeLoad: requireSignedIn,
  validateSearch: parseFunnelsSearch,
  component: () => (
    <OperatorOnly>
      <FunnelsPage />
    </OperatorOnly>
  ),
});
