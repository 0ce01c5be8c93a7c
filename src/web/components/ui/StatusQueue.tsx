// An operator's queue: status buttons with counts, a search box, a table of rows, pages. The filter lives in the
// page's URL; this component only shows it and reports changes.
import { Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { CatalogueSearchField, useSearchText } from './CatalogueList.tsx';
import { DataTable } from './DataTable.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FilterButtons } from './FilterButtons.tsx';
import { ListPagination } from './ListPagination.tsx';

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
  const language = currentLanguage();
  const { query, onSearch, columns, rows, onRowClick } = props;
  const searchText = useSearchText(query, onSearch);

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
      <CatalogueSearchField label={props.searchLabel} hint={props.searchDescription} search={searchText} />

      <ErrorAlert error={props.error} />

      <Text aria-live="polite" fw={500}>
        {props.found}
      </Text>

      <DataTable
        label={props.caption}
        columns={columns.map((column) => column.header)}
        minWidth={props.minWidth}
        items={rows}
        pending={props.loading}
        fetching={props.fetching}
        empty={props.empty}
        placeholderRows={props.placeholderRows}
        highlightOnHover
        renderRow={(row) => (
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
        )}
      />

      <ListPagination total={props.total} pageSize={props.pageSize} page={props.page} onChange={props.onPageChange} />
    </Stack>
  );
}
