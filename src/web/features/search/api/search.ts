// The one search box: grouped results of everything the person may read, or one kind page by page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiAnswer, api, unwrap } from '../../../lib/api-client.ts';

export type SearchAnswer = ApiAnswer<'/api/search', 'get'>;
export type SearchGroup = SearchAnswer['groups'][number];
export type SearchType = SearchGroup['type'];
export type SearchHit = SearchGroup['items'][number];

export const SEARCH_TYPES: readonly SearchType[] = [
  'organizations',
  'requests',
  'measures',
  'projects',
  'investors',
  'applications',
  'solutions',
];
export const SEARCH_PAGE_SIZE = 20;

export interface SearchFilter {
  q: string;
  type?: SearchType;
  page: number;
}

/** `enabled` false keeps a query that is not needed yet from running. */
export function useSearch(filter: SearchFilter, enabled = true) {
  const { q, type, page } = filter;
  return useQuery({
    queryKey: ['search', filter],
    enabled: enabled && q.trim().length > 0,
    queryFn: () =>
      unwrap(
        api.GET('/api/search', {
          params: {
            query: type ? { q, type, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE } : { q },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
