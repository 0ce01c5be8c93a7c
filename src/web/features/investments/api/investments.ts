// Investments: public investor profiles and the total attracted; an investor organization's profile and the
// startups matching it; a startup's needs and the investors matching it; deals between an investor and a company
// with their steps and the two-sided confirmation that makes a closed deal count.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, type ApiBody, ApiError, api, unwrap } from '../../../lib/api-client.ts';
import type { paths } from '../../../lib/api-schema.d.ts';

export type InvestorsQuery = NonNullable<paths['/api/investors']['get']['parameters']['query']>;
export type InvestorProfile = ApiAnswer<'/api/investors/{organizationId}', 'get'>;
export type InvestorProfileBody = NonNullable<
  paths['/api/investors/{organizationId}']['put']['requestBody']
>['content']['application/json'];
export type StartupNeeds = ApiAnswer<'/api/startups/{organizationId}/needs', 'get'>;
export type StartupNeedsBody = NonNullable<
  paths['/api/startups/{organizationId}/needs']['put']['requestBody']
>['content']['application/json'];
export type StartupMatch = ApiAnswer<'/api/investors/{organizationId}/matches', 'get'>['items'][number];
export type InvestorMatch = ApiAnswer<'/api/startups/{organizationId}/matches', 'get'>['items'][number];
export type MatchReason = StartupMatch['reasons'][number];
export type DealsQuery = NonNullable<paths['/api/deals']['get']['parameters']['query']>;
export type DealListItem = ApiAnswer<'/api/deals', 'get'>['items'][number];
export type Deal = ApiAnswer<'/api/deals/{id}', 'get'>;
export type DealStatus = Deal['status'];
export type DealSide = Deal['viewer']['canConfirm'][number];
export type CreateDealBody = ApiBody<'/api/deals', 'post'>;
export type CloseDealBody = ApiBody<'/api/deals/{id}/close', 'post'>;

export const INVESTORS_PAGE_SIZE = 20;
export const DEALS_PAGE_SIZE = 20;
export const MATCHES_PAGE_SIZE = 20;

export type InvestorsFilter = Pick<InvestorsQuery, 'type' | 'stage' | 'technology' | 'market'> & { page: number };
export interface DealsFilter {
  status?: DealStatus;
  organizationId?: string;
  page: number;
}

export const investmentKeys = {
  investors: (filter: InvestorsFilter) => ['investments', 'investors', filter] as const,
  totals: ['investments', 'totals'] as const,
  profile: (organizationId: string) => ['investments', 'profile', organizationId] as const,
  needs: (organizationId: string) => ['investments', 'needs', organizationId] as const,
  startupMatches: (organizationId: string, page: number) =>
    ['investments', 'startup-matches', organizationId, page] as const,
  investorMatches: (organizationId: string, page: number) =>
    ['investments', 'investor-matches', organizationId, page] as const,
  deals: (filter: DealsFilter) => ['investments', 'deals', filter] as const,
  deal: (id: string) => ['investments', 'deal', id] as const,
  organizations: (ids: readonly string[]) => ['investments', 'my-organizations', ...ids] as const,
  counterparties: (side: DealSide, q: string) => ['investments', 'counterparties', side, q] as const,
  projects: (organizationId: string) => ['investments', 'projects', organizationId] as const,
};

