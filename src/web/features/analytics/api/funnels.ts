// The operator's funnels (counted live by the server for the filters given) and the choices their filters offer:
// the support measures and the organizations that may be the customer of a request.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiAnswer, api, unwrap } from '../../../lib/api-client.ts';
import type { paths } from '../../../lib/api-schema.d.ts';
import type { FunnelsFilter } from './funnels-search.ts';

export type FunnelsAnswer = ApiAnswer<'/api/stats/funnels', 'get'>;
export type Funnel = FunnelsAnswer['funnels'][number];
export type FunnelStep = Funnel['steps'][number];
export type FunnelsQuery = NonNullable<paths['/api/stats/funnels']['get']['parameters']['query']>;

/** the largest page the measures list gives; a cluster runs a dozen or two measures */
const MEASURES_LIMIT = 100;
const CUSTOMERS_LIMIT = 20;

export const funnelKeys = {
  // the labels and rules come in the user's language: another language is another answer
  funnels: (filter: FunnelsFilter, language: string) => ['analytics', 'funnels', language, filter] as const,
  measures: ['analytics', 'funnel-measures'] as const,
  customers: (q: string) => ['analytics', 'funnel-customers', q] as const,
  organization: (id: string) => ['analytics', 'funnel-organization', id] as const,
};

export function useFunnels(filter: FunnelsFilter, language: string, enabled = true) {
  return useQuery({
    queryKey: funnelKeys.funnels(filter, language),
    queryFn: () =>
      unwrap(
        api.GET('/api/stats/funnels', {
          params: {
            query: {
              from: filter.from,
              to: filter.to,
              measureId: filter.measureId,
              customerId: filter.customerId,
              technology: filter.technology,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    // counted live on every ask: a minute-old answer is as good while the operator looks at it
    staleTime: 60_000,
    enabled,
  });
}

export interface MeasureOption {
  id: string;
  code: string;
  title: string;
}

/** Every support measure the operator may narrow the support funnel to, drafts and archived ones too. */
export function useFunnelMeasures() {
  return useQuery({
    queryKey: funnelKeys.measures,
    queryFn: async (): Promise<MeasureOption[]> => {
      const answer = await unwrap(
        api.GET('/api/measures', { params: { query: { status: 'all', limit: MEASURES_LIMIT, offset: 0 } } }),
      );
      return answer.items.map((m) => ({ id: m.id, code: m.code, title: m.title }));
    },
    staleTime: 5 * 60_000,
  });
}

export interface OrganizationOption {
  id: string;
  shortName: string;
  inn: string;
}

/** Organizations by name or INN (the operator sees them all): the customers a request may come from. */
export function useCustomerSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: funnelKeys.customers(query),
    queryFn: async (): Promise<OrganizationOption[]> => {
      const answer = await unwrap(
        api.GET('/api/organizations', { params: { query: { q: query, limit: CUSTOMERS_LIMIT, offset: 0 } } }),
      );
      return answer.items.map((o) => ({ id: o.id, shortName: o.shortName, inn: o.inn }));
    },
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The organization a link names by its id, so the filter shows its name. */
export function useOrganizationOption(id: string | undefined) {
  return useQuery({
    queryKey: funnelKeys.organization(id ?? ''),
    queryFn: async (): Promise<OrganizationOption> => {
      const organization = await unwrap(api.GET('/api/organizations/{id}', { params: { path: { id: id ?? '' } } }));
      return { id: organization.id, shortName: organization.shortName, inn: organization.inn };
    },
    enabled: Boolean(id),
    retry: false,
    staleTime: 5 * 60_000,
  });
}
