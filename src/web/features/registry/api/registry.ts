// The public registry of cluster participants: search, filters with facet counts, pages.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiAnswer, api, unwrap } from '../../../lib/api-client.ts';
import type { paths } from '../../../lib/api-schema.d.ts';

export type RegistryQuery = NonNullable<paths['/api/registry']['get']['parameters']['query']>;
export type RegistryAnswer = ApiAnswer<'/api/registry', 'get'>;
export type RegistryItem = RegistryAnswer['items'][number];
export type FacetName = keyof RegistryAnswer['facets'];
export type RegistrySort = NonNullable<RegistryQuery['sort']>;

export const REGISTRY_PAGE_SIZE = 20;
export const FACET_NAMES: readonly FacetName[] = [
  'technology',
  'okvedSection',
  'smeCategory',
  'district',
  'stage',
  'kind',
];
export const REGISTRY_SORTS: readonly RegistrySort[] = ['relevance', 'name', 'admitted'];

export type RegistryFilter = Omit<RegistryQuery, 'limit' | 'offset'> & { page: number };

export function useRegistrySearch(filter: RegistryFilter) {
  const { page, ...query } = filter;
  return useQuery({
    queryKey: ['registry', filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/registry', {
          params: { query: { ...query, limit: REGISTRY_PAGE_SIZE, offset: (page - 1) * REGISTRY_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
