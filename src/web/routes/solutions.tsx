// Solutions to open-innovation requests: the company answers a request (/requests/$id/solutions/new), the customer
// side evaluates a request's solutions (/requests/$id/solutions), and one solution's page (/solutions/$id) shows
// the company its draft or status, and the customer side the solution, the scores, the decisions and the pilots.
import { Alert, Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOLUTION_STATUSES, type SolutionStatus } from '../../shared/innovation.ts';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { type SessionUser, useSession } from '../features/auth/api/session.ts';
import { SolutionPilots } from '../features/pilots/components/SolutionPilots.tsx';
import {
  REQUEST_SOLUTION_SORTS,
  type RequestSolutionSort,
  type RequestSolutionsFilter,
  useActingOrganizations,
  useAnsweredRequest,
  useMySolutions,
  useSolution,
} from '../features/solutions/api/solutions.ts';
import { CustomerDecision } from '../features/solutions/components/CustomerDecision.tsx';
import { RequestSolutionsList } from '../features/solutions/components/RequestSolutionsList.tsx';
import { SolutionForm } from '../features/solutions/components/SolutionForm.tsx';
import { SolutionScoring } from '../features/solutions/components/SolutionScoring.tsx';
import { SolutionStatusBadge } from '../features/solutions/components/SolutionStatusBadge.tsx';
import { SolutionTimeline } from '../features/solutions/components/SolutionTimeline.tsx';
import { SolutionView } from '../features/solutions/components/SolutionView.tsx';
import { WithdrawSolution } from '../features/solutions/components/WithdrawSolution.tsx';
import { requireSignedIn } from './guards.ts';
import { rootRoute } from './root.tsx';

/** Owners and managers act for an organization; members only read. */
function actsFor(user: SessionUser | null, organizationId: string): boolean {
  return Boolean(
    user?.organizations.some(
      (organization) =>
        organization.id === organizationId && (organization.orgRole === 'owner' || organization.orgRole === 'manager'),
    ),
  );
}

function BackLink({ children, ...target }: { children: ReactNode } & ({ requestId: string } | { to: '/cabinet' })) {
  return (
    <Anchor
      renderRoot={(props) =>
        'requestId' in target ? (
          <Link {...props} to="/requests/$id" params={{ id: target.requestId }} />
        ) : (
          <Link {...props} to="/cabinet" />
        )
      }
      size="sm"
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {children}
      </Group>
    </Anchor>
  );
}

// ——— /requests/$id/solutions/new: the company answers

function NewSolutionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = newSolutionRoute.useParams();
  const request = useAnsweredRequest(id);
  const organizations = useActingOrganizations();
  const mine = useMySolutions(undefined, 100);
  const [chosen, setChosen] = useState<string | undefined>();
  const [createdId, setCreatedId] = useState<string | null>(null);

  const back = <BackLink requestId={id}>{t('solutions.backToRequest')}</BackLink>;
  if (request.isPending || organizations.isPending) return <LoadingBlock lines={8} />;
  if (request.isError || organizations.isError) {
    return (
      <Stack maw={720}>
        {back}
        <PageHeader title={t('solutions.newTitle')} />
        <ErrorAlert error={request.error ?? organizations.error} />
      </Stack>
    );
  }
  const data = request.data;
  const eligible = organizations.data.items.filter(
    (organization) =>
      (organization.myOrgRole === 'owner' || organization.myOrgRole === 'manager') &&
      organization.id !== data.organizationId,
  );
  const organizationId = chosen ?? eligible[0]?.id;
  const existing =
    createdId === null
      ? mine.data?.items.find(
          (item) => item.requestId === id && item.organizationId === organizationId && item.status !== 'withdrawn',
        )
      : undefined;
  const ndaMissing =
    data.ndaRequired && !data.ndaAcceptedBy.some((acceptance) => acceptance.organizationId === organizationId);

  let body: ReactNode;
  if (!data.isOpen) {
    body = (
      <Alert color="gray" title={t('solutions.new.closedTitle')}>
        {t('solutions.new.closed')}
      </Alert>
    );
  } else if (eligible.length === 0) {
    body = (
      <Alert color="yellow" title={t('solutions.new.noOrganizationTitle')}>
        <Text size="sm">{t('solutions.new.noOrganization')}</Text>
        <Text size="sm" mt="xs">
          <Link to="/organizations/new">{t('solutions.new.registerOrganization')}</Link>
        </Text>
      </Alert>
    );
  } else {
    body = (
      <Stack gap="md">
        {ndaMissing && (
          <Alert color="yellow" title={t('solutions.new.ndaTitle')}>
            <Text size="sm">{t('solutions.new.nda')}</Text>
            <Text size="sm" mt="xs">
              <Link to="/requests/$id" params={{ id }}>
                {t('solutions.form.toRequestNda')}
              </Link>
            </Text>
          </Alert>
        )}
        {existing ? (
          <Alert color="blue" title={t('solutions.new.existingTitle')}>
            <Text size="sm">
              {t('solutions.new.existing', {
                number: existing.number,
                status: t(`solutions.status.${existing.status}`),
              })}
            </Text>
            <Text size="sm" mt="xs">
              <Link to="/solutions/$id" params={{ id: existing.id }}>
                {t('solutions.form.openExisting')}
              </Link>
            </Text>
          </Alert>
        ) : (
          <Paper withBorder p="md">
            <SolutionForm
              requestId={id}
              organizations={eligible}
              organizationId={organizationId}
              onOrganizationChange={setChosen}
              minTrl={data.minTrl}
              onCreated={(created) => setCreatedId(created.id)}
              onSubmitted={(solutionId) => void navigate({ to: '/solutions/$id', params: { id: solutionId } })}
            />
          </Paper>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={880}>
      {back}
      <PageHeader
        title={t('solutions.newTitle')}
        description={
          <>
            {data.number} · {data.title} · {data.customer.shortName}
          </>
        }
      />
      {data.isOpen && <Text size="sm">{t('solutions.new.intro', { minTrl: data.minTrl })}</Text>}
      {body}
    </Stack>
  );
}

export const newSolutionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id/solutions/new',
  beforeLoad: requireSignedIn,
  component: NewSolutionPage,
});

// ——— /requests/$id/solutions: the customer side evaluates

type RequestSolutionsSearch = { status?: SolutionStatus; sort?: RequestSolutionSort; page?: number };

export function parseRequestSolutionsSearch(search: Record<string, unknown>): RequestSolutionsSearch {
  const page = Number(search.page);
  return {
    status: SOLUTION_STATUSES.includes(search.status as SolutionStatus) ? (search.status as SolutionStatus) : undefined,
    sort:
      search.sort !== 'submittedAt' && REQUEST_SOLUTION_SORTS.includes(search.sort as RequestSolutionSort)
        ? (search.sort as RequestSolutionSort)
        : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function RequestSolutionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = requestSolutionsRoute.useParams();
  const search = requestSolutionsRoute.useSearch();
  const request = useAnsweredRequest(id);
  const filter: RequestSolutionsFilter = { ...search, page: search.page ?? 1 };
  const update = (change: Partial<RequestSolutionsFilter>) =>
    void navigate({
      to: '/requests/$id/solutions',
      params: { id },
      search: (previous) => parseRequestSolutionsSearch({ ...previous, ...change }),
    });

  return (
    <Stack gap="md">
      <BackLink requestId={id}>{t('solutions.backToRequest')}</BackLink>
      <PageHeader
        title={t('solutions.evaluationTitle')}
        description={request.data ? `${request.data.number} · ${request.data.title}` : undefined}
      />
      {request.data && (
        <Text size="sm">
          {t('solutions.evaluationIntro', {
            criteria: request.data.criteria.map((criterion) => criterion.name).join(', '),
          })}
        </Text>
      )}
      <RequestSolutionsList requestId={id} filter={filter} onChange={update} />
    </Stack>
  );
}

export const requestSolutionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/requests/$id/solutions',
  beforeLoad: requireSignedIn,
  validateSearch: parseRequestSolutionsSearch,
  component: RequestSolutionsPage,
});

