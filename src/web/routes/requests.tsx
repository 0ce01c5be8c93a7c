// Requests for innovative solutions: the public catalogue (open ones, the archive, or one customer's own) with
// search, filters with counts, sort and pages in the URL; and a request's page with its NDA, timeline and the
// steps the caller may take.
import { Alert, Anchor, Button, Grid, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TECHNOLOGY_AREAS } from '../../shared/domain.ts';
import { PROBLEM_TYPES, REQUEST_KINDS, REQUEST_SCOPES, type RequestStatus } from '../../shared/innovation.ts';
import { CatalogueResults, CatalogueSearchField, useSearchText } from '../components/ui/CatalogueList.tsx';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { FilterButtons } from '../components/ui/FilterButtons.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { RequestStatusBadge } from '../components/ui/RequestStatusBadge.tsx';
import { StatusTimeline } from '../components/ui/StatusTimeline.tsx';
import { useSession } from '../features/auth/api/session.ts';
import {
  customerOrganizations,
  REQUEST_SORTS,
  REQUESTS_PAGE_SIZE,
  type RequestsFilter,
  useMyOrganizationProfiles,
  useRequest,
  useRequests,
} from '../features/requests/api/requests.ts';
import { NdaAcceptedNote, NdaPanel } from '../features/requests/components/NdaPanel.tsx';
import { RequestActions } from '../features/requests/components/RequestActions.tsx';
import { RequestCard } from '../features/requests/components/RequestCard.tsx';
import { RequestCriteria, RequestFacts } from '../features/requests/components/RequestFacts.tsx';
import { RequestFilters } from '../features/requests/components/RequestFilters.tsx';
import { RequestTags } from '../features/requests/components/RequestTags.tsx';
import { RecommendationList } from '../features/search/components/RecommendationList.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatNumber } from '../lib/format.ts';
import { rootRoute } from './root.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CatalogueSearch = Omit<RequestsFilter, 'page' | 'organizationId' | 'status' | 'limit' | 'offset'> & {
  /** one customer's own requests, every status (its members only) */
  org?: string;
  page?: number;
};

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

