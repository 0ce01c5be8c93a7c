// Investments: the public investors list (filters and pages in the URL) with the total attracted through the
// platform; for signed-in people their investor profile, their startup's needs, and the matches both ways.
import { Alert, Box, Button, Group, Paper, Select, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STARTUP_STAGES, TECHNOLOGY_AREAS } from '../../shared/domain.ts';
import { INVESTOR_TYPES, MARKETS } from '../../shared/ventures.ts';
import { CatalogueResults } from '../components/ui/CatalogueList.tsx';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { useSession } from '../features/auth/api/session.ts';
import {
  actsFor,
  INVESTORS_PAGE_SIZE,
  type InvestorsFilter,
  type MyInvestmentOrganization,
  useInvestorProfile,
  useInvestors,
  useMyInvestmentOrganizations,
} from '../features/investments/api/investments.ts';
import { InvestmentTotals } from '../features/investments/components/InvestmentTotals.tsx';
import { InvestorCard } from '../features/investments/components/InvestorCard.tsx';
import { InvestorFilters } from '../features/investments/components/InvestorFilters.tsx';
import { InvestorProfilePanel } from '../features/investments/components/InvestorProfileForm.tsx';
import { InvestorMatchList, StartupMatchList } from '../features/investments/components/MatchLists.tsx';
import { StartupNeedsPanel } from '../features/investments/components/StartupNeedsForm.tsx';
import { rootRoute } from './root.tsx';

const VIEWS = ['investors', 'profile', 'startups', 'needs', 'matches'] as const;
type View = (typeof VIEWS)[number];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type InvestmentsSearch = Omit<InvestorsFilter, 'page'> & { view?: View; org?: string; page?: number };

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

