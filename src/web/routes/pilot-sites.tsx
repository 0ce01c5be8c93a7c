// The public registry of pilot sites: the kind, the district and the words searched live in the URL, so a link
// reproduces the view.
import { Button, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MOSCOW_DISTRICTS } from '../../shared/domain.ts';
import { PILOT_SITE_KINDS, type PilotSiteKind } from '../../shared/innovation.ts';
import { CatalogueResults, CatalogueSearchField, useSearchText } from '../components/ui/CatalogueList.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
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

  const update = (change: Partial<PilotSitesFilter>) =>
    void navigate({
      to: '/pilot-sites',
      search: (previous) => parsePilotSitesSearch({ ...previous, ...change }),
    });
  const searchText = useSearchText(search.q, (q) => update({ q, page: 1 }));
  const reset = () => {
    searchText.setText('');
    void navigate({ to: '/pilot-sites', search: {} });
  };
  const filtered = Boolean(filter.q || filter.kind || filter.district);

  return (
    <Stack gap="lg">
      <PageHeader title={t('pilots.sites.title')} description={t('pilots.sites.intro')} />
      <Paper withBorder p="md">
        <Stack gap="md">
          <CatalogueSearchField
            label={t('pilots.sites.searchLabel')}
            hint={t('pilots.sites.searchHint')}
            search={searchText}
          />
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

      <CatalogueResults
        query={sites}
        items={sites.data?.items ?? []}
        renderItem={(site) => <PilotSiteCard key={site.id} site={site} />}
        total={sites.data?.total}
        countText={(total) => t('pilots.sites.found', { count: total, formatted: formatNumber(total, language) })}
        empty={{
          title: t('pilots.sites.emptyTitle'),
          text: filtered ? t('pilots.sites.emptyFiltered') : t('pilots.sites.empty'),
          actions: filtered && (
            <Button variant="default" onClick={reset}>
              {t('pilots.sites.reset')}
            </Button>
          ),
        }}
        pageSize={PILOT_SITES_PAGE_SIZE}
        page={filter.page}
        onPage={(page) => update({ page })}
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
