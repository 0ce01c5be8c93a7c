// Operator exports of every operator list (support, open innovation, projects, deals, the cluster) and of the
// dashboard's figures as CSV or XLSX, in the user's language. Streamed: rows are read a page at a time (keyset
// paging) and written as they come, never all in memory.
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
import type { Lang } from '../../http/messages.ts';
import * as applicationsRepo from '../applications/applications.repository.ts';
import * as measuresRepo from '../measures/measures.repository.ts';
import * as reviewsRepo from '../reviews/reviews.repository.ts';
import { type CellType, EXPORT_COLUMNS, EXPORT_LABELS, type Labels, SHEET_NAMES } from './exports.labels.ts';
import {
  FIGURE_LISTS,
  type FigureList,
  figureTable,
  type ListQuery,
  RECORD_LISTS,
  type RecordList,
  recordTable,
} from './exports.lists.ts';
import { type Cell, choiceFilter, keyset, statusFilter, type Table } from './exports.table.ts';

export const EXPORT_LISTS = ['measures', 'applications', 'reviews', ...RECORD_LISTS, ...FIGURE_LISTS] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportQuery extends ListQuery {
  expertId?: string;
  applicationId?: string;
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

const MOSCOW_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd.mm.yyyy hh:mm of the moment in Moscow. */
export function moscowDateTime(at: Date): string {
  return `${moscowDate(at)} ${MOSCOW_TIME.format(at)}`;
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
  if (type === 'datetime') return moscowDateTime(cell as Date);
  if (type === 'integer') return String(cell);
  if (type === 'decimal') return lang === 'ru' ? String(cell).replace('.', ',') : String(cell);
  return csvField(String(cell), separator);
}

/** The Moscow calendar day as a UTC midnight: spreadsheets keep dates without a time zone. */
function spreadsheetDate(at: Date): Date {
  const [day, month, year] = moscowDate(at).split('.').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The Moscow wall-clock time as a UTC moment: spreadsheets keep times without a time zone. */
function spreadsheetDateTime(at: Date): Date {
  const [, time] = moscowDateTime(at).split(' ');
  const [hours, minutes] = time.split(':').map(Number);
  const dayStart = spreadsheetDate(at);
  return new Date(dayStart.getTime() + (hours * 60 + minutes) * 60_000);
}

function xlsxCell(cell: Cell, type: CellType): string | number | Date | null {
  if (cell === null) return null;
  if (type === 'money') return Number(cell as bigint) / 100;
  if (type === 'date') return spreadsheetDate(cell as Date);
  if (type === 'datetime') return spreadsheetDateTime(cell as Date);
  if (type === 'integer' || type === 'decimal') return Number(cell);
  return String(cell);
}

const XLSX_FORMATS: Partial<Record<CellType, string>> = {
  money: '#,##0.00',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
  decimal: '0.00',
};

export function createExportsService(deps: { db: Db; clock: Clock; pageSize?: number }) {
  const { db, clock } = deps;
  const pageSize = deps.pageSize ?? EXPORT_PAGE_SIZE;

  function table(list: ExportList, query: ExportQuery, labels: Labels, lang: Lang): Table {
    const ctx = { db, clock, pageSize, labels, lang };
    if ((RECORD_LISTS as readonly string[]).includes(list)) return recordTable(list as RecordList, query, ctx);
    if ((FIGURE_LISTS as readonly string[]).includes(list)) return figureTable(list as FigureList, query, ctx);
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
      const filter = {
        statuses: statusFilter<MeasureStatus>(query.status, MEASURE_STATUSES),
        kind: choiceFilter<MeasureKind>('kind', query.kind, MEASURE_KINDS),
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
      style: XLSX_FORMATS[c.type] ? { numFmt: XLSX_FORMATS[c.type] } : {},
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
      const t = table(list, query, EXPORT_LABELS[lang], lang);
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
