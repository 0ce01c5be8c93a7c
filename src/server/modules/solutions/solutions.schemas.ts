import { Type } from 'typebox';
import {
  SOLUTION_STATUSES,
  SOLUTION_SUMMARY_MAX,
  TEAM_MAX,
  TEAM_MIN,
  TRL_MAX,
  TRL_MIN,
} from '../../../shared/innovation.ts';
import { DateTime, Kopecks, MultiLine, PageQuery, SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import { SOLUTION_EVENTS } from './solution-status.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const SolutionStatusSchema = Type.Enum(SOLUTION_STATUSES);

/** Who the caller is to this solution; the web app shows the actions that go with each. */
export const SOLUTION_VIEWER_ROLES = ['company', 'customer', 'expert', 'operator'] as const;
export type SolutionViewerRole = (typeof SOLUTION_VIEWER_ROLES)[number];

const Summary = Type.String({
  ...SingleLine(SOLUTION_SUMMARY_MAX, 1),
  description: `≤ ${SOLUTION_SUMMARY_MAX} characters`,
});
const Description = MultiLine(20_000);
const Novelty = MultiLine(10_000);
const PilotPlan = MultiLine(10_000);
const Trl = Type.Integer({ minimum: TRL_MIN, maximum: TRL_MAX, description: 'technology readiness level 1–9' });
const TeamMember = Type.Object({ name: SingleLine(200, 1), role: SingleLine(200, 1) }, Strict);
const Team = Type.Array(TeamMember, { minItems: TEAM_MIN, maxItems: TEAM_MAX });
const FileIds = Type.Array(Uuid, {
  maxItems: 20,
  uniqueItems: true,
  description: 'files uploaded for the answering organization (POST /api/files)',
});

export const CreateSolutionBody = Type.Object(
  {
    organizationId: Uuid,
    summary: Summary,
    description: Type.Optional(Description),
    novelty: Type.Optional(Novelty),
    trl: Trl,
    team: Team,
    priceKopecks: Type.Optional(Kopecks),
    pilotPlan: Type.Optional(PilotPlan),
    fileIds: Type.Optional(FileIds),
  },
  Strict,
);

export const PatchSolutionBody = Type.Object(
  {
    summary: Type.Optional(Summary),
    description: Type.Optional(Description),
    novelty: Type.Optional(Novelty),
    trl: Type.Optional(Trl),
    team: Type.Optional(Team),
    priceKopecks: Type.Optional(Nullable(Kopecks)),
    pilotPlan: Type.Optional(PilotPlan),
    fileIds: Type.Optional(FileIds),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  Strict,
);

export const WithdrawBody = Type.Object({ reason: Type.Optional(MultiLine(2000)) }, Strict);
export const ShortlistBody = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, Strict);
export const DeclineBody = Type.Object(
  { reason: Type.String({ ...MultiLine(2000), minLength: 1 }), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  Strict,
);

export const ScoresBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object(
        {
          criterion: Type.String({ minLength: 1, maxLength: 100 }),
          score: Type.Integer({ minimum: 0, maximum: 1000 }),
          comment: Type.Optional(MultiLine(5000)),
        },
        Strict,
      ),
      { minItems: 1, maxItems: 50, description: "every criterion of the request's criteria exactly once" },
    ),
    comment: Type.Optional(MultiLine(5000)),
  },
  Strict,
);

export const MyListQuery = Type.Object(
  {
    organizationId: Type.Optional(Uuid),
    status: Type.Optional(Type.Array(SolutionStatusSchema, { maxItems: SOLUTION_STATUSES.length })),
    ...PageQuery,
  },
  Strict,
);

export const RequestListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(SolutionStatusSchema, { maxItems: SOLUTION_STATUSES.length })),
    sort: Type.Optional(
      Type.Enum(['submittedAt', 'score'] as const, {
        description: 'submittedAt: in the order they came; score: the highest average first',
      }),
    ),
    ...PageQuery,
  },
  Strict,
);

export const DocumentParams = Type.Object({ id: Uuid, fileId: Uuid }, Strict);

const TeamMemberAnswer = Type.Object({ name: Type.String(), role: Type.String() });

