// The operator's queue of cluster applications: status segments with counts, search, table, pages.
// The filter lives in the page's URL; this component only reports changes.
import { Button, Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { ListPagination } from '../../../components/ui/ListPagination.tsx';
import { MembershipStatusBadge } from '../../../components/ui/MembershipStatusBadge.tsx';
import { placeholderKeys } from '../../../components/ui/placeholder-keys.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { QUEUE_PAGE_SIZE, type QueueFilter, useMembershipQueue } from '../api/membership.ts';

const ALL = 'all';

interface OperatorQueueProps {
  filter: QueueFilter;
  onFilterChange: (change: Partial<QueueFilter>) => void;
}

export function OperatorQueue({ filter, onFilterChange }: OperatorQueueProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const queue = useMembershipQueue(filter);
  const [search, setSearch] = useState(filter.q ?? '');

  useEffect(() => setSearch(filter.q ?? ''), [filter.q]);

  const counts = queue.data?.counts ?? {};
  const totalAll = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const statusOptions = [
    { value: ALL, label: `${t('queue.allStatuses')} (${formatNumber(totalAll, language)})` },
    ...MEMBERSHIP_STATUSES.map((status) => ({
      value: status,
      label: `${t(`enums.membershipStatus.${status}`)} (${formatNumber(counts[status] ?? 0, language)})`,
    })),
  ];
  const changeStatus = (value: string) =>
    onFilterChange({ status: value === ALL ? undefined : (value as MembershipStatus), page: 1 });

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onFilterChange({ q: search.trim() || undefined, page: 1 });
  };

  return (
    <Stack gap="md">
      <Group gap="xs" role="group" aria-label={t('queue.statusFilter')}>
        {statusOptions.map((option) => {
          const pressed = (filter.status ?? ALL) === option.value;
          return (
            <Button
              key={option.value}
              size="sm"
              radius="xl"
              variant={pressed ? 'filled' : 'default'}
              aria-pressed={pressed}
              onClick={() => changeStatus(option.value)}
            >
              {option.label}
            </Button>
          );
        })}
      </Group>
      <search>
        <form onSubmit={submitSearch}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('queue.search')}
              description={t('queue.searchHint')}
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
        {queue.data
          ? t('queue.found', { count: queue.data.total, formatted: formatNumber(queue.data.total, language) })
          : ''}
      </Text>

      <Table.ScrollContainer minWidth={760}>
        <Table
          striped
          highlightOnHover
          verticalSpacing="sm"
          aria-busy={queue.isFetching}
          aria-label={t('queue.caption')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('queue.organization')}</Table.Th>
              <Table.Th scope="col">{t('organization.inn')}</Table.Th>
              <Table.Th scope="col">{t('queue.kind')}</Table.Th>
              <Table.Th scope="col">{t('queue.status')}</Table.Th>
              <Table.Th scope="col">{t('queue.appliedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.isPending &&
              placeholderKeys(5, 'row').map((row) => (
                <Table.Tr key={row}>
                  {placeholderKeys(5, 'cell').map((cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={14} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {queue.data?.items.map((item) => (
              <Table.Tr
                key={item.id}
                className="table-row-link"
                onClick={(event) => {
                  // the link in the first cell handles its own clicks
                  if ((event.target as HTMLElement).closest('a')) return;
                  void navigate({ to: '/operator/membership/$id', params: { id: item.id } });
                }}
              >
                <Table.Td>
                  <Link to="/operator/membership/$id" params={{ id: item.id }} className="card-title-link">
                    {item.organizationName}
                  </Link>
                </Table.Td>
                <Table.Td>{item.inn}</Table.Td>
                <Table.Td>{t(`enums.membershipKind.${item.kind}`)}</Table.Td>
                <Table.Td>
                  <MembershipStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{formatDate(item.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
            {queue.data && queue.data.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text ta="center" py="lg">
                    {t('queue.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <ListPagination
        total={queue.data?.total ?? 0}
        pageSize={QUEUE_PAGE_SIZE}
        page={filter.page}
        onChange={(page) => onFilterChange({ page })}
      />
    </Stack>
  );
}
