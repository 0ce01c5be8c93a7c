// The operator's queue of support applications: status filter with counts, search, table, pages.
import { Button, Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../../shared/measures.ts';
import { ApplicationStatusBadge } from '../../../components/ui/ApplicationStatusBadge.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { placeholderKeys } from '../../../components/ui/placeholder-keys.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatKopecks, formatNumber } from '../../../lib/format.ts';
import { APPLICATIONS_PAGE_SIZE, type ApplicationsFilter, useApplications } from '../api/applications.ts';

const ALL = 'all';
// drafts are the companies' own business
const QUEUE_STATUSES = APPLICATION_STATUSES.filter((status) => status !== 'draft');

interface SupportQueueProps {
  filter: ApplicationsFilter;
  onFilterChange: (change: Partial<ApplicationsFilter>) => void;
}

export function SupportQueue({ filter, onFilterChange }: SupportQueueProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queue = useApplications(filter);
  const [search, setSearch] = useState(filter.q ?? '');
  useEffect(() => setSearch(filter.q ?? ''), [filter.q]);

  const counts = queue.data?.counts ?? {};
  const options = [
    { value: ALL, count: QUEUE_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0) },
    ...QUEUE_STATUSES.map((status) => ({ value: status, count: counts[status] ?? 0 })),
  ];

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onFilterChange({ q: search.trim() || undefined, page: 1 });
  };

  return (
    <Stack gap="md">
      <Group gap="xs" role="group" aria-label={t('supportQueue.statusFilter')}>
        {options.map((option) => {
          const pressed = (filter.status ?? ALL) === option.value;
          const label = option.value === ALL ? t('supportQueue.all') : t(`enums.applicationStatus.${option.value}`);
          return (
            <Button
              key={option.value}
              size="sm"
              radius="xl"
              variant={pressed ? 'filled' : 'default'}
              aria-pressed={pressed}
              onClick={() =>
                onFilterChange({ status: option.value === ALL ? undefined : (option.value as ApplicationStatus), page: 1 })
              }
            >
              {`${label} (${formatNumber(option.count, language)})`}
            </Button>
          );
        })}
      </Group>
      <search>
        <form onSubmit={submitSearch}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('supportQueue.search')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden />}
              style={{ flex: 1 }}
              miw={220}
            />
            <Button type="submit" variant="default">
              {t('common.find')}
            </Button>
          </Group>
        </form>
      </search>
      <ErrorAlert error={queue.error} />
      <Text aria-live="polite" fw={500}>
        {queue.data ? t('supportQueue.found', { count: queue.data.total, formatted: formatNumber(queue.data.total, language) }) : ''}
      </Text>
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={queue.isFetching} aria-label={t('supportQueue.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('supportQueue.number')}</Table.Th>
              <Table.Th scope="col">{t('supportQueue.organization')}</Table.Th>
              <Table.Th scope="col">{t('supportQueue.measure')}</Table.Th>
              <Table.Th scope="col">{t('supportQueue.amount')}</Table.Th>
              <Table.Th scope="col">{t('supportQueue.status')}</Table.Th>
              <Table.Th scope="col">{t('supportQueue.submittedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.isPending &&
              placeholderKeys(4, 'row').map((row) => (
                <Table.Tr key={row}>
                  {placeholderKeys(6, 'cell').map((cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={14} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {queue.data?.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Link to="/operator/applications/$id" params={{ id: item.id }} className="card-title-link">
                    {item.number}
                  </Link>
                </Table.Td>
                <Table.Td>{item.organizationName}</Table.Td>
                <Table.Td>{item.measureTitle}</Table.Td>
                <Table.Td>{formatKopecks(item.requestedAmountKopecks, language)}</Table.Td>
                <Table.Td>
                  <ApplicationStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{formatDate(item.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
            {queue.data && queue.data.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text ta="center" py="lg">
                    {t('supportQueue.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPagination
        total={queue.data?.total ?? 0}
        pageSize={APPLICATIONS_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => onFilterChange({ page })}
      />
    </Stack>
  );
}
