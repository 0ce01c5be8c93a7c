// The pilots of the person's organizations (all of them for the operator): status buttons, a table, pages.
import { Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PILOT_STATUSES, type PilotStatus } from '../../../../shared/innovation.ts';
import { DataTable } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FilterButtons } from '../../../components/ui/FilterButtons.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { formatDate } from '../../../lib/format.ts';
import { PILOTS_PAGE_SIZE, type PilotsFilter, usePilots } from '../api/pilots.ts';
import { PilotStatusBadge } from './PilotStatusBadge.tsx';

interface PilotsTableProps {
  filter: PilotsFilter;
  onChange: (change: Partial<PilotsFilter>) => void;
}

export function PilotsTable({ filter, onChange }: PilotsTableProps) {
  const { t } = useTranslation();
  const pilots = usePilots(filter);
  const items = pilots.data?.items;
  const total = pilots.data?.total ?? 0;
  const tabs: Array<PilotStatus | 'all'> = ['all', ...PILOT_STATUSES];
  return (
    <Stack gap="md">
      <FilterButtons
        label={t('pilots.list.statusFilter')}
        options={tabs.map((tab) => ({
          value: tab,
          label: tab === 'all' ? t('pilots.list.all') : t(`pilots.status.${tab}`),
        }))}
        value={filter.status ?? 'all'}
        onChange={(tab) => onChange({ status: tab === 'all' ? undefined : tab, page: 1 })}
      />
      <ErrorAlert error={pilots.error} />
      <Text aria-live="polite" fw={500}>
        {pilots.isPending ? t('common.loading') : t('pilots.list.found', { count: total })}
      </Text>
      <DataTable
        label={t('pilots.list.tableLabel')}
        columns={[
          t('pilots.list.pilot'),
          t('pilots.facts.solution'),
          t('pilots.facts.site'),
          t('pilots.facts.period'),
          t('pilots.list.status'),
        ]}
        minWidth={760}
        items={items}
        pending={pilots.isPending}
        fetching={pilots.isFetching}
        stale={pilots.isPlaceholderData}
        empty={filter.status ? t('pilots.list.emptyFiltered') : t('pilots.list.empty')}
        renderRow={(pilot) => (
          <Table.Tr key={pilot.id}>
            <Table.Td>
              <Link to="/pilots/$id" params={{ id: pilot.id }} className="card-title-link">
                {pilot.number}
              </Link>
              <Text size="xs">{pilot.customerName}</Text>
            </Table.Td>
            <Table.Td maw={320}>
              <Text size="sm" fw={600}>
                {pilot.organizationName}
              </Text>
              <Text size="sm" lineClamp={2}>
                {pilot.solutionSummary}
              </Text>
            </Table.Td>
            <Table.Td>{pilot.siteName}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDate(pilot.startsOn)} — {formatDate(pilot.endsOn)}
            </Table.Td>
            <Table.Td>
              <PilotStatusBadge status={pilot.status} />
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ListPagination
        total={total}
        pageSize={PILOTS_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => onChange({ page })}
      />
    </Stack>
  );
}
