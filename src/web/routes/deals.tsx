// Deals: the deals of the person's organizations as investor or company (every deal for the operator), a new
// deal, and a deal's page with its steps, the two sides' confirmations and whether it counts as investment.
import { Alert, Anchor, Button, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEAL_STATUSES, type DealStatus } from '../../shared/ventures.ts';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { useSession } from '../features/auth/api/session.ts';
import {
  actsFor,
  type DealsFilter,
  useDeal,
  useMyInvestmentOrganizations,
} from '../features/investments/api/investments.ts';
import { CountedBadge, DealStatusBadge } from '../features/investments/components/DealStatusBadge.tsx';
import { DealsTable } from '../features/investments/components/DealsTable.tsx';
import {
  DealConfirmations,
  DealCountingNote,
  DealFacts,
  DealSteps,
  DealTimeline,
} from '../features/investments/components/DealView.tsx';
import { NewDealForm } from '../features/investments/components/NewDealForm.tsx';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type DealsSearch = { status?: DealStatus; org?: string; page?: number };

export function parseDealsSearch(search: Record<string, unknown>): DealsSearch {
  const page = Number(search.page);
  return {
    status: DEAL_STATUSES.includes(search.status as DealStatus) ? (search.status as DealStatus) : undefined,
    org: typeof search.org === 'string' && UUID.test(search.org) ? search.org : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function DealsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const search = dealsRoute.useSearch();
  const organizations = useMyInvestmentOrganizations(user?.organizations ?? []);
  const filter: DealsFilter = { status: search.status, organizationId: search.org, page: search.page ?? 1 };
  const update = (change: Partial<DealsFilter>) =>
    void navigate({
      to: '/deals',
      search: (previous) =>
        parseDealsSearch({
          ...previous,
          ...('status' in change ? { status: change.status } : {}),
          ...('organizationId' in change ? { org: change.organizationId } : {}),
          ...('page' in change ? { page: change.page } : {}),
        }),
    });
  const mayOpen = (user?.organizations ?? []).some(actsFor);
  const mine = organizations.data ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('investments.deals.title')}
        description={t('investments.deals.intro')}
        aside={
          mayOpen && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              renderRoot={(props) => <Link {...props} to="/deals/new" />}
            >
              {t('investments.newDeal.title')}
            </Button>
          )
        }
      />
      {mine.length > 1 && (
        <Select
          label={t('investments.deals.ofOrganization')}
          placeholder={t('investments.deals.allMine')}
          data={mine.map((org) => ({ value: org.id, label: org.shortName }))}
          value={search.org ?? null}
          onChange={(value) => update({ organizationId: value ?? undefined, page: 1 })}
          clearable
          clearButtonProps={{ 'aria-label': t('investments.clearFilter') }}
          maw={420}
        />
      )}
      <DealsTable filter={filter} onChange={update} />
    </Stack>
  );
}

export const dealsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deals',
  beforeLoad: requireSignedIn,
  validateSearch: parseDealsSearch,
  component: DealsPage,
});

function BackToDeals() {
  const { t } = useTranslation();
  return (
    <Anchor renderRoot={(props) => <Link {...props} to="/deals" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('investments.deals.back')}
      </Group>
    </Anchor>
  );
}

function NewDealPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const acting = (user?.organizations ?? []).filter(actsFor);
  const organizations = useMyInvestmentOrganizations(acting);
  const waiting = acting.length > 0 && organizations.isPending;
  return (
    <Stack gap="md" maw={860}>
      <BackToDeals />
      <PageHeader title={t('investments.newDeal.title')} description={t('investments.newDeal.intro')} />
      <ErrorAlert error={organizations.error} />
      {waiting && <LoadingBlock lines={6} />}
      {!waiting && acting.length === 0 && (
        <Alert color="gray" title={t('investments.newDeal.noOrganizationTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text>{t('investments.newDeal.noOrganizationText')}</Text>
            <Button variant="default" renderRoot={(props) => <Link {...props} to="/cabinet" />}>
              {t('investments.newDeal.toCabinet')}
            </Button>
          </Stack>
        </Alert>
      )}
      {!waiting && organizations.data && organizations.data.length > 0 && (
        <Paper withBorder p="md">
          <NewDealForm
            organizations={organizations.data}
            onCreated={(id) => void navigate({ to: '/deals/$id', params: { id }, replace: true })}
          />
        </Paper>
      )}
    </Stack>
  );
}

export const dealNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deals/new',
  beforeLoad: requireSignedIn,
  component: NewDealPage,
});

function DealPage() {
  const { t } = useTranslation();
  const { id } = dealRoute.useParams();
  const deal = useDeal(id);
  if (deal.isPending) return <LoadingBlock lines={8} />;
  if (deal.isError) {
    return (
      <Stack maw={720}>
        <BackToDeals />
        <PageHeader title={t('investments.deals.title')} />
        <ErrorAlert error={deal.error} />
      </Stack>
    );
  }
  const data = deal.data;
  const hasSteps = data.viewer.allowedEvents.length > 0;
  return (
    <Stack gap="md">
      <BackToDeals />
      <PageHeader
        title={t('investments.deal.title', { number: data.number })}
        description={`${data.investorName} → ${data.companyName}`}
        aside={
          <Group gap="xs">
            <DealStatusBadge status={data.status} size="lg" />
            <CountedBadge deal={data} size="lg" />
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <DealCountingNote deal={data} />
            {hasSteps && (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('investments.steps.title')}
                  </Title>
                  <DealSteps deal={data} />
                </Stack>
              </Paper>
            )}
            {data.status === 'closed' && (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('investments.confirm.sides')}
                  </Title>
                  <Text size="sm">{t('investments.confirm.hint')}</Text>
                  <DealConfirmations deal={data} />
                </Stack>
              </Paper>
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('investments.deal.facts')}
              </Title>
              <DealFacts deal={data} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="md">
              {t('investments.deal.timeline')}
            </Title>
            <DealTimeline deal={data} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const dealRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/deals/$id',
  beforeLoad: requireSignedIn,
  component: DealPage,
});
