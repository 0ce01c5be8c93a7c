// The public registry of pilot sites: the kind, the district and the words searched live in the URL, so a link
// reproduces the view.
import { Box, Button, Card, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOSCOW_DISTRICTS } from '../../shared/domain.ts';
import { PILOT_SITE_KINDS, type PilotSiteKind } from '../../shared/innovation.ts';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../components/ui/ListPagination.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { placeholderKeys } from '../components/ui/placeholder-keys.ts';
import { PILOT_SITES_PAGE_SIZE, type PilotSitesFilter, usePilotSites } from '../features/pilots/api/pilots.ts';
import { PilotSiteCard } from '../features/pilots/components/PilotSiteCard.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { rootRoute } from './root.tsx';

type District = (typeof MOSCOW_DISTRICTS)[number];
type PilotSitesSearch = Omit<PilotSitesFilter, 'page'> & { page?: number };

export function parsePilotSitesSearch(search: Record<string, unknown>): PilotSitesSearch {
  const page = Number(search.page);
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : undefined;
  return {
    q: q || undefined,
    kind: PILOT_SITE_KINDS.includes(search.kind as PilotSiteKind) ? (search.kind as PilotSiteKind) : undefined,
    district: MOSCOW_DISTRICTS.includes(search.district as District) ? (search.district as District) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function PilotSitesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const search = pilotSitesRoute.useSearch();
  const filter: PilotSitesFilter = { ...search, page: search.page ?? 1 };
  const sites = usePilotSites(filter);
  const [query, setQuery] = useState(search.q ?? '');
  useEffect(() => setQuery(search.q ?? ''), [search.q]);

  const update = (change: Partial<PilotSitesFilter>) =>
    void navigate({
      to: '/pilot-sites',
      search: (previous) => parsePilotSitesSearch({ ...previous, ...change }),
    });
  const reset = () => {
    setQuery('');
    void navigate({ to: '/pilot-sites', search: {} });
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: query.trim() || undefined, page: 1 });
  };
  const total = sites.data?.total;
  const items = sites.data?.items ?? [];
  const filtered = Boolean(filter.q || filter.kind || filter.district);

  return (
    <Stack gap="lg">
      <PageHeader title={t('pilots.sites.title')} description={t('pilots.sites.intro')} />
      <Paper withBorder p="md">
        <Stack gap="md">
          <search aria-label={t('pilots.sites.searchLabel')}>
            <form onSubmit={submitSearch}>
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <TextInput
                  label={t('pilots.sites.searchLabel')}
                  description={t('pilots.sites.searchHint')}
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
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            <Select
              label={t('pilots.sites.kind')}
              placeholder={t('pilots.sites.any')}
              data={PILOT_SITE_KINDS.map((kind) => ({ value: kind, label: t(`pilots.siteKind.${kind}`) }))}
              value={filter.kind ?? null}
              onChange={(value) => update({ kind: (value as PilotSiteKind | null) ?? undefined, page: 1 })}
              clearable
              clearButtonProps={{ 'aria-label': t('pilots.sites.clearKind') }}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('pilots.sites.district')}
              placeholder={t('pilots.sites.any')}
              data={[...MOSCOW_DISTRICTS]}
              value={filter.district ?? null}
              onChange={(value) => update({ district: (value as District | null) ?? undefined, page: 1 })}
              clearable
              clearButtonProps={{ 'aria-label': t('pilots.sites.clearDistrict') }}
              comboboxProps={{ withinPortal: true }}
            />
            {filtered && (
              <Button variant="default" onClick={reset} style={{ alignSelf: 'end' }}>
                {t('pilots.sites.reset')}
              </Button>
            )}
          </SimpleGrid>
        </Stack>
      </Paper>

      <ErrorAlert error={sites.error} />

      <Text fw={600} aria-live="polite">
        {total === undefined
          ? t('common.loading')
          : t('pilots.sites.found', { count: total, formatted: formatNumber(total, language) })}
      </Text>

      <Box aria-busy={sites.isFetching} style={{ opacity: sites.isPlaceholderData ? 0.6 : 1 }}>
        <Stack gap="md">
          {sites.isPending &&
            placeholderKeys(3).map((key) => (
              <Card key={key} withBorder padding="lg">
                <Stack gap="xs">
                  <Skeleton height={20} width="45%" />
                  <Skeleton height={12} width="70%" />
                  <Skeleton height={12} width="90%" />
                </Stack>
              </Card>
            ))}
          {items.map((site) => (
            <PilotSiteCard key={site.id} site={site} />
          ))}
          {sites.isSuccess && items.length === 0 && (
            <Card withBorder padding="xl">
              <Stack gap="xs" align="flex-start">
                <Text fw={650} size="lg">
                  {t('pilots.sites.emptyTitle')}
                </Text>
                <Text>{filtered ? t('pilots.sites.emptyFiltered') : t('pilots.sites.empty')}</Text>
                {filtered && (
                  <Button variant="default" onClick={reset}>
                    {t('pilots.sites.reset')}
                  </Button>
                )}
              </Stack>
            </Card>
          )}
        </Stack>
      </Box>

      <ListPagination
        total={total ?? 0}
        pageSize={PILOT_SITES_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => update({ page })}
      />
    </Stack>
  );
}

export const pilotSitesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/pilot-sites',
  validateSearch: parsePilotSitesSearch,
  component: PilotSitesPage,
});