// ——— /solutions/$id

function SolutionPage() {
  const { t } = useTranslation();
  const { id } = solutionRoute.useParams();
  const { user } = useSession();
  const solution = useSolution(id);

  if (solution.isPending) return <LoadingBlock lines={8} />;
  if (solution.isError) {
    return (
      <Stack maw={720}>
        <BackLink to="/cabinet">{t('solutions.backToCabinet')}</BackLink>
        <PageHeader title={t('solutions.title')} />
        <ErrorAlert error={solution.error} />
      </Stack>
    );
  }
  const data = solution.data;
  const roles = data.viewerRoles;
  const isCompany = roles.includes('company');
  const customerSide = roles.includes('customer') || roles.includes('expert') || roles.includes('operator');
  const companyActs = actsFor(user, data.organizationId);
  const customerDecides = actsFor(user, data.customerOrganizationId);
  const editing = isCompany && companyActs && data.status === 'draft';

  const back = customerSide ? (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/requests/$id/solutions" params={{ id: data.requestId }} />}
      size="sm"
    >
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('solutions.backToEvaluation')}
      </Group>
    </Anchor>
  ) : (
    <BackLink to="/cabinet">{t('solutions.backToCabinet')}</BackLink>
  );

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={t('solutions.titleNumber', { number: data.number })}
        description={
          <>
            <Link to="/requests/$id" params={{ id: data.requestId }}>
              {data.requestTitle}
            </Link>
            {` · ${data.organizationName} → ${data.customerName}`}
          </>
        }
        aside={<SolutionStatusBadge status={data.status} size="lg" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {isCompany && data.status === 'declined' && (
              <Alert color="red" title={t('solutions.company.declinedTitle')}>
                {data.lastComment ?? t('solutions.company.noReason')}
              </Alert>
            )}
            {isCompany && data.status === 'shortlisted' && (
              <Alert color="green" role="status" title={t('solutions.company.shortlistedTitle')}>
                {t('solutions.company.shortlisted')}
              </Alert>
            )}
            {isCompany && data.status === 'withdrawn' && (
              <Alert color="gray" title={t('solutions.company.withdrawnTitle')}>
                {data.lastComment ?? t('solutions.company.withdrawn')}
              </Alert>
            )}
            {isCompany && data.status === 'draft' && !companyActs && (
              <Alert color="gray">{t('solutions.company.draftReadOnly')}</Alert>
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {editing ? t('solutions.form.title') : t('solutions.view.title')}
              </Title>
              {editing ? (
                <SolutionForm
                  key={data.id}
                  requestId={data.requestId}
                  solution={data}
                  organizationId={data.organizationId}
                />
              ) : (
                <SolutionView solution={data} />
              )}
            </Paper>
            {customerSide && <SolutionScoring solution={data} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {customerSide && roles.includes('customer') && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  {t('solutions.decision.title')}
                </Title>
                <CustomerDecision solution={data} canDecide={customerDecides}>
                  <SolutionPilots solution={data} canAct={customerDecides} />
                </CustomerDecision>
              </Paper>
            )}
            {(isCompany || (customerSide && !roles.includes('customer'))) && data.status !== 'draft' && (
              <SolutionPilots solution={data} canAct={false} framed />
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="md">
                {t('solutions.timeline')}
              </Title>
              <SolutionTimeline entries={data.timeline} />
              {data.submittedAt === null && (
                <Text size="sm" mt="sm">
                  {t('solutions.notSubmittedYet')}
                </Text>
              )}
            </Paper>
            {isCompany && companyActs && data.allowedEvents.includes('withdraw') && (
              <Paper withBorder p="md">
                <WithdrawSolution solution={data} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const solutionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/solutions/$id',
  beforeLoad: requireSignedIn,
  component: SolutionPage,
});
