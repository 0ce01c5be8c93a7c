// The support-measure catalogue and a measure's page with the eligibility check and «Подать заявку».
import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_KINDS, type MeasureKind } from '../../shared/measures.ts';
import { CatalogueResults, CatalogueSearchField, useSearchText } from '../components/ui/CatalogueList.tsx';
import { ErrorAlert } from '../components/ui/ErrorAlert.tsx';
import { LoadingBlock } from '../components/ui/LoadingBlock.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { useCreateApplication } from '../features/applications/api/applications.ts';
import { useSession } from '../features/auth/api/session.ts';
import { MEASURES_PAGE_SIZE, useEligibility, useMeasure, useMeasures } from '../features/measures/api/measures.ts';
import { EligibilityChecklist } from '../features/measures/components/EligibilityChecklist.tsx';
import { MeasureCard } from '../features/measures/components/MeasureCard.tsx';
import { OrganizationPicker } from '../features/organizations/components/OrganizationPicker.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatDate, formatKopecks, formatNumber } from '../lib/format.ts';
import { rootRoute } from './root.tsx';

interface CatalogueSearch {
  kind?: MeasureKind;
  open?: boolean;
  q?: string;
  org?: string;
  page?: number;
}

function parseCatalogueSearch(search: Record<string, unknown>): CatalogueSearch {
  const page = Number(search.page);
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 200) : undefined;
  return {
    kind: MEASURE_KINDS.includes(search.kind as MeasureKind) ? (search.kind as MeasureKind) : undefined,
    open: search.open === 'true' || search.open === true ? true : undefined,
    q: q || undefined,
    org: typeof search.org === 'string' && /^[0-9a-f-]{36}$/.test(search.org) ? search.org : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

function CataloguePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { user } = useSession();
  const search = measuresRoute.useSearch();
  const measures = useMeasures({
    kind: search.kind,
    open: search.open,
    q: search.q,
    organizationId: user ? search.org : undefined,
    page: search.page ?? 1,
  });
  const update = useCallback(
    (change: Partial<CatalogueSearch>) =>
      void navigate({
        to: '/measures',
        search: (previous) => parseCatalogueSearch({ ...previous, ...change } as Record<string, unknown>),
        replace: 'org' in change && Object.keys(change).length === 1,
      }),
    [navigate],
  );
  const chooseOrganization = useCallback((org: string | undefined) => update({ org }), [update]);

  const searchText = useSearchText(search.q, (q) => update({ q, page: undefined }));

  return (
    <Stack gap="lg">
      <PageHeader title={t('measures.title')} description={t('measures.intro')} />
      <Paper withBorder p="md">
        <Stack gap="md">
          <CatalogueSearchField label={t('measures.searchLabel')} search={searchText} />
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('measures.kind')}
              data={[
                { value: '', label: t('measures.allKinds') },
                ...MEASURE_KINDS.map((kind) => ({ value: kind, label: t(`enums.measureKind.${kind}`) })),
              ]}
              value={search.kind ?? ''}
              onChange={(value) => update({ kind: (value || undefined) as MeasureKind | undefined, page: undefined })}
              allowDeselect={false}
              w={240}
            />
            <Switch
              label={t('measures.openOnly')}
              checked={search.open === true}
              onChange={(event) => update({ open: event.currentTarget.checked || undefined, page: undefined })}
              mb={8}
            />
          </Group>
          {user && <OrganizationPicker value={search.org} onChange={chooseOrganization} />}
          {user && search.org && <Text size="sm">{t('measures.eligibleFirst')}</Text>}
        </Stack>
      </Paper>

      <CatalogueResults
        query={measures}
        items={measures.data?.items ?? []}
        renderItem={(measure) => <MeasureCard key={measure.id} measure={measure} />}
        total={measures.data?.total}
        countText={(total) => t('measures.found', { count: total, formatted: formatNumber(total, language) })}
        empty={{
          title: t('measures.emptyTitle'),
          text: t('measures.emptyText'),
          actions: (
            <Button variant="default" onClick={() => void navigate({ to: '/measures', search: {} })}>
              {t('measures.reset')}
            </Button>
          ),
        }}
        pageSize={MEASURES_PAGE_SIZE}
        page={search.page ?? 1}
        onPage={(page) => update({ page })}
      />
    </Stack>
  );
}

export const measuresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/measures',
  validateSearch: parseCatalogueSearch,
  component: CataloguePage,
});

