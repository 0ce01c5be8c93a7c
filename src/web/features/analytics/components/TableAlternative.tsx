import { Box, Table } from '@mantine/core';

interface TableAlternativeProps {
  /** the text of the disclosure, e.g. «Таблица значений» */
  summary: string;
  caption: string;
  columns: readonly [string, string];
  rows: ReadonlyArray<{ key: string; label: string; value: string }>;
  testId?: string;
}

/**
 * A chart's data as a real table, folded under a native disclosure: screen readers and keyboards get it for free,
 * and it stays out of the way of those who read the chart.
 */
export function TableAlternative({ summary, caption, columns, rows, testId }: TableAlternativeProps) {
  return (
    <Box component="details" data-testid={testId}>
      <Box component="summary" fw={600} c="klaster.8" py={4} style={{ cursor: 'pointer' }}>
        {summary}
      </Box>
      <Table striped withTableBorder captionSide="top" mt="xs" layout="fixed">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{columns[0]}</Table.Th>
            <Table.Th scope="col" ta="right">
              {columns[1]}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