export function useInvestors(filter: InvestorsFilter) {
  const { page, ...query } = filter;
  return useQuery({
    queryKey: investmentKeys.investors(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/investors', {
          params: { query: { ...query, limit: INVESTORS_PAGE_SIZE, offset: (page - 1) * INVESTORS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useInvestmentTotals() {
  return useQuery({
    queryKey: investmentKeys.totals,
    queryFn: () => unwrap(api.GET('/api/investments/totals')),
    staleTime: 60_000,
  });
}

/** The organization's investor profile; null while it has none. */
export function useInvestorProfile(organizationId: string | undefined) {
  return useQuery({
    queryKey: investmentKeys.profile(organizationId ?? ''),
    queryFn: async (): Promise<InvestorProfile | null> => {
      try {
        return await unwrap(
          api.GET('/api/investors/{organizationId}', { params: { path: { organizationId: organizationId ?? '' } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(organizationId),
  });
}

export function usePutInvestorProfile(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvestorProfileBody) =>
      unwrap(api.PUT('/api/investors/{organizationId}', { params: { path: { organizationId } }, body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(investmentKeys.profile(organizationId), answer);
      void queryClient.invalidateQueries({ queryKey: ['investments', 'investors'] });
      void queryClient.invalidateQueries({ queryKey: ['investments', 'startup-matches', organizationId] });
    },
  });
}

export function useStartupNeeds(organizationId: string | undefined) {
  return useQuery({
    queryKey: investmentKeys.needs(organizationId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/startups/{organizationId}/needs', {
          params: { path: { organizationId: organizationId ?? '' } },
        }),
      ),
    enabled: Boolean(organizationId),
  });
}

export function usePutStartupNeeds(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartupNeedsBody) =>
      unwrap(api.PUT('/api/startups/{organizationId}/needs', { params: { path: { organizationId } }, body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(investmentKeys.needs(organizationId), answer);
      void queryClient.invalidateQueries({ queryKey: ['investments', 'investor-matches', organizationId] });
    },
  });
}

/** Startups matching an investor organization's profile, best first. */
export function useStartupMatches(organizationId: string | undefined, page: number, enabled = true) {
  return useQuery({
    queryKey: investmentKeys.startupMatches(organizationId ?? '', page),
    queryFn: () =>
      unwrap(
        api.GET('/api/investors/{organizationId}/matches', {
          params: {
            path: { organizationId: organizationId ?? '' },
            query: { limit: MATCHES_PAGE_SIZE, offset: (page - 1) * MATCHES_PAGE_SIZE },
          },
        }),
      ),
    enabled: Boolean(organizationId) && enabled,
    placeholderData: keepPreviousData,
  });
}

/** Investors whose public profile matches a startup organization, best first. */
export function useInvestorMatches(organizationId: string | undefined, page: number) {
  return useQuery({
    queryKey: investmentKeys.investorMatches(organizationId ?? '', page),
    queryFn: () =>
      unwrap(
        api.GET('/api/startups/{organizationId}/matches', {
          params: {
            path: { organizationId: organizationId ?? '' },
            query: { limit: MATCHES_PAGE_SIZE, offset: (page - 1) * MATCHES_PAGE_SIZE },
          },
        }),
      ),
    enabled: Boolean(organizationId),
    placeholderData: keepPreviousData,
  });
}

// ---- the person's organizations

export interface MyInvestmentOrganization {
  id: string;
  shortName: string;
  orgRole: 'owner' | 'manager' | 'member';
  investor: boolean;
  startup: boolean;
  startupStage: string | null;
}

export function useMyInvestmentOrganizations(
  memberships: ReadonlyArray<{ id: string; orgRole: MyInvestmentOrganization['orgRole'] }>,
) {
  const ids = memberships.map((m) => `${m.id}:${m.orgRole}`).sort();
  return useQuery({
    queryKey: investmentKeys.organizations(ids),
    queryFn: async (): Promise<MyInvestmentOrganization[]> => {
      const profiles = await Promise.all(
        memberships.map((membership) =>
          unwrap(api.GET('/api/organizations/{id}', { params: { path: { id: membership.id } } })).then((profile) => ({
            id: membership.id,
            shortName: profile.shortName,
            orgRole: membership.orgRole,
            investor: profile.capabilities.includes('investor'),
            startup: profile.isStartup,
            startupStage: profile.startupStage,
          })),
        ),
      );
      return profiles.sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'));
    },
    enabled: memberships.length > 0,
    staleTime: 60_000,
  });
}

export const actsFor = (organization: { orgRole: string }) =>
  organization.orgRole === 'owner' || organization.orgRole === 'manager';

// ---- deals

export function useDeals(filter: DealsFilter) {
  return useQuery({
    queryKey: investmentKeys.deals(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/deals', {
          params: {
            query: {
              status: filter.status ? [filter.status] : undefined,
              organizationId: filter.organizationId,
              limit: DEALS_PAGE_SIZE,
              offset: (filter.page - 1) * DEALS_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: investmentKeys.deal(id),
    queryFn: () => unwrap(api.GET('/api/deals/{id}', { params: { path: { id } } })),
    retry: false,
  });
}

function useDealRefresh(id: string) {
  const queryClient = useQueryClient();
  return (answer?: Deal) => {
    if (answer) queryClient.setQueryData(investmentKeys.deal(id), answer);
    else void queryClient.invalidateQueries({ queryKey: investmentKeys.deal(id) });
    void queryClient.invalidateQueries({ queryKey: ['investments', 'deals'] });
    void queryClient.invalidateQueries({ queryKey: investmentKeys.totals });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDealBody) => unwrap(api.POST('/api/deals', { body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(investmentKeys.deal(answer.id), answer);
      void queryClient.invalidateQueries({ queryKey: ['investments', 'deals'] });
    },
  });
}

export function useAdvanceDeal(id: string) {
  const refresh = useDealRefresh(id);
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/deals/{id}/advance', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useCloseDeal(id: string) {
  const refresh = useDealRefresh(id);
  return useMutation({
    mutationFn: (body: CloseDealBody) => unwrap(api.POST('/api/deals/{id}/close', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useDropDeal(id: string) {
  const refresh = useDealRefresh(id);
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/deals/{id}/drop', { params: { path: { id } }, body: { reason } })),
    onSuccess: refresh,
  });
}

export function useConfirmDeal(id: string) {
  const refresh = useDealRefresh(id);
  return useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(api.POST('/api/deals/{id}/confirm', { params: { path: { id } }, body: { organizationId } })),
    onSuccess: () => refresh(),
  });
}

export function useDisputeDeal(id: string) {
  const refresh = useDealRefresh(id);
  return useMutation({
    mutationFn: (input: { organizationId: string; reason: string }) =>
      unwrap(api.POST('/api/deals/{id}/dispute', { params: { path: { id } }, body: input })),
    onSuccess: refresh,
  });
}

export interface Counterparty {
  id: string;
  name: string;
  /** INN for a company of the registry; the investor type for an investor */
  detail: string;
}

/**
 * The other side of a new deal: a company of the public registry (by name or INN) when the person's organization
 * invests, a public investor profile (by name) when it takes the investment.
 */
export function useCounterparties(side: DealSide, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: investmentKeys.counterparties(side, query),
    queryFn: async (): Promise<Counterparty[]> => {
      if (side === 'company') {
        const answer = await unwrap(
          api.GET('/api/registry', { params: { query: { q: query, limit: 20, offset: 0 } } }),
        );
        return answer.items.map((item) => ({ id: item.id, name: item.shortName, detail: item.inn }));
      }
      const answer = await unwrap(api.GET('/api/investors', { params: { query: { limit: 100, offset: 0 } } }));
      const needle = query.toLocaleLowerCase('ru');
      return answer.items
        .filter((item) => item.organizationName.toLocaleLowerCase('ru').includes(needle))
        .map((item) => ({ id: item.organizationId, name: item.organizationName, detail: item.type }));
    },
    enabled: side === 'investor' || query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The company's projects a deal may be tied to: led or confirmed as a partner, not cancelled. */
export function useCompanyProjects(organizationId: string | undefined) {
  return useQuery({
    queryKey: investmentKeys.projects(organizationId ?? ''),
    queryFn: async () => {
      const answer = await unwrap(
        api.GET('/api/projects', {
          params: { query: { organizationId, sort: 'newest', limit: 100, offset: 0 } },
        }),
      );
      return answer.items
        .filter(
          (item) =>
            item.status !== 'cancelled' && (item.own?.role !== 'partner' || item.own.partnerStatus === 'confirmed'),
        )
        .map((item) => ({ id: item.id, label: `${item.number} · ${item.title}` }));
    },
    enabled: Boolean(organizationId),
    // another organization's own list is refused; the project is optional, so no list means no choice
    retry: false,
  });
}
