// The customer side's list of a request's solutions: status buttons with counts, the order, a table with the
// company, summary, TRL, price, average score and status, and pages. The filter lives in the page's URL.
import { Group, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SOLUTION_STATUSES, type SolutionStatus } from '../../../../shared/innovation.ts';
import { DataTable } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FilterButtons } from '../../../components/ui/FilterButtons.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatKopecks, formatNumber } from '../../../lib/format.ts';
import {
  REQUEST_SOLUTION_SORTS,
  REQUEST_SOLUTIONS_PAGE_SIZE,
  type RequestSolutionSort,
  type RequestSolutionsFilter,
  useRequestSolutions,
} from '../api/solutions.ts';
import { SolutionStatusBadge } from './SolutionStatusBadge.tsx';

/** Drafts never reach the customer. */
const LISTED: SolutionStatus[] = SOLUTION_STATUSES.filter((status) => status !== 'draft');

interface RequestSolutionsListProps {
  requestId: string;
  filter: RequestSolutionsFilter;
  onChange: (change: Partial<RequestSolutionsFilter>) => void;
}

export function RequestSolutionsList({ requestId, filter, onChange }: RequestSolutionsListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const solutions = useRequestSolutions(requestId, filter);
  const counts = solutions.data?.counts ?? {};
  const all = LISTED.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const tabs = [
    { value: 'all', label: t('solutions.list.all'), count: all },
    ...LISTED.map((status) => ({ value: status, label: t(`solutions.status.${status}`), count: counts[status] ?? 0 })),
  ].filter((tab) => tab.value === 'all' || tab.count > 0 || tab.value === filter.status);
  const items = solutions.data?.items;
  const total = solutions.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <FilterButtons
          label={t('solutions.list.statusFilter')}
          options={tabs.map((tab) => ({
            value: tab.value,
            label: `${tab.label} (${formatNumber(tab.count, language)})`,
          }))}
          value={filter.status ?? 'all'}
          onChange={(value) => onChange({ status: value === 'all' ? undefined : (value as SolutionStatus), page: 1 })}
        />
        <Select
          label={t('solutions.list.sort')}
          data={REQUEST_SOLUTION_SORTS.map((sort) => ({ value: sort, label: t(`solutions.list.sortBy.${sort}`) }))}
          value={filter.sort ?? 'submittedAt'}
          onChange={(value) =>
            onChange({ sort: value === 'submittedAt' ? undefined : ((value as RequestSolutionSort) ?? undefined) })
          }
          allowDeselect={false}
          w={240}
        />
      </Group>

      <ErrorAlert error={solutions.error} />

      <Text aria-live="polite" fw={500}>
        {solutions.isPending ? t('common.loading') : t('solutions.list.found', { count: total })}
      </Text>

      <DataTable
        label={t('solutions.list.tableLabel')}
        columns={[
          t('solutions.list.company'),
          t('solutions.form.summary'),
          'TRL',
          t('solutions.list.price'),
          t('solutions.list.score'),
          t('solutions.list.status'),
        ]}
        minWidth={760}
        items={items}
        pending={solutions.isPending}
        fetching={solutions.isFetching}
        stale={solutions.isPlaceholderData}
        empty={filter.status ? t('solutions.list.emptyFiltered') : t('solutions.list.empty')}
        renderRow={(item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <Link to="/solutions/$id" params={{ id: item.id }} className="card-title-link">
                {item.organizationName}
              </Link>
              <Text size="xs">{item.number}</Text>
            </Table.Td>
            <Table.Td maw={360}>
              <Text size="sm" lineClamp={3}>
                {item.summary}
              </Text>
            </Table.Td>
            <Table.Td>{item.trl}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {item.priceKopecks === null ? '—' : formatKopecks(item.priceKopecks, language)}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {item.scoreAverage === null
                ? item.myScore
                  ? t('solutions.list.mine', { total: item.myScore.total })
                  : '—'
                : t('solutions.list.average', {
                    average: formatNumber(item.scoreAverage, language),
                    count: item.scoreCount ?? 0,
                  })}
              {item.scoreAverage !== null && item.myScore && (
                <Text size="xs">{t('solutions.list.mine', { total: item.myScore.total })}</Text>
              )}
            </Table.Td>
            <Table.Td>
              <SolutionStatusBadge status={item.status} />
            </Table.Td>
          </Table.Tr>
        )}
      />

      <ListPagination
        total={total}
        pageSize={REQUEST_SOLUTIONS_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => onChange({ page })}
      />
    </Stack>
  );
}
