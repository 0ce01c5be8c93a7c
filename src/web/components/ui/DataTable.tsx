// A list shown as a table: column headers, skeleton rows while the first page loads, a row that says why the list is
// empty, and sideways scrolling on a phone instead of squeezed columns.
import { Box, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { placeholderKeys } from './placeholder-keys.ts';

/** A column's header; `hidden` for a column of buttons, named for screen readers only. */
export type DataColumn = string | { label: string; hidden: true };

export function DataTable<T>({
  label,
  columns,
  minWidth,
  items,
  renderRow,
  pending = false,
  fetching = false,
  stale = false,
  empty,
  placeholderRows = 4,
  highlightOnHover = false,
}: {
  /** the table's accessible name */
  label?: string;
  columns: DataColumn[];
  /** below this width the table scrolls sideways */
  minWidth: number;
  items: readonly T[] | undefined;
  /** one `<Table.Tr>` with its key */
  renderRow: (item: T) => ReactNode;
  /** the first page is loading: skeleton rows */
  pending?: boolean;
  /** a newer page is on its way */
  fetching?: boolean;
  /** the rows are the previous page's, shown dimmed until the new one comes */
  stale?: boolean;
  /** shown in a row of its own when there are no items */
  empty?: ReactNode;
  placeholderRows?: number;
  /** for rows that open their item when clicked */
  highlightOnHover?: boolean;
}) {
  return (
    <Box style={{ opacity: stale ? 0.6 : 1 }}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover={highlightOnHover} verticalSpacing="sm" aria-busy={fetching} aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) =>
                typeof column === 'string' ? (
                  <Table.Th key={column} scope="col">
                    {column}
                  </Table.Th>
                ) : (
                  <Table.Th key={column.label} scope="col">
                    <VisuallyHidden>{column.label}</VisuallyHidden>
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pending &&
              placeholderKeys(placeholderRows, 'row').map((row) => (
                <Table.Tr key={row}>
                  {placeholderKeys(columns.length, 'cell').map((cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={14} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {items?.map(renderRow)}
            {empty !== undefined && items?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text ta="center" py="lg">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