export function parseRequestsSearch(search: Record<string, unknown>): CatalogueSearch {
  const page = Number(search.page);
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : undefined;
  const org = typeof search.org === 'string' && UUID.test(search.org) ? search.org : undefined;
  return {
    q: q || undefined,
    kind: oneOf(REQUEST_KINDS, search.kind),
    scope: oneOf(REQUEST_SCOPES, search.scope),
    technology: oneOf(TECHNOLOGY_AREAS, search.technology),
    problemType: oneOf(PROBLEM_TYPES, search.problemType),
    archived: !org && (search.archived === true || search.archived === 'true') ? true : undefined,
    sort: oneOf(REQUEST_SORTS, search.sort),
    org,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

type View = 'open' | 'archive' | 'mine';

function CataloguePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { user } = useSession();
  const phone = useMediaQuery('(max-width: 30em)') ?? false;
  const search = requestsRoute.useSearch();
  const profiles = useMyOrganizationProfiles(user?.organizations ?? []);
  const customers = customerOrganizations(profiles.data);
  const { org, page, ...rest } = search;
  const filter: RequestsFilter = { ...rest, organizationId: org, page: page ?? 1 };
  const requests = useRequests(filter);
  const update = (change: Partial<CatalogueSearch>) =>
    void navigate({
      to: '/requests',
      search: (previous) => parseRequestsSearch({ ...previous, ...change } as Record<string, unknown>),
    });

  const searchText = useSearchText(search.q, (q) => update({ q, page: undefined, sort: undefined }));
  const reset = () => {
    searchText.setText('');
    void navigate({ to: '/requests', search: { archived: search.archived, org: search.org } });
  };

  const view: View = search.org ? 'mine' : search.archived ? 'archive' : 'open';
  const views: { value: View; label: string }[] = [
    { value: 'open', label: t('requests.view.open') },
    { value: 'archive', label: t('requests.view.archive') },
  ];
  if (customers.length > 0 || search.org) views.push({ value: 'mine', label: t('requests.view.mine') });
  const changeView = (next: string) =>
    void navigate({
      to: '/requests',
      search: {
        archived: next === 'archive' ? true : undefined,
        org: next === 'mine' ? (customers[0]?.id ?? undefined) : undefined,
      },
    });

  const mineName = customers.find((c) => c.id === search.org)?.shortName;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('requests.title')}
        description={t('requests.intro')}
        aside={
          customers.length > 0 && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              renderRoot={(props) => <Link {...props} to="/requests/new" />}
            >
              {t('requests.new')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Stack gap="md">
          <SegmentedControl
            aria-label={t('requests.view.label')}
            data={views}
            value={view}
            onChange={changeView}
            fullWidth={phone}
            orientation={phone && views.length > 2 ? 'vertical' : 'horizontal'}
            style={{ alignSelf: phone ? 'stretch' : 'flex-start' }}
          />
          {view === 'mine' && customers.length > 1 && (
            <FilterButtons
              label={t('requests.mineOf')}
              options={customers.map((customer) => ({ value: customer.id, label: customer.shortName }))}
              value={search.org ?? ''}
              onChange={(org) => update({ org, page: undefined })}
              size="xs"
            />
          )}
          <CatalogueSearchField label={t('requests.searchLabel')} hint={t('requests.searchHint')} search={searchText} />
          <RequestFilters
            filter={filter}
            facets={requests.data?.facets}
            onChange={(change) => update(change as Partial<CatalogueSearch>)}
            onReset={reset}
          />
        </Stack>
      </Paper>

      <CatalogueResults
        query={requests}
        items={requests.data?.items ?? []}
        renderItem={(item) => <RequestCard key={item.id} request={item} />}
        total={requests.data?.total}
        countText={(total) =>
          t(view === 'mine' && mineName ? 'requests.foundMine' : 'requests.found', {
            count: total,
            formatted: formatNumber(total, language),
            organization: mineName ?? '',
          })
        }
        testId="requests-total"
        empty={{
          title: t('requests.emptyTitle'),
          text: t(view === 'archive' ? 'requests.emptyArchive' : 'requests.emptyText'),
          actions: (
            <>
              <Button variant="default" onClick={reset}>
                {t('requests.reset')}
              </Button>
              {view === 'mine' && (
                <Button renderRoot={(props) => <Link {...props} to="/requests/new" />}>{t('requests.new')}</Button>
              )}
            </>
          ),
        }}
        pageSize={REQUESTS_PAGE_SIZE}
        page={filter.page}
        onPage={(next) => update({ page: next })}
      />
    </Stack>
  );
}

export const requestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests',
  validateSearch: parseRequestsSearch,
  component: CataloguePage,
});

function BackToCatalogue() {
  const { t } = useTranslation();
  return (
    <Anchor renderRoot={(props) => <Link {...props} to="/requests" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('requests.backToCatalogue')}
      </Group>
    </Anchor>
  );
}

function RequestPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { id } = requestRoute.useParams();
  const request = useRequest(id);
  const profiles = useMyOrganizationProfiles(user?.organizations ?? []);

  if (request.isPending) return <LoadingBlock lines={8} />;
  if (request.isError) {
    return (
      <Stack maw={720}>
        <BackToCatalogue />
        <PageHeader title={t('requests.title')} />
        <ErrorAlert error={request.error} />
      </Stack>
    );
  }
  const data = request.data;
  const viewer = data.viewer;
  const insider = viewer.customerRole !== null || viewer.operator || viewer.expert;
  const mayRespond = user !== null && !insider && data.isOpen;
  const hasOrganizations = (user?.organizations.length ?? 0) > 0;

  return (
    <Stack gap="md">
      <BackToCatalogue />
      <PageHeader
        title={data.title}
        description={`${data.number} · ${data.customer.shortName}`}
        aside={
          <Group gap="xs">
            <RequestStatusBadge status={data.status} size="lg" />
            {data.status === 'published' && (
              <Text fw={600} c={data.isOpen ? '#1e6f36' : '#495057'}>
                {t(data.isOpen ? 'requests.acceptingSolutions' : 'requests.notAccepting')}
              </Text>
            )}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {data.status === 'draft' && data.lastComment && (
              <Alert color="yellow" title={t('requests.returnedTitle')}>
                <Text style={{ whiteSpace: 'pre-line' }}>{data.lastComment}</Text>
              </Alert>
            )}
            {data.status === 'cancelled' && (
              <Alert color="gray" title={t('requests.cancelledTitle')}>
                {data.lastComment ??
                  data.timeline.findLast((entry) => entry.toStatus === 'cancelled')?.comment ??
                  t('requests.cancelledText')}
              </Alert>
            )}
            {data.status === 'moderation' && viewer.customerRole !== null && (
              <Alert color="blue">{t('requests.inModeration')}</Alert>
            )}

            {(insider || user || data.isOpen) && (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('requests.actionsTitle')}
                  </Title>
                  <RequestActions request={data} />
                  <Group gap="sm" wrap="wrap">
                    {mayRespond && hasOrganizations && (
                      <Button
                        renderRoot={(props) => <Link {...props} to="/requests/$id/solutions/new" params={{ id }} />}
                      >
                        {t('requests.respond')}
                      </Button>
                    )}
                    {insider && data.status !== 'draft' && data.status !== 'moderation' && (
                      <Button
                        variant="default"
                        renderRoot={(props) => <Link {...props} to="/requests/$id/solutions" params={{ id }} />}
                      >
                        {t('requests.solutions')}
                      </Button>
                    )}
                    {!user && data.isOpen && (
                      <Button
                        variant="default"
                        renderRoot={(props) => <Link {...props} to="/login" search={{ redirect: `/requests/${id}` }} />}
                      >
                        {t('requests.signInToRespond')}
                      </Button>
                    )}
                  </Group>
                  {mayRespond && !hasOrganizations && <Text size="sm">{t('requests.needOrganization')}</Text>}
                  {user && !insider && !data.isOpen && <Text size="sm">{t('requests.closedForSolutions')}</Text>}
                </Stack>
              </Paper>
            )}

            {(viewer.customerRole !== null || viewer.operator) && data.status === 'published' && (
              <Paper withBorder p="md">
                <RecommendationList
                  kind="organizations"
                  subject={{ requestId: id }}
                  title={t('recommendations.organizations')}
                />
              </Paper>
            )}

            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('requests.brief')}
                </Title>
                <Text style={{ whiteSpace: 'pre-line' }}>{data.brief}</Text>
              </Stack>
            </Paper>

            <Paper withBorder p="md">
              {data.description !== undefined ? (
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('requests.description')}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-line' }} data-testid="request-description">
                    {data.description || t('requests.noDescription')}
                  </Text>
                  {data.ndaRequired && <NdaAcceptedNote request={data} />}
                  {data.ndaRequired && insider && (
                    <Text size="sm" c="dimmed">
                      {t('requests.nda.insiderNote', { version: data.ndaVersion })}
                    </Text>
                  )}
                </Stack>
              ) : (
                <NdaPanel request={data} signedIn={user !== null} organizations={profiles.data} />
              )}
            </Paper>

            {data.expectedResult && (
              <Paper withBorder p="md">
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('requests.expectedResult')}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-line' }}>{data.expectedResult}</Text>
                </Stack>
              </Paper>
            )}

            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('requests.criteria')}
                </Title>
                <Text size="sm">{t('requests.criteriaHint')}</Text>
                <RequestCriteria request={data} />
              </Stack>
            </Paper>

            {data.relatedRequests.length > 0 && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  {t('requests.related')}
                </Title>
                <List spacing={6}>
                  {data.relatedRequests.map((related) => (
                    <List.Item key={related.id}>
                      <Group gap="xs" wrap="wrap">
                        <Link to="/requests/$id" params={{ id: related.id }} className="card-title-link">
                          {related.number} · {related.title}
                        </Link>
                        <RequestStatusBadge status={related.status} size="sm" />
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('requests.facts')}
              </Title>
              <RequestFacts request={data} />
            </Paper>
            {data.scopes.length + data.technologies.length + data.problemTypes.length > 0 && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  {t('requests.tags')}
                </Title>
                <RequestTags scopes={data.scopes} technologies={data.technologies} problemTypes={data.problemTypes} />
              </Paper>
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {t('requests.timeline')}
              </Title>
              <StatusTimeline
                entries={data.timeline.map((entry) => ({ ...entry, status: entry.toStatus }))}
                badge={(status) => <RequestStatusBadge status={status as RequestStatus} />}
                label={t('requests.timeline')}
                commentLabel={t('requests.comment')}
              />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const requestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id',
  component: RequestPage,
});
