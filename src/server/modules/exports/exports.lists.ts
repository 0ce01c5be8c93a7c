// The exported lists of open innovation, projects, deals, the cluster and the ecosystem's figures: each list's
// filters checked, its rows read page by page, and every value shown in the user's language.
import {
  MEMBERSHIP_KINDS,
  MEMBERSHIP_STATUSES,
  MOSCOW_DISTRICTS,
  TECHNOLOGY_AREAS,
  type TechnologyArea,
} from '../../../shared/domain.ts';
import { PILOT_STATUSES, REQUEST_KINDS, REQUEST_STATUSES, SOLUTION_STATUSES } from '../../../shared/innovation.ts';
import { DEAL_STATUSES, PROJECT_STATUSES } from '../../../shared/ventures.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../http/messages.ts';
import {
  BREAKDOWN_DIMENSIONS,
  BREAKDOWN_LABELS,
  BREAKDOWN_SUBJECTS,
  type BreakdownDimension,
  FIGURE_LABELS,
  FIGURE_RULES,
  HEADLINE_FIGURES,
  isMoney,
  SERIES_FIGURES,
  SERIES_PERIODS,
} from '../analytics/analytics.rules.ts';
import { computeFunnels, latestSnapshot } from '../analytics/analytics.service.ts';
import { EXPORT_COLUMNS, type Labels } from './exports.labels.ts';
import * as repo from './exports.repository.ts';
import { type Cell, choiceFilter, computedTable, pagedTable, statusFilter, type Table } from './exports.table.ts';

export interface ListQuery {
  status?: string[];
  kind?: string;
  q?: string;
  measureId?: string;
  organizationId?: string;
  requestId?: string;
  customerId?: string;
  technology?: string;
  district?: string;
  joint?: boolean;
  counted?: boolean;
  period?: string;
  by?: string;
  of?: string;
  from?: string;
  to?: string;
}

export const FIGURE_LISTS = ['kpis', 'series', 'breakdowns', 'funnels'] as const;
export const RECORD_LISTS = [
  'requests',
  'solutions',
  'pilots',
  'projects',
  'deals',
  'membership',
  'organizations',
] as const;
export type FigureList = (typeof FIGURE_LISTS)[number];
export type RecordList = (typeof RECORD_LISTS)[number];

interface Context {
  db: Db;
  clock: Clock;
  pageSize: number;
  labels: Labels;
  lang: Lang;
}

/** "YYYY-MM-DD" of a date column as a Date the cell formatting shows as that day. */
const day = (value: string | null) => (value === null ? null : new Date(`${value}T00:00:00Z`));
const trimmed = (q: string | undefined) => q?.trim() || undefined;

function technologies(labels: Labels, values: string[]): string {
  return values.map((v) => labels.technology[v as TechnologyArea] ?? v).join(', ');
}

const technologyFilter = (query: ListQuery) => choiceFilter('technology', query.technology, TECHNOLOGY_AREAS);

