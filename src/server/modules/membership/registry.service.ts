import { CACHE_NAMESPACES, type Cache } from '../../cache.ts';
import type { Db } from '../../db/client.ts';
import { countRegistryFacets, findRegistryPage, type RegistryFilter } from './registry.repository.ts';

export interface FacetValue {
  value: string;
  count: number;
}

type FacetName = 'technology' | 'okvedSection' | 'smeCategory' | 'district' | 'stage' | 'kind';

// The registry is public and read far more than it changes: pages and counts are shared by everyone asking the
// same question, until a decision or an edit invalidates them (or a minute passes).
const TTL_SECONDS = 60;

export function createRegistryService(deps: { db: Db; cache: Cache }) {
  async function facets(filter: Omit<RegistryFilter, 'sort' | 'limit' | 'offset'>) {
    const { q, technology, okvedSection, smeCategory, district, stage, kind } = filter;
    const key = JSON.stringify([q?.trim().toLowerCase(), technology, okvedSection, smeCategory, district, stage, kind]);
    return deps.cache.remember(CACHE_NAMESPACES.registry, `facets:${key}`, TTL_SECONDS, async () => {
      const counts: Record<FacetName, FacetValue[]> = {
        technology: [],
        okvedSection: [],
        smeCategory: [],
        district: [],
        stage: [],
        kind: [],
      };
      let total = 0;
      for (const row of await countRegistryFacets(deps.db, filter)) {
        if (row.facet === 'total') total = Number(row.n);
        else if (row.value !== null) counts[row.facet as FacetName].push({ value: row.value, count: Number(row.n) });
      }
      for (const list of Object.values(counts))
        list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return { total, counts };
    });
  }

  return {
    async search(filter: Omit<RegistryFilter, 'sort'> & { sort?: RegistryFilter['sort'] }) {
      const sort = filter.sort ?? (filter.q ? 'relevance' : 'name');
      const pageKey = JSON.stringify({ ...filter, q: filter.q?.trim().toLowerCase(), sort });
      const [items, counted] = await Promise.all([
        deps.cache.remember(CACHE_NAMESPACES.registry, `page:${pageKey}`, TTL_SECONDS, () =>
          findRegistryPage(deps.db, { ...filter, sort }),
        ),
        facets(filter),
      ]);
      return { items, total: counted.total, limit: filter.limit, offset: filter.offset, facets: counted.counts };
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
