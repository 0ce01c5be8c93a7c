// Search over everything the person may read: the question and the kind in the URL, results grouped by kind with
// counts, or one kind page by page.
import { Button, Card, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../components/ui/ListPagination.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { placeholderKeys } from '../components/ui/placeholder-keys.ts';
import {
  SEARCH_PAGE_SIZE,
  SEARCH_TYPES,
  type SearchGroup,
  type SearchType,
  useSearch,
} from '../features/search/api/search.ts';
import { SearchHitCard } from '../features/search/components/SearchHitCard.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { rootRoute } from './root.tsx';

interface SearchPageSearch {
  q?: string;
  type?: SearchType;
  page?: number;
}

export function parseSearchPageSearch(search: Record<string, unknown>): SearchPageSearch {
  // an address typed by hand (?q=7701234567) may arrive as a number
  const q = typeof search.q === 'string' || typeof search.q === 'number' ? String(search.q).trim().slice(0, 200) : '';
  const page = Number(search.page);
  return {
    q: q || undefined,
    type: SEARCH_TYPES.includes(search.type as SearchType) ? (search.type as SearchType) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function GroupCount({ group }: { group: SearchGroup }) {
  const language = currentLanguage();
  return <>{`${formatNumber(group.total, language)}${group.more ? '+' : ''}`}</>;
}

function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = searchRoute.useSearch();
  const q = search.q ?? '';
  const page = search.page ?? 1;
  const [query, setQuery] = useState(q);
  useEffect(() => setQuery(q), [q]);
  const grouped = useSearch({ q, page: 1 });
  const typed = useSearch({ q, type: search.type, page }, search.type !== undefined);
  const typedGroup = search.type ? typed.data?.groups[0] : undefined;
  const groups = grouped.data?.groups ?? [];
  const nothing = grouped.isSuccess && groups.every((g) => g.total === 0);

  const go = (next: SearchPageSearch) => void navigate({ to: '/search', search: parseSearchPageSearch({ ...next }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: query, type: search.type });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('search.title')} description={t('search.intro')} />
      <Paper withBorder p="md">
        <search aria-label={t('search.fieldLabel')}>
          <form onSubmit={submit}>
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label={t('search.fieldLabel')}
                description={t('search.hint')}
                value={query}
                onChange={(event) => setQuery(event.currentTarget.value)}
                leftSection={<IconSearch size={16} aria-hidden />}
                type="search"
                maxLength={200}
                style={{ flex: 1 }}
              />
              <Button type="submit">{t('common.find')}</Button>
            </Group>
          </form>
        </search>
      </Paper>

      {!q && <Text>{t('search.prompt')}</Text>}
      <ErrorAlert error={grouped.error ?? typed.error} />

      {q && groups.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('search.kinds')}>
          <Button
            size="xs"
            variant={search.type ? 'default' : 'filled'}
            aria-pressed={!search.type}
            onClick={() => go({ q })}
          >
            {t('search.all')}
          </Button>
          {groups.map((group) => (
            <Button
              key={group.type}
              size="xs"
              variant={search.type === group.type ? 'filled' : 'default'}
              aria-pressed={search.type === group.type}
              disabled={group.total === 0}
              onClick={() => go({ q, type: group.type })}
            >
              {t(`search.type.${group.type}`)}&nbsp;(
              <GroupCount group={group} />)
            </Button>
          ))}
        </Group>
      )}

      {q && grouped.isPending && (
        <Stack gap="sm">
          {placeholderKeys(4).map((key) => (
            <Skeleton key={key} height={64} />
          ))}
        </Stack>
      )}

      {nothing && (
        <Card withBorder padding="xl">
          <Stack gap="xs" align="flex-start">
            <Text fw={650} size="lg">
              {t('search.emptyTitle', { q })}
            </Text>
            <Text>{t('search.emptyText')}</Text>
          </Stack>
        </Card>
      )}

      <div aria-live="polite" aria-busy={grouped.isFetching || typed.isFetching}>
        {q &&
          !search.type &&
          groups
            .filter((group) => group.total > 0)
            .map((group) => (
              <Stack key={group.type} gap="sm" mb="lg" component="section" aria-labelledby={`search-${group.type}`}>
                <Group justify="space-between" align="baseline">
                  <Title order={2} size="h3" id={`search-${group.type}`}>
                    {t(`search.type.${group.type}`)} (<GroupCount group={group} />)
                  </Title>
                  {group.total > group.items.length && (
                    <Button variant="subtle" size="compact-sm" onClick={() => go({ q, type: group.type })}>
                      {t('search.showAll', { kind: t(`search.type.${group.type}`) })}
                    </Button>
                  )}
                </Group>
                {group.items.map((hit) => (
                  <SearchHitCard key={hit.id} type={group.type} hit={hit} />
                ))}
              </Stack>
            ))}
        {q && typedGroup && (
          <Stack gap="sm" component="section" aria-labelledby="search-typed">
            <Title order={2} size="h3" id="search-typed">
              {t(`search.type.${typedGroup.type}`)} (<GroupCount group={typedGroup} />)
            </Title>
            {typedGroup.items.map((hit) => (
              <SearchHitCard key={hit.id} type={typedGroup.type} hit={hit} />
            ))}
            <ListPagination
              total={typedGroup.total}
              pageSize={SEARCH_PAGE_SIZE}
              page={page}
              onChange={(next) => go({ q, type: search.type, page: next })}
            />
          </Stack>
        )}
      </div>
    </Stack>
  );
}

export const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/search',
  validateSearch: parseSearchPageSearch,
  component: SearchPage,
});
