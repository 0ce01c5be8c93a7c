// Names of the domain shared by server and web: the values stored in the database and sent over the API.
export type { LegalType } from './requisites.ts';

export const ORG_ROLES = ['owner', 'manager', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const SME_CATEGORIES = ['micro', 'small', 'medium', 'large'] as const;
export type SmeCategory = (typeof SME_CATEGORIES)[number];

export const STARTUP_STAGES = ['idea', 'seed', 'early', 'growth', 'maturity'] as const;
export type StartupStage = (typeof STARTUP_STAGES)[number];

export const CAPABILITIES = ['company', 'customer', 'investor', 'pilot_site_owner', 'science', 'education'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const RESIDENCIES = ['skolkovo', 'technopark'] as const;
export type Residency = (typeof RESIDENCIES)[number];

export const MEMBERSHIP_KINDS = ['participant', 'partner'] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

export const MEMBERSHIP_STATUSES = [
  'applied',
  'under_review',
  'participant',
  'rejected',
  'suspended',
  'excluded',
] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const MOSCOW_REGION_CODE = '77';

/** Moscow's administrative districts (округа), the district filter of the registry. */
export const MOSCOW_DISTRICTS = [
  'ЦАО',
  'САО',
  'СВАО',
  'ВАО',
  'ЮВАО',
  'ЮАО',
  'ЮЗАО',
  'ЗАО',
  'СЗАО',
  'ЗелАО',
  'НАО',
  'ТАО',
] as const;

/** Technology areas of the cluster, the keys the UI translates. */
export const TECHNOLOGY_AREAS = [
  'ai',
  'big_data',
  'robotics',
  'drones',
  'iot',
  'cybersecurity',
  'blockchain',
  'vr_ar',
  'biotech',
  'medtech',
  'pharma',
  'new_materials',
  'energy',
  'cleantech',
  'transport',
  'smart_city',
  'fintech',
  'edtech',
  'agritech',
  'space',
  'electronics',
  'quantum',
  'construction',
  'manufacturing',
] as const;
export type TechnologyArea = (typeof TECHNOLOGY_AREAS)[number];

/**
 * OKVED 2 sections by the first two digits of the class (OK 029-2014).
 * The section letter is what the registry filters on.
 */
const OKVED_SECTION_RANGES: Array<[number, number, string]> = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];
export const OKVED_SECTIONS = OKVED_SECTION_RANGES.map(([, , s]) => s);

export const OKVED_CODE_PATTERN = '^\\d{2}(\\.\\d{1,2}){0,2}$';

export function okvedSectionOf(code: string): string | undefined {
  const head = Number(code.slice(0, 2));
  return OKVED_SECTION_RANGES.find(([from, to]) => head >= from && head <= to)?.[2];
}