export function recordTable(list: RecordList, query: ListQuery, ctx: Context): Table {
  const { db, pageSize, labels } = ctx;
  switch (list) {
    case 'requests': {
      const filter: repo.RequestExportFilter = {
        statuses: statusFilter(query.status, REQUEST_STATUSES),
        kind: choiceFilter('kind', query.kind, REQUEST_KINDS),
        q: trimmed(query.q),
        organizationId: query.organizationId,
        technology: technologyFilter(query),
      };
      return pagedTable(
        EXPORT_COLUMNS.requests,
        (after: string | null, limit) => repo.listRequestsPage(db, filter, after, limit),
        (r) => r.number,
        (r) => [
          r.number,
          r.title,
          r.customerName,
          r.customerInn,
          labels.requestKind[r.kind],
          labels.requestStatus[r.status],
          technologies(labels, r.technologies),
          r.budgetKopecks,
          r.solutions,
          r.publishedAt,
          r.deadline,
          r.closedAt,
        ],
        pageSize,
      );
    }
    case 'solutions': {
      const filter: repo.SolutionExportFilter = {
        statuses: statusFilter(query.status, SOLUTION_STATUSES),
        requestId: query.requestId,
        organizationId: query.organizationId,
      };
      return pagedTable(
        EXPORT_COLUMNS.solutions,
        (after: string | null, limit) => repo.listSolutionsPage(db, filter, after, limit),
        (r) => r.number,
        (r) => [
          r.number,
          r.requestNumber,
          r.requestTitle,
          r.organizationName,
          r.organizationInn,
          labels.solutionStatus[r.status],
          r.trl,
          r.priceKopecks,
          r.scoreAverage,
          r.submittedAt,
          r.decidedAt,
        ],
        pageSize,
      );
    }
    case 'pilots': {
      const filter: repo.PilotExportFilter = {
        statuses: statusFilter(query.status, PILOT_STATUSES),
        requestId: query.requestId,
        organizationId: query.organizationId,
      };
      return pagedTable(
        EXPORT_COLUMNS.pilots,
        (after: string | null, limit) => repo.listPilotsPage(db, filter, after, limit),
        (r) => r.number,
        (r) => [
          r.number,
          r.requestNumber,
          r.solutionNumber,
          r.siteName,
          r.district,
          r.companyName,
          r.customerName,
          labels.pilotStatus[r.status],
          r.outcome ? labels.pilotOutcome[r.outcome] : null,
          r.trl,
          day(r.startsOn),
          day(r.endsOn),
          r.startedAt,
          r.completedAt,
        ],
        pageSize,
      );
    }
    case 'projects': {
      const filter: repo.ProjectExportFilter = {
        statuses: statusFilter(query.status, PROJECT_STATUSES),
        q: trimmed(query.q),
        technology: technologyFilter(query),
        joint: query.joint,
        district: choiceFilter('district', query.district, MOSCOW_DISTRICTS),
        organizationId: query.organizationId,
      };
      return pagedTable(
        EXPORT_COLUMNS.projects,
        (after: string | null, limit) => repo.listProjectsPage(db, filter, after, limit),
        (r) => r.number,
        (r) => [
          r.number,
          r.title,
          r.leadName,
          r.leadInn,
          labels.projectStatus[r.status],
          labels.projectStage[r.stage],
          r.joint ? labels.yes : labels.no,
          r.confirmedParticipants,
          technologies(labels, r.technologies),
          r.trl,
          r.budgetKopecks,
          r.district,
          day(r.startedOn),
          day(r.implementedOn),
        ],
        pageSize,
      );
    }
    case 'deals': {
      const filter: repo.DealExportFilter = {
        statuses: statusFilter(query.status, DEAL_STATUSES),
        organizationId: query.organizationId,
        counted: query.counted,
      };
      return pagedTable(
        EXPORT_COLUMNS.deals,
        (after: string | null, limit) => repo.listDealsPage(db, filter, after, limit),
        (r) => r.number,
        (r) => [
          r.number,
          r.investorName,
          r.companyName,
          r.companyInn,
          labels.dealRound[r.round],
          labels.dealInstrument[r.instrument],
          r.amountKopecks,
          day(r.dealDate),
          labels.dealStatus[r.status],
          r.investorConfirmedAt,
          r.companyConfirmedAt,
          r.disputedAt,
          r.counted ? labels.yes : labels.no,
        ],
        pageSize,
      );
    }
    case 'membership': {
      const filter: repo.MembershipExportFilter = {
        statuses: statusFilter(query.status, MEMBERSHIP_STATUSES),
        kind: choiceFilter('kind', query.kind, MEMBERSHIP_KINDS),
        q: trimmed(query.q),
      };
      return pagedTable(
        EXPORT_COLUMNS.membership,
        (after: repo.MembershipKey | null, limit) => repo.listMembershipPage(db, filter, after, limit),
        (r) => ({ at: r.at, id: r.id }),
        (r) => [
          r.organizationName,
          r.inn,
          r.ogrn,
          r.regionCode,
          labels.membershipKind[r.kind],
          labels.membershipStatus[r.status],
          r.createdAt,
          r.decidedAt,
          r.registryNumber,
        ],
        pageSize,
      );
    }
    case 'organizations': {
      const filter: repo.OrganizationExportFilter = {
        statuses: statusFilter(query.status, [...MEMBERSHIP_STATUSES, 'none'] as const),
        kind: choiceFilter('kind', query.kind, MEMBERSHIP_KINDS),
        q: trimmed(query.q),
        technology: technologyFilter(query),
        district: choiceFilter('district', query.district, MOSCOW_DISTRICTS),
      };
      return pagedTable(
        EXPORT_COLUMNS.organizations,
        (after: { name: string; id: string } | null, limit) => repo.listOrganizationsPage(db, filter, after, limit),
        (r) => ({ name: r.shortName, id: r.id }),
        (r) => [
          r.shortName,
          r.fullName,
          r.inn,
          r.ogrn,
          r.regionCode,
          r.district,
          r.okvedMain,
          r.okvedSection,
          labels.smeCategory[r.smeCategory],
          technologies(labels, r.technologies),
          labels.membershipStatus[r.membershipStatus],
          r.membershipKind ? labels.membershipKind[r.membershipKind] : null,
          r.registryNumber,
          r.admittedAt,
        ],
        pageSize,
      );
    }
  }
}