/** The solution as stored, without its long texts: what lists carry. */
export const SolutionSummary = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'РШ-<year>-<6 digits>' }),
  requestId: Uuid,
  organizationId: Uuid,
  authorId: Uuid,
  summary: Type.String(),
  trl: Type.Integer(),
  team: Type.Array(TeamMemberAnswer),
  priceKopecks: Nullable(Kopecks),
  status: SolutionStatusSchema,
  lastComment: Nullable(
    Type.String({ description: "the customer's reason when declining, or the company's when withdrawing" }),
  ),
  submittedAt: Nullable(DateTime),
  decidedAt: Nullable(DateTime),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  allowedEvents: Type.Array(Type.Enum(SOLUTION_EVENTS), {
    description: 'the steps the status allows now (whoever may take them)',
  }),
});

export const Solution = Type.Object({
  ...SolutionSummary.properties,
  description: Type.String(),
  novelty: Type.String(),
  pilotPlan: Type.String(),
});

export const CompanySolutionItem = Type.Object({
  ...SolutionSummary.properties,
  organizationName: Type.String(),
  requestNumber: Type.String(),
  requestTitle: Type.String(),
  requestDeadline: DateTime,
  customerOrganizationId: Uuid,
  customerName: Type.String(),
});

export const CompanySolutionsAnswer = Type.Object({
  items: Type.Array(CompanySolutionItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

const CriterionScoreAnswer = Type.Object({ criterion: Type.String(), score: Type.Integer(), comment: Type.String() });

export const ScoreAnswer = Type.Object({
  scorerId: Uuid,
  scorerName: Nullable(Type.String()),
  total: Type.Integer({ description: "this scorer's weighted score, 0–100" }),
  scores: Type.Array(CriterionScoreAnswer),
  comment: Nullable(Type.String()),
  scoredAt: DateTime,
});

const ScoreAverage = Nullable(
  Type.Integer({
    description:
      "mean of the scorers' weighted scores, 0–100; null before anyone scored, and for an expert until their own score is in",
  }),
);

export const RequestSolutionItem = Type.Object({
  ...SolutionSummary.properties,
  organizationName: Type.String(),
  scoreAverage: ScoreAverage,
  scoreCount: Nullable(Type.Integer()),
  myScore: Nullable(ScoreAnswer),
});

export const RequestSolutionsAnswer = Type.Object({
  items: Type.Array(RequestSolutionItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer(), {
    description: 'solutions by status (drafts never counted), ignoring the status filter',
  }),
});

const TimelineEntry = Type.Object({
  fromStatus: Nullable(Type.String()),
  status: Type.String(),
  comment: Nullable(Type.String()),
  at: DateTime,
  actorName: Nullable(Type.String()),
});

const Document = Type.Object({
  fileId: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
});

const CriterionAnswer = Type.Object({
  key: Type.String(),
  name: Type.String(),
  weight: Type.Number(),
  maxScore: Type.Integer(),
});

export const SolutionDetail = Type.Object({
  ...Solution.properties,
  organizationName: Type.String(),
  requestNumber: Type.String(),
  requestTitle: Type.String(),
  customerOrganizationId: Uuid,
  customerName: Type.String(),
  criteria: Type.Array(CriterionAnswer, { description: "the request's scoring criteria" }),
  viewerRoles: Type.Array(Type.Enum(SOLUTION_VIEWER_ROLES)),
  timeline: Type.Array(TimelineEntry),
  documents: Type.Array(Document),
  scoreAverage: ScoreAverage,
  scoreCount: Nullable(Type.Integer({ description: 'null for the company' })),
  scores: Nullable(
    Type.Array(ScoreAnswer, {
      description:
        'the customer team and the operator see every score; an expert sees the others once their own is in; the company sees none (null)',
    }),
  ),
  myScore: Nullable(ScoreAnswer),
});

export const ScoredAnswer = Type.Object({
  solutionId: Uuid,
  total: Type.Integer({ description: "this scorer's weighted score, 0–100" }),
  scoreAverage: Type.Integer(),
  scoreCount: Type.Integer(),
});
