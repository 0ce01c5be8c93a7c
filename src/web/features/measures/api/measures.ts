// Support measures: the public catalogue, one measure and whether an organization may apply.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MeasureKind } from '../../../../shared/measures.ts';
import { type ApiAnswer, api, unwrap } from '../../../lib/api-client.ts';

export type MeasureSummary = ApiAnswer<'/api/measures', 'get'>['items'][number];
export type Measure = ApiAnswer<'/api/measures/{id}', 'get'>;
export type Eligibility = ApiAnswer<'/api/measures/{id}/eligibility', 'get'>;
export type EligibilityCheck = Eligibility['checks'][number];

export const MEASURES_PAGE_SIZE = 20;

export interface MeasureFilter {
  kind?: MeasureKind;
  open?: boolean;
  q?: string;
  organizationId?: string;
  page: number;
}

export const measureKeys = {
  list: (filter: MeasureFilter) => ['measures', 'list', filter] as const,
  one: (id: string) => ['measures', 'one', id] as const,
  eligibility: (id: string, organizationId: string) => ['measures', 'eligibility', id, organizationId] as const,
};

export function useMeasures(filter: MeasureFilter) {
  return useQuery({
    queryKey: measureKeys.list(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/measures', {
          params: {
            query: {
              kind: filter.kind,
              open: filter.open,
              q: filter.q || undefined,
              organizationId: filter.organizationId,
              limit: MEASURES_PAGE_SIZE,
              offset: (filter.page - 1) * MEASURES_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMeasure(id: string) {
  return useQuery({
    queryKey: measureKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/measures/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

export function useEligibility(id: string, organizationId: string | undefined) {
  return useQuery({
    queryKey: measureKeys.eligibility(id, organizationId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/measures/{id}/eligibility', {
          params: { path: { id }, query: { organizationId: organizationId ?? '' } },
        }),
      ),
    enabled: Boolean(organizationId),
    retry: false,
  });
}