function breakdownValue(labels: Labels, by: BreakdownDimension, value: string | null, lang: Lang): string {
  if (value === null) return lang === 'ru' ? 'Не указано' : 'Not given';
  if (by === 'technology') return labels.technology[value as TechnologyArea] ?? value;
  if (by === 'okvedSection') return labels.okvedSection[value] ?? value;
  if (by === 'smeCategory') return labels.smeCategory[value as keyof Labels['smeCategory']] ?? value;
  return value;
}

const percent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 10_000) / 100);

/** The dashboard's figures: from the newest snapshot (funnels: counted now). */
export function figureTable(list: FigureList, query: ListQuery, ctx: Context): Table {
  const { db, clock, labels, lang } = ctx;
  switch (list) {
    case 'kpis':
      return computedTable(EXPORT_COLUMNS.kpis, async () => {
        const snapshot = await latestSnapshot(db, clock);
        return HEADLINE_FIGURES.map((f): Cell[] => {
          const value = snapshot.payload.figures[f];
          return [
            FIGURE_LABELS[lang][f],
            isMoney(f) ? null : Number(value),
            isMoney(f) ? BigInt(value) : null,
            snapshot.payload.rules?.[lang]?.[f] ?? FIGURE_RULES[lang][f],
            snapshot.computedAt,
          ];
        });
      });
    case 'series': {
      const period = choiceFilter('period', query.period, SERIES_PERIODS) ?? 'month';
      return computedTable(EXPORT_COLUMNS.series, async () => {
        const snapshot = await latestSnapshot(db, clock);
        const source = period === 'month' ? snapshot.payload.series.monthly : snapshot.payload.series.yearly;
        return SERIES_FIGURES.flatMap((f) =>
          source[f].map((p): Cell[] => [
            FIGURE_LABELS[lang][f],
            p.period,
            isMoney(f) ? null : Number(p.value),
            isMoney(f) ? BigInt(p.value) : null,
          ]),
        );
      });
    }
    case 'breakdowns': {
      const by = choiceFilter('by', query.by, BREAKDOWN_DIMENSIONS);
      const of = choiceFilter('of', query.of, BREAKDOWN_SUBJECTS);
      return computedTable(EXPORT_COLUMNS.breakdowns, async () => {
        const snapshot = await latestSnapshot(db, clock);
        return (of ? [of] : BREAKDOWN_SUBJECTS).flatMap((subject) =>
          (by ? [by] : BREAKDOWN_DIMENSIONS).flatMap((dimension) =>
            snapshot.payload.breakdowns[subject][dimension].map((item): Cell[] => [
              BREAKDOWN_LABELS[lang][subject],
              BREAKDOWN_LABELS[lang][dimension],
              breakdownValue(labels, dimension, item.value, lang),
              item.count,
            ]),
          ),
        );
      });
    }
    case 'funnels': {
      const technology = technologyFilter(query);
      return computedTable(EXPORT_COLUMNS.funnels, async () => {
        const answer = await computeFunnels(
          db,
          { from: query.from, to: query.to, measureId: query.measureId, customerId: query.customerId, technology },
          lang,
          clock.now(),
        );
        return answer.funnels.flatMap((funnel) =>
          funnel.steps.map((step): Cell[] => [
            funnel.label,
            step.label,
            step.count,
            'items' in step && step.items !== undefined ? step.items : null,
            percent(step.conversionFromPrevious),
            percent(step.conversionFromFirst),
            step.medianDaysFromPrevious,
          ]),
        );
      });
    }
  }
}
