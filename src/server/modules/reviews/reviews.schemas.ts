import { Type } from 'typebox';
import { FORM_FIELD_TYPES, RECOMMENDATIONS, REVIEW_STATUSES } from '../../../shared/measures.ts';
import { DateTime, MultiLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import { TechnologySchema } from '../organizations/organizations.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ReviewStatusSchema = Type.Enum(REVIEW_STATUSES);
export const RecommendationSchema = Type.Enum(RECOMMENDATIONS);

export const AppointExpertBody = Type.Object(
  { userId: Uuid, expertise: Type.Array(TechnologySchema, { minItems: 1, maxItems: 24, uniqueItems: true }) },
  Strict,
);

export const Expert = Type.Object({
  id: Uuid,
  userId: Uuid,
  fullName: Type.String(),
  email: Type.String(),
  expertise: Type.Array(Type.String()),
  active: Type.Boolean(),
  openReviews: Type.Integer({ description: 'current load: reviews assigned or declared, not yet submitted' }),
});

export const ExpertsAnswer = Type.Object({ items: Type.Array(Expert) });

export const AssignExpertsBody = Type.Union([
  Type.Object({ expertIds: Type.Array(Uuid, { minItems: 1, maxItems: 10, uniqueItems: true }) }, Strict),
  Type.Object({ auto: Type.Literal(true) }, Strict),
]);

export const AssignAnswer = Type.Object({ reviews: Type.Array(Type.Object({ id: Uuid, expertId: Uuid })) });

export const ReviewListQuery = Type.Object({ state: Type.Enum(['pending', 'done'] as const) }, Strict);

const CriterionSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  weight: Type.Number(),
  maxScore: Type.Integer(),
});

const ScoreSchema = Type.Object({ criterion: Type.String(), score: Type.Integer(), comment: Type.String() });

const Document = Type.Object({
  fieldKey: Type.String(),
  fileId: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
});

/** What the expert needs of the measure's form to read the answers: the question, not only its key. */
const FormFieldLabel = Type.Object({
  key: Type.String(),
  label: Type.String(),
  type: Type.Enum(FORM_FIELD_TYPES),
});

export const ReviewSummary = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  applicationNumber: Type.String(),
  measureTitle: Type.String(),
  organizationName: Type.String({
    description: 'shown before the declaration: the expert needs it to judge a conflict',
  }),
  status: ReviewStatusSchema,
  assignedAt: DateTime,
  declaredAt: Nullable(DateTime),
  submittedAt: Nullable(DateTime),
  answers: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'only after the declaration' })),
});

export const ReviewListAnswer = Type.Object({ items: Type.Array(ReviewSummary) });

export const ReviewDetail = Type.Object({
  ...ReviewSummary.properties,
  expertId: Uuid,
  criteria: Type.Array(CriterionSchema),
  documents: Nullable(Type.Array(Document)),
  formFields: Nullable(
    Type.Array(FormFieldLabel, { description: "the measure's form questions, in order; only after the declaration" }),
  ),
  scores: Nullable(Type.Array(ScoreSchema)),
  recommendation: Nullable(RecommendationSchema),
  weightedScore: Nullable(Type.Integer()),
});

export const DeclareBody = Type.Object(
  {
    noConflict: Type.Boolean({ description: 'true: no conflict of interest; false: recuse, with the reason' }),
    reason: Type.Optional(MultiLine(2000)),
  },
  Strict,
);

export const StatusAnswer = Type.Object({ status: ReviewStatusSchema });

export const ScoresBody = Type.Object(
  {
    scores: Type.Array(
      Type.Object(
        {
          criterion: Type.String({ minLength: 1, maxLength: 100 }),
          score: Type.Integer({ minimum: 0, maximum: 1000 }),
          comment: MultiLine(5000),
        },
        Strict,
      ),
      { minItems: 1, maxItems: 50 },
    ),
    recommendation: RecommendationSchema,
  },
  Strict,
);

export const ApplicationReview = Type.Object({
  id: Uuid,
  expertId: Uuid,
  expertName: Nullable(Type.String({ description: 'hidden from other experts' })),
  status: ReviewStatusSchema,
  assignedAt: DateTime,
  submittedAt: Nullable(DateTime),
  scores: Nullable(Type.Array(ScoreSchema)),
  recommendation: Nullable(RecommendationSchema),
  weightedScore: Nullable(Type.Integer({ description: "the expert's weighted score on the 0..100 scale" })),
});

export const ApplicationReviewsAnswer = Type.Object({
  applicationId: Uuid,
  expertsPerApplication: Type.Integer(),
  consensus: Nullable(Type.Number({ description: 'mean of the submitted normalised scores (0..100)' })),
  spread: Nullable(Type.Integer()),
  divergent: Type.Boolean({ description: 'the spread exceeds 20 points' }),
  reviews: Type.Array(ApplicationReview),
});
