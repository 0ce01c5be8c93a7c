import { Type } from 'typebox';
import { MEMBERSHIP_KINDS, OKVED_SECTIONS, SME_CATEGORIES } from '../../../shared/domain.ts';
import { FORM_FIELD_TYPES, MEASURE_KINDS, MEASURE_STATUSES } from '../../../shared/measures.ts';
import { DateTime, Kopecks, MultiLine, PageQuery, SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import { MEASURE_EVENTS } from './measure-status.ts';

export const MeasureKindSchema = Type.Enum(MEASURE_KINDS);
export const MeasureStatusSchema = Type.Enum(MEASURE_STATUSES);

export const EligibilityRulesSchema = Type.Object(
  {
    membershipKinds: Type.Optional(Type.Array(Type.Enum(MEMBERSHIP_KINDS), { uniqueItems: true, maxItems: 2 })),
    regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2}$' }), { uniqueItems: true, maxItems: 100 })),
    okvedSections: Type.Optional(Type.Array(Type.Enum(OKVED_SECTIONS), { uniqueItems: true, maxItems: 21 })),
    smeCategories: Type.Optional(Type.Array(Type.Enum(SME_CATEGORIES), { uniqueItems: true, maxItems: 4 })),
    minAgeYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    startupOnly: Type.Optional(Type.Boolean()),
    consortium: Type.Optional(
      Type.Object(
        {
          min: Type.Integer({ minimum: 2, maximum: 50 }),
          max: Type.Integer({ minimum: 2, maximum: 50 }),
        },
        {
          ...Strict,
          description:
            'a consortium grant: the application names a project the applicant leads with min..max confirmed cluster participants',
        },
      ),
    ),
  },
  Strict,
);

export const FormFieldSchema = Type.Object(
  {
    // the key format is checked with the whole definition, so the answer names the field by its path
    key: SingleLine(40, 1),
    label: SingleLine(300, 1),
    type: Type.Enum(FORM_FIELD_TYPES),
    required: Type.Boolean(),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    options: Type.Optional(Type.Array(SingleLine(200, 1), { maxItems: 50 })),
    accept: Type.Optional(Type.Array(SingleLine(100, 1), { maxItems: 20 })),
  },
  Strict,
);

export const CriterionSchema = Type.Object(
  {
    key: SingleLine(20, 1),
    name: SingleLine(300, 1),
    weight: Type.Number({ minimum: 0, maximum: 100 }),
    maxScore: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  Strict,
);

/** Fields of a measure the operator writes. */
const definition = {
  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$' }),
  title: SingleLine(300, 3),
  kind: MeasureKindSchema,
  provider: SingleLine(300, 2),
  description: MultiLine(20_000),
  maxAmountKopecks: Kopecks,
  cofinancingPercent: Type.Integer({ minimum: 0, maximum: 100 }),
  budgetKopecks: Kopecks,
  opensAt: DateTime,
  closesAt: DateTime,
  eligibility: EligibilityRulesSchema,
  formFields: Type.Array(FormFieldSchema, { maxItems: 60 }),
  requiredDocuments: Type.Array(SingleLine(300, 1), { maxItems: 30 }),
  criteria: Type.Array(CriterionSchema, { maxItems: 20 }),
  expertsPerApplication: Type.Integer({ minimum: 1, maximum: 10 }),
  reportCount: Type.Integer({ minimum: 0, maximum: 20 }),
  reportIntervalMonths: Type.Integer({ minimum: 1, maximum: 60 }),
};

export const CreateMeasureBody = Type.Object(
  {
    code: definition.code,
    title: definition.title,
    kind: definition.kind,
    provider: definition.provider,
    description: definition.description,
    maxAmountKopecks: definition.maxAmountKopecks,
    cofinancingPercent: Type.Optional(definition.cofinancingPercent),
    budgetKopecks: definition.budgetKopecks,
    opensAt: definition.opensAt,
    closesAt: definition.closesAt,
    eligibility: definition.eligibility,
    formFields: definition.formFields,
    requiredDocuments: Type.Optional(definition.requiredDocuments),
    criteria: definition.criteria,
    expertsPerApplication: Type.Optional(definition.expertsPerApplication),
    reportCount: Type.Optional(definition.reportCount),
    reportIntervalMonths: Type.Optional(definition.reportIntervalMonths),
  },
  Strict,
);

export const PatchMeasureBody = Type.Partial(
  Type.Object({ ...definition, version: Type.Integer({ minimum: 1 }) }),
  Strict,
);

const MeasureEventSchema = Type.Enum(MEASURE_EVENTS);

const summary = {
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  kind: MeasureKindSchema,
  provider: Type.String(),
  description: Type.String(),
  maxAmountKopecks: Kopecks,
  cofinancingPercent: Type.Integer(),
  budgetKopecks: Kopecks,
  remainingBudgetKopecks: Kopecks,
  opensAt: DateTime,
  closesAt: DateTime,
  /** published and the window contains now */
  isOpen: Type.Boolean(),
  status: MeasureStatusSchema,
};

export const MeasureSummary = Type.Object({
  ...summary,
  eligible: Type.Optional(
    Type.Boolean({ description: 'only with ?organizationId: whether that organization may apply' }),
  ),
});

export const Measure = Type.Object({
  ...summary,
  committedKopecks: Kopecks,
  eligibility: EligibilityRulesSchema,
  formFields: Type.Array(FormFieldSchema),
  requiredDocuments: Type.Array(Type.String()),
  criteria: Type.Array(CriterionSchema),
  expertsPerApplication: Type.Integer(),
  reportCount: Type.Integer(),
  reportIntervalMonths: Type.Integer(),
  version: Type.Integer(),
  allowedEvents: Type.Array(MeasureEventSchema, { description: 'what the operator may do next' }),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const MeasureListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Enum([...MEASURE_STATUSES, 'all'] as const, {
        description: 'published by default; closed and archived for everyone; draft and all for the operator',
      }),
    ),
    kind: Type.Optional(MeasureKindSchema),
    q: Type.Optional(SingleLine(200)),
    open: Type.Optional(Type.Boolean({ description: 'true: the application window contains now; false: it does not' })),
    organizationId: Type.Optional(Uuid),
    ...PageQuery,
  },
  Strict,
);

export const EligibilityQuery = Type.Object({ organizationId: Uuid }, Strict);

export const EligibilityAnswer = Type.Object({
  measureId: Uuid,
  organizationId: Uuid,
  eligible: Type.Boolean(),
  checks: Type.Array(
    Type.Object({
      rule: Type.Enum(['membership', 'region', 'okvedSection', 'smeCategory', 'age', 'startup'] as const),
      met: Type.Boolean(),
      reason: Type.String(),
      params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())])),
    }),
  ),
});
