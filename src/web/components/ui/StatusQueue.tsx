// An operator's queue: status buttons with counts, a search box, a table of rows, pages. The filter lives in the
// page's URL; this component only shows it and reports changes.
import { Button, Group, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FilterButtons } from './FilterButtons.tsx';
import { ListPagination } from './ListPagination.tsx';
import { placeholderKeys } from './placeholder-keys.ts';

export interface QueueTab {
  value: string;
  label: string;
  count: number;
}

export interface QueueColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
}

interface StatusQueueProps<Row extends { id: string }> {
  /** the status buttons, "all" included, with their counts */
  tabs: QueueTab[];
  currentTab: string;
  onTabChange: (value: string) => void;
  tabsLabel: string;
  searchLabel: string;
  searchDescription?: string;
  query: string | undefined;
  onSearch: (query: string | undefined) => void;
  columns: QueueColumn<Row>[];
  rows: Row[] | undefined;
  caption: string;
  /** "N found", announced politely when the rows change */
  found: string;
  empty: string;
  loading: boolean;
  fetching: boolean;
  error: unknown;
  /** a whole row opens the item; the link in the row handles its own clicks */
  onRowClick?: (row: Row) => void;
  minWidth: number;
  placeholderRows: number;
  total: number;
  pageSize: number;
  page: number;
  onPageChange: (page: number) => void;
}

export function StatusQueue<Row extends { id: string }>(props: StatusQueueProps<Row>) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { query, onSearch, columns, rows, onRowClick } = props;
  const [search, setSearch] = useState(query ?? '');
  useEffect(() => setSearch(query ?? ''), [query]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onSearch(search.trim() || undefined);
  };

  return (
    <Stack gap="md">
      <FilterButtons
        label={props.tabsLabel}
        options={props.tabs.map((tab) => ({
          value: tab.value,
          label: `${tab.label} (${formatNumber(tab.count, language)})`,
        }))}
        value={props.currentTab}
        onChange={props.onTabChange}
      />
      <search>
        <form onSubmit={submitSearch}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={props.searchLabel}
              description={props.searchDescription}
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

      <ErrorAlert error={props.error} />

      <Text aria-live="polite" fw={500}>
        {props.found}
      </Text>

      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-busy={props.fetching} aria-label={props.caption}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col">
                  {column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.loading &&
              placeholderKeys(props.placeholderRows, 'row').map((row) => (
                <Table.Tr key={row}>
                  {columns.map((column) => (
                    <Table.Td key={column.key}>
                      <Skeleton height={14} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {rows?.map((row) => (
              <Table.Tr
                key={row.id}
                className={onRowClick ? 'table-row-link' : undefined}
                onClick={
                  onRowClick
                    ? (event) => {
                        if ((event.target as HTMLElement).closest('a')) return;
                        onRowClick(row);
                      }
                    : undefined
                }
              >
                {columns.map((column) => (
                  <Table.Td key={column.key}>{column.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            {rows && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text ta="center" py="lg">
                    {props.empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <ListPagination total={props.total} pageSize={props.pageSize} page={props.page} onChange={props.onPageChange} />
    </Stack>
  );
}
