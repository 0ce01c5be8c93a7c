// The pilots of the person's organizations (all of them for the operator): status buttons, a table, pages.
import { Box, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PILOT_STATUSES, type PilotStatus } from '../../../../shared/innovation.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { placeholderKeys } from '../../../components/ui/placeholder-keys.ts';
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
      <Group gap="xs" role="group" aria-label={t('pilots.list.statusFilter')}>
        {tabs.map((tab) => {
          const pressed = (filter.status ?? 'all') === tab;
          return (
            <Button
              key={tab}
              size="sm"
              radius="xl"
              variant={pressed ? 'filled' : 'default'}
              aria-pressed={pressed}
              onClick={() => onChange({ status: tab === 'all' ? undefined : tab, page: 1 })}
            >
              {tab === 'all' ? t('pilots.list.all') : t(`pilots.status.${tab}`)}
            </Button>
          );
        })}
      </Group>
      <ErrorAlert error={pilots.error} />
      <Text aria-live="polite" fw={500}>
        {pilots.isPending ? t('common.loading') : t('pilots.list.found', { count: total })}
      </Text>
      <Box style={{ opacity: pilots.isPlaceholderData ? 0.6 : 1 }}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm" aria-busy={pilots.isFetching} aria-label={t('pilots.list.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('pilots.list.pilot')}</Table.Th>
                <Table.Th scope="col">{t('pilots.facts.solution')}</Table.Th>
                <Table.Th scope="col">{t('pilots.facts.site')}</Table.Th>
                <Table.Th scope="col">{t('pilots.facts.period')}</Table.Th>
                <Table.Th scope="col">{t('pilots.list.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pilots.isPending &&
                placeholderKeys(4, 'row').map((row) => (
                  <Table.Tr key={row}>
                    {placeholderKeys(5, 'cell').map((cell) => (
                      <Table.Td key={cell}>
                        <Skeleton height={14} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              {items?.map((pilot) => (
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
              ))}
              {items && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text ta="center" py="lg">
                      {filter.status ? t('pilots.list.emptyFiltered') : t('pilots.list.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <ListPagination
        total={total}
        pageSize={PILOTS_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => onChange({ page })}
      />
    </Stack>
  );
}