function MeasurePage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { user } = useSession();
  const { id } = measureRoute.useParams();
  const search = measureRoute.useSearch();
  const measure = useMeasure(id);
  const eligibility = useEligibility(id, user ? search.org : undefined);
  const create = useCreateApplication();
  const chooseOrganization = useCallback(
    (org: string | undefined) => void navigate({ to: '/measures/$id', params: { id }, search: { org }, replace: true }),
    [navigate, id],
  );

  const back = (
    <Anchor renderRoot={(props) => <Link {...props} to="/measures" />} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('measures.backToCatalogue')}
      </Group>
    </Anchor>
  );

  if (measure.isPending) return <LoadingBlock lines={8} />;
  if (measure.isError) {
    return (
      <Stack maw={720}>
        {back}
        <PageHeader title={t('measures.title')} />
        <ErrorAlert error={measure.error} />
      </Stack>
    );
  }
  const data = measure.data;

  const apply = () => {
    if (!search.org) return;
    create.mutate(
      { measureId: data.id, organizationId: search.org, requestedAmountKopecks: data.maxAmountKopecks, answers: {} },
      { onSuccess: (application) => void navigate({ to: '/applications/$id', params: { id: application.id } }) },
    );
  };

  const conditions: [string, string][] = [
    [t('measures.kind'), t(`enums.measureKind.${data.kind}`)],
    [t('measures.provider'), data.provider],
    [t('measures.maxAmount'), formatKopecks(data.maxAmountKopecks, language)],
    [t('measures.cofinancing'), `${data.cofinancingPercent} %`],
    [t('measures.windowLabel'), `${formatDate(data.opensAt)} — ${formatDate(data.closesAt)}`],
    [t('measures.remainingBudget'), formatKopecks(data.remainingBudgetKopecks, language)],
  ];

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={data.title}
        description={data.provider}
        aside={
          <Text fw={600} c={data.isOpen ? '#143466' : '#495057'}>
            {t(data.isOpen ? 'measures.openNow' : 'measures.closedNow')}
          </Text>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Text style={{ whiteSpace: 'pre-line' }}>{data.description}</Text>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('measures.conditions')}
              </Title>
              <Table variant="vertical" layout="fixed" withTableBorder={false}>
                <Table.Tbody>
                  {conditions.map(([label, value]) => (
                    <Table.Tr key={label}>
                      <Table.Th scope="row" w="45%">
                        {label}
                      </Table.Th>
                      <Table.Td>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('measures.documents')}
              </Title>
              <List size="sm" spacing={4}>
                {data.requiredDocuments.map((document) => (
                  <List.Item key={document}>{document}</List.Item>
                ))}
              </List>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('measures.criteria')}
              </Title>
              <List size="sm" spacing={4}>
                {data.criteria.map((criterion) => (
                  <List.Item key={criterion.key}>
                    {criterion.name} —{' '}
                    {t('measures.criterionWeight', {
                      weight: formatNumber(Math.round(criterion.weight * 100), language),
                      max: criterion.maxScore,
                    })}
                  </List.Item>
                ))}
              </List>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('measures.whoMayApply')}
              </Title>
              {!user ? (
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('measures.signInToApply')}</Text>
                  <Button
                    variant="default"
                    renderRoot={(props) => <Link {...props} to="/login" search={{ redirect: `/measures/${id}` }} />}
                  >
                    {t('auth.signIn')}
                  </Button>
                </Stack>
              ) : (
                <>
                  <OrganizationPicker value={search.org} onChange={chooseOrganization} />
                  {!search.org && <Text size="sm">{t('measures.noOrganization')}</Text>}
                  <ErrorAlert error={eligibility.error} />
                  {eligibility.isFetching && !eligibility.data && <LoadingBlock lines={3} />}
                  {eligibility.data && <EligibilityChecklist eligibility={eligibility.data} />}
                  {eligibility.data?.eligible && !data.isOpen && (
                    <Alert color="gray">{t('measures.windowClosed')}</Alert>
                  )}
                  <ErrorAlert error={create.error} />
                  {eligibility.data?.eligible && data.isOpen && (
                    <Button onClick={apply} loading={create.isPending}>
                      {t('measures.apply')}
                    </Button>
                  )}
                </>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export const measureRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/measures/$id',
  validateSearch: (search: Record<string, unknown>): { org?: string } => ({
    org: typeof search.org === 'string' && /^[0-9a-f-]{36}$/.test(search.org) ? search.org : undefined,
  }),
  component: MeasurePage,
});
