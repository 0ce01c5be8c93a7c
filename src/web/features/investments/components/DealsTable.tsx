// The deals of the person's organizations (every deal for the operator): status buttons, a table, pages.
import { Box, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DEAL_STATUSES } from '../../../../shared/ventures.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { placeholderKeys } from '../../../components/ui/placeholder-keys.ts';
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
      <Group gap="xs" role="group" aria-label={t('investments.deals.statusFilter')}>
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
              {tab === 'all' ? t('investments.deals.all') : t(`investments.dealStatus.${tab}`)}
            </Button>
          );
        })}
      </Group>
      <ErrorAlert error={deals.error} />
      <Text aria-live="polite" fw={500}>
        {deals.isPending ? t('common.loading') : t('investments.deals.found', { count: total })}
      </Text>
      <Box style={{ opacity: deals.isPlaceholderData ? 0.6 : 1 }}>
        <Table.ScrollContainer minWidth={820}>
          <Table
            striped
            verticalSpacing="sm"
            aria-busy={deals.isFetching}
            aria-label={t('investments.deals.tableLabel')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('investments.deals.number')}</Table.Th>
                <Table.Th scope="col">{t('investments.deals.sides')}</Table.Th>
                <Table.Th scope="col">{t('investments.deals.terms')}</Table.Th>
                <Table.Th scope="col">{t('investments.deals.amount')}</Table.Th>
                <Table.Th scope="col">{t('investments.deals.date')}</Table.Th>
                <Table.Th scope="col">{t('investments.deals.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deals.isPending &&
                placeholderKeys(4, 'row').map((row) => (
                  <Table.Tr key={row}>
                    {placeholderKeys(6, 'cell').map((cell) => (
                      <Table.Td key={cell}>
                        <Skeleton height={14} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              {items?.map((deal) => (
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
              ))}
              {items && items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" py="lg">
                      {filter.status ? t('investments.deals.emptyFiltered') : t('investments.deals.empty')}
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
        pageSize={DEALS_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => onChange({ page })}
      />
    </Stack>
  );
}
