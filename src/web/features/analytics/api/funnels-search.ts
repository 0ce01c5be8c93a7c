// The funnels' filters as they live in the page address: only well-formed values are kept, so a hand-edited or
// stale link shows the funnels rather than an error about a parameter.
import { TECHNOLOGY_AREAS, type TechnologyArea } from '../../../../shared/domain.ts';

export interface FunnelsFilter {
  /** YYYY-MM-DD, Moscow day, inclusive */
  from?: string;
  to?: string;
  measureId?: string;
  /** the organization that published the request */
  customerId?: string;
  technology?: TechnologyArea;
}

export const FUNNEL_FILTER_NAMES = ['from', 'to', 'measureId', 'customerId', 'technology'] as const;
export type FunnelFilterName = (typeof FUNNEL_FILTER_NAMES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first and last day a period may name: a date input passes through year 0002 while a person types 2026. */
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2099-12-31';

/** A real calendar day (no 31 February) between EARLIEST_DAY and LATEST_DAY. */
export function isFilterDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && value >= EARLIEST_DAY && value <= LATEST_DAY;
}

export function parseFunnelsSearch(search: Record<string, unknown>): FunnelsFilter {
  const id = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined);
  return {
    from: isFilterDay(search.from) ? search.from : undefined,
    to: isFilterDay(search.to) ? search.to : undefined,
    measureId: id(search.measureId),
    customerId: id(search.customerId),
    technology: TECHNOLOGY_AREAS.includes(search.technology as TechnologyArea)
      ? (search.technology as TechnologyArea)
      : undefined,
  };
}

/** The filters that are set, in the address's order; unset ones are left out of the link. */
export function funnelsSearch(filter: FunnelsFilter): FunnelsFilter {
  const set: FunnelsFilter = {};
  for (const name of FUNNEL_FILTER_NAMES) {
    const value = filter[name];
    if (value) Object.assign(set, { [name]: value });
  }
  return set;
}

/** A period that ends before it starts counts nothing; the page says so instead of asking. */
export function periodIsValid(filter: FunnelsFilter): boolean {
  return !(filter.from && filter.to && filter.to < filter.from);
}

export function activeFilterNames(filter: FunnelsFilter): FunnelFilterName[] {
  return FUNNEL_FILTER_NAMES.filter((name) => Boolean(filter[name]));
}

/** The filters as a person names them: the two ends of the period are one filter. */
export type FilterGroup = 'period' | 'measureId' | 'customerId' | 'technology';

export function filterGroups(names: readonly string[]): FilterGroup[] {
  const groups: FilterGroup[] = [];
  for (const name of FUNNEL_FILTER_NAMES) {
    if (!names.includes(name)) continue;
    const group = name === 'from' || name === 'to' ? 'period' : name;
    if (!groups.includes(group)) groups.push(group);
  }
  return groups;
}
