// What every exported list is made of: typed columns and rows read page by page, plus the checks of list filters.
import { invalidFields } from '../../http/app-error.ts';
import type { Column } from './exports.labels.ts';

export type Cell = string | bigint | Date | number | null;

/** One list: its columns and its rows, page by page. */
export interface Table {
  columns: readonly Column[];
  pages: () => AsyncGenerator<Cell[][]>;
}

export function statusFilter<T extends string>(values: string[] | undefined, allowed: readonly T[]): T[] | undefined {
  if (!values?.length) return undefined;
  if (!values.every((v) => (allowed as readonly string[]).includes(v))) throw invalidFields({ status: 'field.choice' });
  return values as T[];
}

/** A single-valued filter that must be one of `allowed`; `field` names it in the error. */
export function choiceFilter<T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalidFields({ [field]: 'field.choice' });
  return value as T;
}

export async function* keyset<Row, Key>(
  fetch: (after: Key | null) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let after: Key | null = null;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length) yield rows;
    if (rows.length < pageSize) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

/** A table whose rows come from one keyset-paged query, each row mapped to its cells. */
export function pagedTable<Row, Key>(
  columns: readonly Column[],
  fetch: (after: Key | null, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  cells: (row: Row) => Cell[],
  pageSize: number,
): Table {
  return {
    columns,
    pages: async function* () {
      for await (const rows of keyset((after: Key | null) => fetch(after, pageSize), keyOf, pageSize)) {
        yield rows.map(cells);
      }
    },
  };
}

/** A table computed whole (a few dozen rows: the figures, their series, breakdowns and funnels). */
export function computedTable(columns: readonly Column[], rows: () => Promise<Cell[][]>): Table {
  return {
    columns,
    pages: async function* () {
      yield await rows();
    },
  };
}
