// Operator exports: the lists the server can write as CSV or XLSX, the statuses each may be narrowed to, and the
// download address of a list with its filters. Downloads are plain GET links: the session cookie goes with them and
// a GET needs no CSRF token, so the browser streams the file itself.
import { MEMBERSHIP_STATUSES } from '../../../../shared/domain.ts';
import { PILOT_STATUSES, REQUEST_STATUSES, SOLUTION_STATUSES } from '../../../../shared/innovation.ts';
import { APPLICATION_STATUSES, MEASURE_STATUSES, REVIEW_STATUSES } from '../../../../shared/measures.ts';
import { DEAL_STATUSES, PROJECT_STATUSES } from '../../../../shared/ventures.ts';
import type { paths } from '../../../lib/api-schema.d.ts';

type ExportPath = paths['/api/exports/{list}.{format}']['get']['parameters'];
export type ExportListName = ExportPath['path']['list'];
export type ExportFormat = ExportPath['path']['format'];
export type ExportFilter = NonNullable<ExportPath['query']>;

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

export type ExportSection = 'support' | 'innovation' | 'ventures' | 'cluster' | 'figures';

export interface ExportListInfo {
  section: ExportSection;
  /** the statuses the list may be narrowed to; none for the figures */
  statuses: readonly string[];
  /** where the status names are translated: `${statusKeys}.${status}` */
  statusKeys?: string;
}

/**
 * Every list of the server's exports, keyed by the API's own list names: a list the server adds and this page lacks
 * fails the type check.
 */
export const EXPORT_LIST_INFO: Record<ExportListName, ExportListInfo> = {
  measures: { section: 'support', statuses: MEASURE_STATUSES, statusKeys: 'exportsPage.measureStatus' },
  applications: { section: 'support', statuses: APPLICATION_STATUSES, statusKeys: 'enums.applicationStatus' },
  reviews: { section: 'support', statuses: REVIEW_STATUSES, statusKeys: 'enums.reviewStatus' },
  requests: { section: 'innovation', statuses: REQUEST_STATUSES, statusKeys: 'requests.status' },
  solutions: { section: 'innovation', statuses: SOLUTION_STATUSES, statusKeys: 'solutions.status' },
  pilots: { section: 'innovation', statuses: PILOT_STATUSES, statusKeys: 'pilots.status' },
  projects: { section: 'ventures', statuses: PROJECT_STATUSES, statusKeys: 'projects.status' },
  deals: { section: 'ventures', statuses: DEAL_STATUSES, statusKeys: 'investments.dealStatus' },
  membership: { section: 'cluster', statuses: MEMBERSHIP_STATUSES, statusKeys: 'enums.membershipStatus' },
  organizations: {
    section: 'cluster',
    statuses: [...MEMBERSHIP_STATUSES, 'none'],
    statusKeys: 'enums.membershipStatus',
  },
  kpis: { section: 'figures', statuses: [] },
  series: { section: 'figures', statuses: [] },
  breakdowns: { section: 'figures', statuses: [] },
  funnels: { section: 'figures', statuses: [] },
};

export const EXPORT_SECTIONS: readonly ExportSection[] = ['support', 'innovation', 'ventures', 'cluster', 'figures'];

export const EXPORT_LISTS = Object.keys(EXPORT_LIST_INFO) as ExportListName[];

export function listsOfSection(section: ExportSection): ExportListName[] {
  return EXPORT_LISTS.filter((list) => EXPORT_LIST_INFO[list].section === section);
}

/**
 * `/api/exports/applications.csv?status=registered&q=…`: the filters that are set, empty ones left out; a status
 * list repeats the parameter, as the server reads it.
 */
export function exportUrl(list: ExportListName, format: ExportFormat, filter: ExportFilter = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter) as Array<[string, unknown]>) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== '') params.append(name, String(item));
    } else {
      params.append(name, String(value));
    }
  }
  const query = params.toString();
  return `/api/exports/${list}.${format}${query ? `?${query}` : ''}`;
}
