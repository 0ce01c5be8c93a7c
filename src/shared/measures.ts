// Support measures: the names stored and sent over the API, and the data shapes of rules, forms and criteria.
import type { MembershipKind, SmeCategory } from './domain.ts';

export const MEASURE_KINDS = ['grant', 'subsidy', 'compensation', 'loan', 'service', 'tax_benefit', 'rent'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_STATUSES = ['draft', 'published', 'closed', 'archived'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Who may apply; every rule left out (or empty) lets everyone through. */
export interface EligibilityRules {
  membershipKinds?: MembershipKind[];
  regionCodes?: string[];
  okvedSections?: string[];
  smeCategories?: SmeCategory[];
  minAgeYears?: number;
  startupOnly?: boolean;
  /**
   * A grant for a consortium: the application names a project the applicant leads, with between `min` and `max`
   * cluster participants that confirmed (the joint-project rule; the lead included). Checked per application, not
   * against the organization.
   */
  consortium?: { min: number; max: number };
}

export const FORM_FIELD_TYPES = ['text', 'number', 'money', 'date', 'choice', 'file'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** One question of a measure's application form, defined as data. */
export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** text: maximum length; number/money: bounds (money in kopecks) */
  maxLength?: number;
  min?: number;
  max?: number;
  /** choice: the allowed values */
  options?: string[];
  /** file: allowed content types */
  accept?: string[];
}

export interface Criterion {
  key: string;
  name: string;
  weight: number;
  maxScore: number;
}

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'registered',
  'under_review',
  'approved',
  'rejected',
  'agreement_signed',
  'disbursing',
  'reporting',
  'completed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const REVIEW_STATUSES = ['assigned', 'declared', 'submitted', 'recused'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const RECOMMENDATIONS = ['support', 'revise', 'reject'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const REPORT_STATUSES = ['due', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The KPIs a recipient promises in the application and reports after payment. */
export interface Kpis {
  revenueKopecks?: string;
  jobs?: number;
  exportsKopecks?: string;
  products?: number;
}
