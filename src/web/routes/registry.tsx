// The public registry: every filter, the sort and the page live in the URL, so a link reproduces the view.
import { Box, Button, Card, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MEMBERSHIP_KINDS,
  MOSCOW_DISTRICTS,
  OKVED_SECTIONS,
  SME_CATEGORIES,
  STARTUP_STAGES,
  TECHNOLOGY_AREAS,
} from '../../shared/domain.ts';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../components/ui/ListPagination.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { placeholderKeys } from '../components/ui/placeholder-keys.ts';
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

function ResultSkeletons() {
  return placeholderKeys(4).map((key) => (
    <Card key={key} withBorder padding="lg">
      <Stack gap="xs">
        <Skeleton height={20} width="45%" />
        <Skeleton height={12} width="70%" />
        <Skeleton height={12} width="90%" />
        <Skeleton height={12} width="80%" />
      </Stack>
    </Card>
  ));
}

function RegistryPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const search = registryRoute.useSearch();
  const filter: RegistryFilter = { ...search, page: search.page ?? 1 };
  const registry = useRegistrySearch(filter);
  const [query, setQuery] = useState(search.q ?? '');

  useEffect(() => setQuery(search.q ?? ''), [search.q]);

  const update = (change: Partial<RegistryFilter>) =>
    void navigate({
      to: '/registry',
      search: (previous) => {
        const next = { ...previous, ...change };
        return parseRegistrySearch(next as Record<string, unknown>);
      },
    });

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: query.trim() || undefined, page: 1, sort: undefined });
  };

  const total = registry.data?.total;
  const items = registry.data?.items ?? [];

  return (
    <Stack gap="lg">
      <PageHeader title={t('registry.title')} description={t('registry.intro')} />
      <Paper withBorder p="md">
        <Stack gap="md">
          <search aria-label={t('registry.searchLabel')}>
            <form onSubmit={submitSearch}>
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <TextInput
                  label={t('registry.searchLabel')}
                  description={t('registry.searchHint')}
                  placeholder={t('registry.searchPlaceholder')}
                  value={query}
                  onChange={(event) => setQuery(event.currentTarget.value)}
                  leftSection={<IconSearch size={16} aria-hidden />}
                  style={{ flex: 1 }}
                  type="search"
                  maxLength={200}
                />
                <Button type="submit">{t('common.find')}</Button>
              </Group>
            </form>
          </search>
          <RegistryFilters
            filter={filter}
            facets={registry.data?.facets}
            onChange={update}
            onReset={() => {
              setQuery('');
              void navigate({ to: '/registry', search: {} });
            }}
          />
        </Stack>
      </Paper>

      <ErrorAlert error={registry.error} />

      <Text fw={600} aria-live="polite" data-testid="registry-total">
        {total === undefined
          ? t('common.loading')
          : t('registry.found', { count: total, formatted: formatNumber(total, language) })}
      </Text>

      <Box aria-busy={registry.isFetching} style={{ opacity: registry.isPlaceholderData ? 0.6 : 1 }}>
        <Stack gap="md">
          {registry.isPending && <ResultSkeletons />}
          {items.map((item) => (
            <RegistryResultCard key={item.id} item={item} />
          ))}
          {registry.isSuccess && items.length === 0 && (
            <Card withBorder padding="xl">
              <Stack gap="xs" align="flex-start">
                <Text fw={650} size="lg">
                  {t('registry.emptyTitle')}
                </Text>
                <Text>{t('registry.emptyText')}</Text>
                <Button
                  variant="default"
                  onClick={() => {
                    setQuery('');
                    void navigate({ to: '/registry', search: {} });
                  }}
                >
                  {t('registry.reset')}
                </Button>
              </Stack>
            </Card>
          )}
        </Stack>
      </Box>

      <ListPagination
        total={total ?? 0}
        pageSize={REGISTRY_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => update({ page })}
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
