import { Type } from 'typebox';
import { APPLICATION_STATUSES, REPORT_STATUSES } from '../../../shared/measures.ts';
import {
  DateString,
  DateTime,
  Kopecks,
  MultiLine,
  PageQuery,
  SingleLine,
  Strict,
  Uuid,
} from '../../http/schema-helpers.ts';
import { APPLICATION_EVENTS } from './application-status.ts';

export const ApplicationStatusSchema = Type.Enum(APPLICATION_STATUSES);
const ReportStatusSchema = Type.Enum(REPORT_STATUSES);
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** The KPIs promised in the application and reported after payment. */
export const KpisSchema = Type.Object(
  {
    revenueKopecks: Type.Optional(Kopecks),
    jobs: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    exportsKopecks: Type.Optional(Kopecks),
    products: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  Strict,
);

/** Answers to the measure's form, by field key; each is checked against the form by the service. */
const Answers = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }), Type.Unknown(), {
  maxProperties: 200,
});
const PositiveKopecks = Type.String({ pattern: '^[1-9][0-9]{0,17}$' });

export const CreateApplicationBody = Type.Object(
  {
    measureId: Uuid,
    organizationId: Uuid,
    requestedAmountKopecks: PositiveKopecks,
    answers: Answers,
    promisedKpis: Type.Optional(KpisSchema),
    projectId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'the consortium: a project the applicant leads; required by a measure with a consortium rule, whose range ' +
          'its confirmed cluster participants must fall in',
      }),
    ),
  },
  Strict,
);

export const PatchApplicationBody = Type.Object(
  {
    answers: Type.Optional(Answers),
    requestedAmountKopecks: Type.Optional(PositiveKopecks),
    promisedKpis: Type.Optional(KpisSchema),
    projectId: Type.Optional(
      Type.Union([Uuid, Type.Null()], { description: 'the consortium project; null forgets it (when not required)' }),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  Strict,
);

export const WithdrawBody = Type.Object({ reason: Type.Optional(MultiLine(2000)) }, Strict);
export const ReturnBody = Type.Object({ comment: Type.String({ ...MultiLine(2000), minLength: 1 }) }, Strict);

export const DecisionBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject'] as const),
    amountKopecks: Type.Optional(PositiveKopecks),
    reason: Type.String({ ...MultiLine(2000), minLength: 1 }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  Strict,
);

export const TrancheBody = Type.Object({ amountKopecks: PositiveKopecks, milestone: SingleLine(500, 1) }, Strict);

export const FileReportBody = Type.Object(
  { reportId: Uuid, kpis: KpisSchema, comment: Type.Optional(MultiLine(2000)) },
  Strict,
);
export const ReportParams = Type.Object({ id: Uuid, reportId: Uuid }, Strict);

export const ListQuery = Type.Object(
  {
    organizationId: Type.Optional(Uuid),
    status: Type.Optional(Type.Array(ApplicationStatusSchema, { maxItems: APPLICATION_STATUSES.length })),
    measureId: Type.Optional(Uuid),
    q: Type.Optional(SingleLine(200)),
    sort: Type.Optional(Type.Enum(['newest', 'oldest', 'updated', 'amount'] as const)),
    ...PageQuery,
  },
  Strict,
);

export const Application = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'ЗП-<year>-<6 digits>' }),
  measureId: Uuid,
  organizationId: Uuid,
  applicantId: Uuid,
  status: ApplicationStatusSchema,
  requestedAmountKopecks: Kopecks,
  approvedAmountKopecks: Nullable(Kopecks),
  paidKopecks: Kopecks,
  answers: Type.Record(Type.String(), Type.Unknown()),
  promisedKpis: KpisSchema,
  projectId: Nullable(Type.String({ format: 'uuid', description: 'the consortium project, when one is named' })),
  lastComment: Nullable(Type.String()),
  submittedAt: Nullable(DateTime),
  decidedAt: Nullable(DateTime),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  allowedEvents: Type.Array(Type.Enum(APPLICATION_EVENTS)),
});

export const ApplicationListItem = Type.Object({
  ...Application.properties,
  measureTitle: Type.String(),
  organizationName: Type.String(),
});

export const ListAnswer = Type.Object({
  items: Type.Array(ApplicationListItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer(), {
    description: 'applications by status, ignoring the status filter',
  }),
});

const TimelineEntry = Type.Object({
  status: ApplicationStatusSchema,
  comment: Nullable(Type.String()),
  at: DateTime,
  actorName: Nullable(Type.String()),
});

export const Tranche = Type.Object({
  id: Uuid,
  amountKopecks: Kopecks,
  milestone: Type.String(),
  paidAt: DateTime,
});

export const Report = Type.Object({
  id: Uuid,
  sequence: Type.Integer(),
  dueOn: DateString,
  status: ReportStatusSchema,
  kpis: Type.Union([KpisSchema, Type.Null()]),
  comment: Nullable(Type.String()),
  submittedAt: Nullable(DateTime),
  acceptedAt: Nullable(DateTime),
  overdue: Type.Boolean({ description: 'the due date has passed and the report is not filed' }),
});

const Document = Type.Object({
  fieldKey: Type.String(),
  fileId: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  attachedAt: DateTime,
});

export const ApplicationDetail = Type.Object({
  ...ApplicationListItem.properties,
  remainingBudgetKopecks: Kopecks,
  maxAmountKopecks: Kopecks,
  timeline: Type.Array(TimelineEntry),
  tranches: Type.Array(Tranche),
  reports: Type.Array(Report),
  documents: Type.Array(Document),
});

export const TrancheAnswer = Type.Object({
  id: Uuid,
  amountKopecks: Kopecks,
  paidTotalKopecks: Kopecks,
  status: ApplicationStatusSchema,
});

export const ReportAnswer = Type.Object({ report: Report, applicationStatus: ApplicationStatusSchema });
