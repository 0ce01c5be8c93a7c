// Operator exports of the measures, applications and reviews lists as CSV or XLSX, in the user's language.
// Streamed: rows are read a page at a time (keyset paging) and written as they come, never all in memory.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  MEASURE_KINDS,
  MEASURE_STATUSES,
  type MeasureKind,
  type MeasureStatus,
  REVIEW_STATUSES,
  type ReviewStatus,
} from '../../../shared/measures.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireOperator } from '../../http/actor.ts';
import { invalidFields } from '../../http/app-error.ts';
import type { Lang } from '../../http/messages.ts';
import * as applicationsRepo from '../applications/applications.repository.ts';
import * as measuresRepo from '../measures/measures.repository.ts';
import * as reviewsRepo from '../reviews/reviews.repository.ts';
import {
  type CellType,
  type Column,
  EXPORT_COLUMNS,
  EXPORT_LABELS,
  type Labels,
  SHEET_NAMES,
} from './exports.labels.ts';

export const EXPORT_LISTS = ['measures', 'applications', 'reviews'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportQuery {
  status?: string[];
  measureId?: string;
  q?: string;
  kind?: string;
  expertId?: string;
  applicationId?: string;
}

type Cell = string | bigint | Date | number | null;

/** One list: its columns and its rows, page by page. */
interface Table {
  columns: readonly Column[];
  pages: () => AsyncGenerator<Cell[][]>;
}

export const EXPORT_PAGE_SIZE = 1000;

const MOSCOW_DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** dd.mm.yyyy of the moment in Moscow. */
export function moscowDate(at: Date): string {
  return MOSCOW_DATE.format(at);
}

/** Kopecks as rubles with kopecks, no grouping: 123456789n → "1234567,89" (ru) or "1234567.89" (en). */
export function rublesText(kopecks: bigint, lang: Lang): string {
  const negative = kopecks < 0n;
  const abs = negative ? -kopecks : kopecks;
  const text = `${abs / 100n}${lang === 'ru' ? ',' : '.'}${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

// a cell a spreadsheet would run as a formula: defused with a leading apostrophe (CSV injection)
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string, separator: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvCell(cell: Cell, type: CellType, lang: Lang, separator: string): string {
  if (cell === null) return '';
  if (type === 'money') return rublesText(cell as bigint, lang);
  if (type === 'date') return moscowDate(cell as Date);
  if (type === 'integer') return String(cell);
  return csvField(String(cell), separator);
}

/** The Moscow calendar day as a UTC midnight: spreadsheets keep dates without a time zone. */
function spreadsheetDate(at: Date): Date {
  const [day, month, year] = moscowDate(at).split('.').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function xlsxCell(cell: Cell, type: CellType): string | number | Date | null {
  if (cell === null) return null;
  if (type === 'money') return Number(cell as bigint) / 100;
  if (type === 'date') return spreadsheetDate(cell as Date);
  if (type === 'integer') return Number(cell);
  return String(cell);
}

function statusFilter<T extends string>(values: string[] | undefined, allowed: readonly T[]): T[] | undefined {
  if (!values?.length) return undefined;
  if (!values.every((v) => (allowed as readonly string[]).includes(v))) throw invalidFields({ status: 'field.choice' });
  return values as T[];
}

async function* keyset<Row, Key>(
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

export function createExportsService(deps: { db: Db; clock: Clock; pageSize?: number }) {
  const { db, clock } = deps;
  const pageSize = deps.pageSize ?? EXPORT_PAGE_SIZE;

  function table(list: ExportList, query: ExportQuery, labels: Labels): Table {
    if (list === 'applications') {
      const filter = {
        statuses: statusFilter<ApplicationStatus>(query.status, APPLICATION_STATUSES),
        measureId: query.measureId,
        q: query.q?.trim() || undefined,
      };
      return {
        columns: EXPORT_COLUMNS.applications,
        pages: async function* () {
          const pages = keyset(
            (after: string | null) => applicationsRepo.listApplicationsPage(db, filter, after, pageSize),
            (row) => row.number,
            pageSize,
          );
          for await (const rows of pages) {
            yield rows.map((r) => [
              r.number,
              r.measureTitle,
              r.organizationName,
              r.organizationInn,
              labels.applicationStatus[r.status],
              r.requestedAmountKopecks,
              r.approvedAmountKopecks,
              r.paidKopecks,
              r.createdAt,
              r.submittedAt,
              r.decidedAt,
            ]);
          }
        },
      };
    }
    if (list === 'measures') {
      if (query.kind && !(MEASURE_KINDS as readonly string[]).includes(query.kind)) {
        throw invalidFields({ kind: 'field.choice' });
      }
      const filter = {
        statuses: statusFilter<MeasureStatus>(query.status, MEASURE_STATUSES),
        kind: query.kind as MeasureKind | undefined,
      };
      return {
        columns: EXPORT_COLUMNS.measures,
        pages: async function* () {
          const pages = keyset(
            (after: string | null) => measuresRepo.listMeasuresPage(db, filter, after, pageSize),
            (row) => row.code,
            pageSize,
          );
          for await (const rows of pages) {
            yield rows.map((m) => [
              m.code,
              m.title,
              labels.measureKind[m.kind],
              labels.measureStatus[m.status],
              m.maxAmountKopecks,
              m.budgetKopecks,
              m.committedKopecks,
              m.budgetKopecks - m.committedKopecks,
              m.opensAt,
              m.closesAt,
            ]);
          }
        },
      };
    }
    const filter = {
      statuses: statusFilter<ReviewStatus>(query.status, REVIEW_STATUSES),
      expertId: query.expertId,
      applicationId: query.applicationId,
    };
    return {
      columns: EXPORT_COLUMNS.reviews,
      pages: async function* () {
        const pages = keyset(
          (after: { number: string; id: string } | null) => reviewsRepo.listReviewsPage(db, filter, after, pageSize),
          (row) => ({ number: row.applicationNumber, id: row.id }),
          pageSize,
        );
        for await (const rows of pages) {
          yield rows.map((r) => [
            r.applicationNumber,
            r.measureTitle,
            r.organizationName,
            r.expertName,
            labels.reviewStatus[r.status],
            r.recommendation ? labels.recommendation[r.recommendation] : null,
            r.weightedScore,
            r.assignedAt,
            r.submittedAt,
          ]);
        }
      },
    };
  }

  function csv(t: Table, lang: Lang): Readable {
    const separator = lang === 'ru' ? ';' : ',';
    async function* lines() {
      // the BOM tells Excel the file is UTF-8
      yield `\uFEFF${t.columns.map((c) => csvField(c.header[lang], separator)).join(separator)}\r\n`;
      for await (const rows of t.pages()) {
        yield rows
          .map((row) => row.map((cell, i) => csvCell(cell, t.columns[i].type, lang, separator)).join(separator))
          .join('\r\n')
          .concat('\r\n');
      }
    }
    return Readable.from(lines());
  }

  function xlsx(t: Table, lang: Lang, sheetName: string): Readable {
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = t.columns.map((c) => ({
      header: c.header[lang],
      width: c.width,
      style: c.type === 'money' ? { numFmt: '#,##0.00' } : c.type === 'date' ? { numFmt: 'dd.mm.yyyy' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    (async () => {
      for await (const rows of t.pages()) {
        for (const row of rows) sheet.addRow(row.map((cell, i) => xlsxCell(cell, t.columns[i].type))).commit();
      }
      sheet.commit();
      await workbook.commit();
    })().catch((error: unknown) => out.destroy(error as Error));
    return out;
  }

  return {
    /**
     * The list as a file to download; the operator's only. Filters are checked before the first byte, so a bad
     * filter or a missing right answers an ordinary error; afterwards the body streams.
     */
    export(actor: Actor | null, list: ExportList, format: ExportFormat, query: ExportQuery, lang: Lang) {
      requireOperator(actor);
      const t = table(list, query, EXPORT_LABELS[lang]);
      const day = clock.now().toISOString().slice(0, 10);
      const fileName = `${list}-${day}.${format}`;
      if (format === 'csv') {
        return { fileName, contentType: 'text/csv; charset=utf-8', body: csv(t, lang) };
      }
      return {
        fileName,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: xlsx(t, lang, SHEET_NAMES[list][lang]),
      };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
