// The deals of the person's organizations (every deal for the operator): status buttons, a table, pages.
import { Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEAL_STATUSES } from '../../../../shared/ventures.ts';
import { DataTable } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FilterButtons } from '../../../components/ui/FilterButtons.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks } from '../../../lib/format.ts';
import { DEALS_PAGE_SIZE, type DealStatus, type DealsFilter, useDeals } from '../api/investments.ts';
import { CountedBadge, DealStatusBadge } from './DealStatusBadge.tsx';

interface DealsTableProps {
  filter: DealsFilter;
  onChange: (change: Partial<DealsFilter>) => void;
}

export function DealsTable({ filter, onChange }: DealsTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const deals = useDeals(filter);
  const items = deals.data?.items;
  const total = deals.data?.total ?? 0;
  const tabs: Array<DealStatus | 'all'> = ['all', ...DEAL_STATUSES];
  return (
    <Stack gap="md">
      <FilterButtons
        label={t('investments.deals.statusFilter')}
        options={tabs.map((tab) => ({
          value: tab,
          label: tab === 'all' ? t('investments.deals.all') : t(`investments.dealStatus.${tab}`),
        }))}
        value={filter.status ?? 'all'}
        onChange={(tab) => onChange({ status: tab === 'all' ? undefined : tab, page: 1 })}
      />
      <ErrorAlert error={deals.error} />
      <Text aria-live="polite" fw={500}>
        {deals.isPending ? t('common.loading') : t('investments.deals.found', { count: total })}
      </Text>
      <DataTable
        label={t('investments.deals.tableLabel')}
        columns={[
          t('investments.deals.number'),
          t('investments.deals.sides'),
          t('investments.deals.terms'),
          t('investments.deals.amount'),
          t('investments.deals.date'),
          t('investments.deals.status'),
        ]}
        minWidth={820}
        items={items}
        pending={deals.isPending}
        fetching={deals.isFetching}
        stale={deals.isPlaceholderData}
        empty={filter.status ? t('investments.deals.emptyFiltered') : t('investments.deals.empty')}
        renderRow={(deal) => (
          <Table.Tr key={deal.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Link to="/deals/$id" params={{ id: deal.id }} className="card-title-link">
                {deal.number}
              </Link>
            </Table.Td>
            <Table.Td maw={320}>
              <Text size="sm">
                {t('investments.deal.investorShort')}: <strong>{deal.investorName}</strong>
              </Text>
              <Text size="sm">
                {t('investments.deal.companyShort')}: <strong>{deal.companyName}</strong>
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`investments.round.${deal.round}`)}</Text>
              <Text size="sm">{t(`investments.instrument.${deal.instrument}`)}</Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatKopecks(deal.amountKopecks, language)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(deal.date)}</Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <DealStatusBadge status={deal.status} />
                <CountedBadge deal={deal} />
              </Stack>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ListPagination
        total={total}
        pageSize={DEALS_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => onChange({ page })}
      />
    </Stack>
  );
}
