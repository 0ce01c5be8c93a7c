// The public registry: every filter, the sort and the page live in the URL, so a link reproduces the view.
import { Button, Paper, Stack } from '@mantine/core';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  MEMBERSHIP_KINDS,
  MOSCOW_DISTRICTS,
  OKVED_SECTIONS,
  SME_CATEGORIES,
  STARTUP_STAGES,
  TECHNOLOGY_AREAS,
} from '../../shared/domain.ts';
import { CatalogueResults, CatalogueSearchField, useSearchText } from '../components/ui/CatalogueList.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  REGISTRY_PAGE_SIZE,
  REGISTRY_SORTS,
  type RegistryFilter,
  type RegistryQuery,
  useRegistrySearch,
} from '../features/registry/api/registry.ts';
import { RegistryFilters } from '../features/registry/components/RegistryFilters.tsx';
import { RegistryResultCard } from '../features/registry/components/RegistryResultCard.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { rootRoute } from './root.tsx';

type RegistrySearch = Omit<RegistryFilter, 'page'> & { page?: number };

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

export function parseRegistrySearch(search: Record<string, unknown>): RegistrySearch {
  const page = Number(search.page);
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : undefined;
  return {
    q: q || undefined,
    technology: oneOf(TECHNOLOGY_AREAS, search.technology),
    okvedSection: oneOf(OKVED_SECTIONS as RegistryQuery['okvedSection'][] as string[], search.okvedSection) as
      | RegistryQuery['okvedSection']
      | undefined,
    smeCategory: oneOf(SME_CATEGORIES, search.smeCategory),
    district: oneOf(MOSCOW_DISTRICTS, search.district),
    stage: oneOf(STARTUP_STAGES, search.stage),
    kind: oneOf(MEMBERSHIP_KINDS, search.kind),
    sort: oneOf(REGISTRY_SORTS, search.sort),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function RegistryPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const search = registryRoute.useSearch();
  const filter: RegistryFilter = { ...search, page: search.page ?? 1 };
  const registry = useRegistrySearch(filter);

  const update = (change: Partial<RegistryFilter>) =>
    void navigate({
      to: '/registry',
      search: (previous) => {
        const next = { ...previous, ...change };
        return parseRegistrySearch(next as Record<string, unknown>);
      },
    });
  const searchText = useSearchText(search.q, (q) => update({ q, page: 1, sort: undefined }));
  const reset = () => {
    searchText.setText('');
    void navigate({ to: '/registry', search: {} });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('registry.title')} description={t('registry.intro')} />
      <Paper withBorder p="md">
        <Stack gap="md">
          <CatalogueSearchField
            label={t('registry.searchLabel')}
            hint={t('registry.searchHint')}
            placeholder={t('registry.searchPlaceholder')}
            search={searchText}
          />
          <RegistryFilters filter={filter} facets={registry.data?.facets} onChange={update} onReset={reset} />
        </Stack>
      </Paper>

      <CatalogueResults
        query={registry}
        items={registry.data?.items ?? []}
        renderItem={(item) => <RegistryResultCard key={item.id} item={item} />}
        total={registry.data?.total}
        countText={(total) => t('registry.found', { count: total, formatted: formatNumber(total, language) })}
        testId="registry-total"
        empty={{
          title: t('registry.emptyTitle'),
          text: t('registry.emptyText'),
          actions: (
            <Button variant="default" onClick={reset}>
              {t('registry.reset')}
            </Button>
          ),
        }}
        pageSize={REGISTRY_PAGE_SIZE}
        page={filter.page}
        onPage={(page) => update({ page })}
      />
    </Stack>
  );
}

export const registryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/registry',
  validateSearch: parseRegistrySearch,
  component: RegistryPage,
});