export function parseInvestmentsSearch(search: Record<string, unknown>): InvestmentsSearch {
  const page = Number(search.page);
  const view = oneOf(VIEWS, search.view);
  return {
    view: view === 'investors' ? undefined : view,
    org: typeof search.org === 'string' && UUID.test(search.org) ? search.org : undefined,
    type: oneOf(INVESTOR_TYPES, search.type),
    stage: oneOf(STARTUP_STAGES, search.stage),
    technology: oneOf(TECHNOLOGY_AREAS, search.technology),
    market: oneOf(MARKETS, search.market),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function InvestorsList({
  search,
  onChange,
}: {
  search: InvestmentsSearch;
  onChange: (change: Partial<InvestmentsSearch>) => void;
}) {
  const { t } = useTranslation();
  const filter: InvestorsFilter = {
    type: search.type,
    stage: search.stage,
    technology: search.technology,
    market: search.market,
    page: search.page ?? 1,
  };
  const investors = useInvestors(filter);
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <InvestorFilters
          filter={filter}
          onChange={(change) => onChange(change as Partial<InvestmentsSearch>)}
          onReset={() =>
            onChange({ type: undefined, stage: undefined, technology: undefined, market: undefined, page: undefined })
          }
        />
      </Paper>
      <CatalogueResults
        query={investors}
        items={investors.data?.items ?? []}
        renderItem={(investor) => <InvestorCard key={investor.organizationId} investor={investor} />}
        total={investors.data?.total}
        countText={(total) => t('investments.investorsFound', { count: total })}
        testId="investors-total"
        empty={{
          title: t('investments.emptyTitle'),
          text:
            filter.type || filter.stage || filter.technology || filter.market
              ? t('investments.emptyText')
              : t('investments.emptyNone'),
        }}
        pageSize={INVESTORS_PAGE_SIZE}
        page={filter.page}
        onPage={(page) => onChange({ page })}
      />
    </Stack>
  );
}

/** Which of the person's organizations the view is about, when there are several. */
function OrganizationChoice({
  organizations,
  value,
  onChange,
}: {
  organizations: MyInvestmentOrganization[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (organizations.length < 2) return null;
  return (
    <Select
      label={t('investments.actingFor')}
      data={organizations.map((org) => ({ value: org.id, label: org.shortName }))}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      maw={420}
    />
  );
}

function InvestmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const search = investmentsRoute.useSearch();
  const organizations = useMyInvestmentOrganizations(user?.organizations ?? []);
  const investors = (organizations.data ?? []).filter((org) => org.investor);
  const startups = (organizations.data ?? []).filter((org) => org.startup);
  const view: View = search.view ?? 'investors';

  const update = (change: Partial<InvestmentsSearch>) =>
    void navigate({
      to: '/investments',
      search: (previous) => parseInvestmentsSearch({ ...previous, ...change } as Record<string, unknown>),
    });
  const changeView = (next: string | null) =>
    void navigate({ to: '/investments', search: parseInvestmentsSearch({ view: next ?? 'investors' }) });

  const ownView = (pool: MyInvestmentOrganization[]) => {
    const chosen = pool.find((org) => org.id === search.org) ?? pool[0];
    return chosen;
  };
  const investor = ownView(investors);
  const startup = ownView(startups);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('investments.title')}
        description={t('investments.intro')}
        aside={
          user && (
            <Button
              variant="default"
              leftSection={<IconArrowsExchange size={16} aria-hidden />}
              renderRoot={(props) => <Link {...props} to="/deals" />}
            >
              {t('investments.deals.title')}
            </Button>
          )
        }
      />
      <InvestmentTotals />
      <ErrorAlert error={organizations.error} />
      <Tabs value={view} onChange={changeView} keepMounted={false}>
        <Tabs.List
          aria-label={t('investments.viewsLabel')}
          style={{ flexWrap: 'wrap' }}
          display={investors.length === 0 && startups.length === 0 ? 'none' : undefined}
        >
          <Tabs.Tab value="investors">{t('investments.views.investors')}</Tabs.Tab>
          {investors.length > 0 && <Tabs.Tab value="profile">{t('investments.views.profile')}</Tabs.Tab>}
          {investors.length > 0 && <Tabs.Tab value="startups">{t('investments.views.startups')}</Tabs.Tab>}
          {startups.length > 0 && <Tabs.Tab value="needs">{t('investments.views.needs')}</Tabs.Tab>}
          {startups.length > 0 && <Tabs.Tab value="matches">{t('investments.views.matches')}</Tabs.Tab>}
        </Tabs.List>
        <Box pt="md">
          {view === 'investors' && <InvestorsList search={search} onChange={update} />}
          {(view === 'profile' || view === 'startups') &&
            (investor ? (
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t(view === 'profile' ? 'investments.views.profile' : 'investments.views.startups')}
                </Title>
                <OrganizationChoice
                  organizations={investors}
                  value={investor.id}
                  onChange={(org) => update({ org, page: undefined })}
                />
                {view === 'profile' ? (
                  <InvestorProfilePanel key={investor.id} organizationId={investor.id} canEdit={actsFor(investor)} />
                ) : (
                  <StartupsForInvestor
                    organizationId={investor.id}
                    page={search.page ?? 1}
                    onPage={(page) => update({ page })}
                    onProfile={() => changeView('profile')}
                  />
                )}
              </Stack>
            ) : (
              <NotApplicable loading={organizations.isPending && Boolean(user)} text={t('investments.notInvestor')} />
            ))}
          {(view === 'needs' || view === 'matches') &&
            (startup ? (
              <Stack gap="md">
                <Title order={2} size="h3">
                  {t(view === 'needs' ? 'investments.views.needs' : 'investments.views.matches')}
                </Title>
                <OrganizationChoice
                  organizations={startups}
                  value={startup.id}
                  onChange={(org) => update({ org, page: undefined })}
                />
                {view === 'needs' ? (
                  <StartupNeedsPanel key={startup.id} organizationId={startup.id} canEdit={actsFor(startup)} />
                ) : startup.startupStage ? (
                  <InvestorMatchList
                    organizationId={startup.id}
                    page={search.page ?? 1}
                    onPage={(page) => update({ page })}
                  />
                ) : (
                  <Alert color="blue">{t('investments.matches.needStage')}</Alert>
                )}
              </Stack>
            ) : (
              <NotApplicable loading={organizations.isPending && Boolean(user)} text={t('investments.notStartup')} />
            ))}
        </Box>
      </Tabs>
    </Stack>
  );
}

function NotApplicable({ loading, text }: { loading: boolean; text: string }) {
  if (loading) return <Skeleton height={80} />;
  return <Alert color="gray">{text}</Alert>;
}

/** The matching startups need the investor's profile first. */
function StartupsForInvestor({
  organizationId,
  page,
  onPage,
  onProfile,
}: {
  organizationId: string;
  page: number;
  onPage: (page: number) => void;
  onProfile: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ProfileGate organizationId={organizationId} onProfile={onProfile} text={t('investments.matches.needProfile')}>
      <StartupMatchList organizationId={organizationId} page={page} onPage={onPage} />
    </ProfileGate>
  );
}

function ProfileGate({
  organizationId,
  onProfile,
  text,
  children,
}: {
  organizationId: string;
  onProfile: () => void;
  text: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const profile = useInvestorProfile(organizationId);
  if (profile.isPending) return <Skeleton height={80} />;
  if (profile.isError) return <ErrorAlert error={profile.error} />;
  if (!profile.data)
    return (
      <Alert color="blue">
        <Stack gap="xs" align="flex-start">
          <Text>{text}</Text>
          <Group>
            <Button variant="default" onClick={onProfile}>
              {t('investments.views.profile')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  return <>{children}</>;
}

export const investmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/investments',
  validateSearch: parseInvestmentsSearch,
  component: InvestmentsPage,
});
