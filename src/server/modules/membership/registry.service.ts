import type { Db } from '../../db/client.ts';
import { type RegistryFilter, searchRegistry } from './registry.repository.ts';

export interface FacetValue {
  value: string;
  count: number;
}

export function createRegistryService(deps: { db: Db }) {
  return {
    async search(filter: Omit<RegistryFilter, 'sort'> & { sort?: RegistryFilter['sort'] }) {
      const sort = filter.sort ?? (filter.q ? 'relevance' : 'name');
      const { items, grouped, technologies } = await searchRegistry(deps.db, { ...filter, sort });
      const facets: Record<'technology' | 'okvedSection' | 'smeCategory' | 'district' | 'stage' | 'kind', FacetValue[]> = {
        technology: technologies.map((t) => ({ value: t.value, count: Number(t.n) })),
        okvedSection: [],
        smeCategory: [],
        district: [],
        stage: [],
        kind: [],
      };
      let total = 0;
      for (const row of grouped) {
        if (row.facet === 'total') total = Number(row.n);
        else if (row.value !== null) facets[row.facet as keyof typeof facets].push({ value: row.value, count: Number(row.n) });
      }
      for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return { items, total, limit: filter.limit, offset: filter.offset, facets };
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
