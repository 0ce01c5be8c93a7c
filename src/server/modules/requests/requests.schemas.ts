import { Type } from 'typebox';
import { TECHNOLOGY_AREAS } from '../../../shared/domain.ts';
import {
  PROBLEM_TYPES,
  REQUEST_KINDS,
  REQUEST_SCOPES,
  REQUEST_STATUSES,
  REWARD_KINDS,
  TRL_MAX,
  TRL_MIN,
} from '../../../shared/innovation.ts';
import { DateTime, Kopecks, MultiLine, PageQuery, SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import { REQUEST_EVENTS } from './request-status.ts';

export const RequestKindSchema = Type.Enum(REQUEST_KINDS);
export const RequestStatusSchema = Type.Enum(REQUEST_STATUSES);
export const RequestScopeSchema = Type.Enum(REQUEST_SCOPES);
export const ProblemTypeSchema = Type.Enum(PROBLEM_TYPES);
export const RewardKindSchema = Type.Enum(REWARD_KINDS);
export const TechnologySchema = Type.Enum(TECHNOLOGY_AREAS);
const OrgRoleSchema = Type.Enum(['owner', 'manager', 'member'] as const);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableKopecks = Type.Union([Kopecks, Type.Null()]);

/** A criterion on which solutions are scored; the weights of a request's criteria sum to 100. */
export const RequestCriterionSchema = Type.Object(
  {
    key: SingleLine(20, 1),
    name: SingleLine(300, 1),
    weight: Type.Number({ minimum: 0, maximum: 100 }),
    maxScore: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  Strict,
);

const RequiredText = (maxLength: number) => Type.String({ ...MultiLine(maxLength), minLength: 1 });

/** Fields of a request the customer writes. */
const definition = {
  kind: RequestKindSchema,
  title: SingleLine(300, 5),
  brief: Type.String({ ...MultiLine(2000), minLength: 10, description: 'the public teaser, shown to everyone' }),
  description: Type.String({
    ...MultiLine(50_000),
    description: 'the full task; behind the NDA terms when there are any',
  }),
  scopes: Type.Array(RequestScopeSchema, { uniqueItems: true, maxItems: REQUEST_SCOPES.length }),
  technologies: Type.Array(TechnologySchema, { uniqueItems: true, maxItems: TECHNOLOGY_AREAS.length }),
  problemTypes: Type.Array(ProblemTypeSchema, { uniqueItems: true, maxItems: PROBLEM_TYPES.length }),
  expectedResult: MultiLine(5000),
  minTrl: Type.Integer({ minimum: TRL_MIN, maximum: TRL_MAX, description: 'minimum technology readiness level' }),
  rewardKind: RewardKindSchema,
  budgetKopecks: Kopecks,
  pilotOffered: Type.Boolean({ description: 'the customer offers a paid pilot to the winner' }),
  deadline: Type.String({ format: 'date-time', description: 'solutions are accepted until then; in the future' }),
  relatedRequestIds: Type.Array(Uuid, { uniqueItems: true, maxItems: 20 }),
  ndaTerms: RequiredText(20_000),
  criteria: Type.Array(RequestCriterionSchema, { minItems: 1, maxItems: 10 }),
};

export const CreateRequestBody = Type.Object(
  {
    organizationId: Uuid,
    kind: definition.kind,
    title: definition.title,
    brief: definition.brief,
    description: definition.description,
    scopes: definition.scopes,
    technologies: definition.technologies,
    problemTypes: Type.Optional(definition.problemTypes),
    expectedResult: Type.Optional(definition.expectedResult),
    minTrl: definition.minTrl,
    rewardKind: Type.Optional(definition.rewardKind),
    budgetKopecks: Type.Optional(definition.budgetKopecks),
    pilotOffered: Type.Optional(definition.pilotOffered),
    deadline: definition.deadline,
    relatedRequestIds: Type.Optional(definition.relatedRequestIds),
    ndaTerms: Type.Optional(
      Type.String({
        ...definition.ndaTerms,
        description: 'terms a company accepts before it reads the description; leave out for a public description',
      }),
    ),
    criteria: Type.Optional(
      Type.Array(RequestCriterionSchema, {
        minItems: 1,
        maxItems: 10,
        description: 'scoring criteria, weights summing to 100; K1–K5 by default',
      }),
    ),
  },
  Strict,
);

export const PatchRequestBody = Type.Object(
  {
    kind: Type.Optional(definition.kind),
    title: Type.Optional(definition.title),
    brief: Type.Optional(definition.brief),
    description: Type.Optional(definition.description),
    scopes: Type.Optional(definition.scopes),
    technologies: Type.Optional(definition.technologies),
    problemTypes: Type.Optional(definition.problemTypes),
    expectedResult: Type.Optional(definition.expectedResult),
    minTrl: Type.Optional(definition.minTrl),
    rewardKind: Type.Optional(definition.rewardKind),
    budgetKopecks: Type.Optional(Type.Union([definition.budgetKopecks, Type.Null()])),
    pilotOffered: Type.Optional(definition.pilotOffered),
    deadline: Type.Optional(definition.deadline),
    relatedRequestIds: Type.Optional(definition.relatedRequestIds),
    ndaTerms: Type.Optional(
      Type.Union([definition.ndaTerms, Type.Null()], {
        description: 'null removes the NDA; changed terms get a new version and earlier acceptances no longer count',
      }),
    ),
    criteria: Type.Optional(definition.criteria),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version read; a stale one answers 409' })),
  },
  Strict,
);

export const ListQuery = Type.Object(
  {
    q: Type.Optional(SingleLine(200, 0)),
    kind: Type.Optional(RequestKindSchema),
    organizationId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: "one customer's requests; its own members (and the operator) see every status, drafts too",
      }),
    ),
    scope: Type.Optional(RequestScopeSchema),
    technology: Type.Optional(TechnologySchema),
    problemType: Type.Optional(ProblemTypeSchema),
    archived: Type.Optional(
      Type.Boolean({ description: 'false (default): open requests; true: closed, resolved and cancelled ones' }),
    ),
    status: Type.Optional(
      Type.Array(RequestStatusSchema, {
        maxItems: REQUEST_STATUSES.length,
        description:
          'exact statuses: public ones for everyone, any for the operator (status=moderation is the moderation queue) and for the members of organizationId',
      }),
    ),
    sort: Type.Optional(
      Type.Enum(['relevance', 'deadline', 'newest'] as const, {
        description: 'relevance (default with q), deadline (soonest first, the default), newest (published last first)',
      }),
    ),
    ...PageQuery,
  },
  Strict,
);

const Customer = Type.Object({ id: Uuid, shortName: Type.String() });

const summary = {
  id: Uuid,
  number: Type.String({ description: 'ЗИ-<year>-<6 digits>' }),
  organizationId: Uuid,
  customer: Customer,
  kind: RequestKindSchema,
  title: Type.String(),
  brief: Type.String(),
  scopes: Type.Array(RequestScopeSchema),
  technologies: Type.Array(TechnologySchema),
  problemTypes: Type.Array(ProblemTypeSchema),
  minTrl: Type.Integer(),
  rewardKind: RewardKindSchema,
  budgetKopecks: NullableKopecks,
  pilotOffered: Type.Boolean(),
  deadline: DateTime,
  /** published and the deadline not yet passed */
  isOpen: Type.Boolean({ description: 'published and its deadline not passed: solutions are accepted' }),
  ndaRequired: Type.Boolean(),
  status: RequestStatusSchema,
  publishedAt: NullableDateTime,
  closedAt: NullableDateTime,
  createdAt: DateTime,
};

/** A list item: never the description. */
export const RequestListItem = Type.Object(summary);

const FacetList = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const ListAnswer = Type.Object({
  items: Type.Array(RequestListItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  facets: Type.Object(
    { kind: FacetList, scope: FacetList, technology: FacetList, problemType: FacetList },
    { description: 'counts of each value under every filter except the facet’s own' },
  ),
});

export const RequestEventSchema = Type.Enum(REQUEST_EVENTS);

export const RequestDetail = Type.Object({
  ...summary,
  description: Type.Optional(
    Type.String({
      description:
        'absent unless the caller may read it: no NDA, or a member of the customer, the operator, an appointed expert, or a member of an organization that accepted the current NDA version',
    }),
  ),
  expectedResult: Type.String(),
  relatedRequestIds: Type.Array(Uuid, { description: 'the related requests the caller may see' }),
  relatedRequests: Type.Array(
    Type.Object({ id: Uuid, number: Type.String(), title: Type.String(), status: RequestStatusSchema }),
  ),
  ndaTerms: Type.Union([Type.String(), Type.Null()], {
    description: 'public, so a company reads them before accepting',
  }),
  ndaVersion: Type.Integer(),
  ndaAcceptedBy: Type.Array(
    Type.Object({ organizationId: Uuid, shortName: Type.String(), termsVersion: Type.Integer(), acceptedAt: DateTime }),
    { description: "the caller's organizations that accepted the current NDA version" },
  ),
  criteria: Type.Array(RequestCriterionSchema),
  lastComment: Type.Union([Type.String(), Type.Null()], {
    description: "the operator's return comment or the cancellation reason (the customer and the operator only)",
  }),
  winnerSolutionIds: Type.Array(Uuid),
  timeline: Type.Array(
    Type.Object({
      fromStatus: Type.Union([RequestStatusSchema, Type.Null()]),
      toStatus: RequestStatusSchema,
      comment: NullableString,
      actorName: Type.Union([Type.String(), Type.Null()], {
        description: 'null for the deadline job, and for outsiders',
      }),
      at: DateTime,
    }),
  ),
  viewer: Type.Object(
    {
      customerRole: Type.Union([OrgRoleSchema, Type.Null()]),
      operator: Type.Boolean(),
      expert: Type.Boolean(),
      canReadDescription: Type.Boolean(),
      canEdit: Type.Boolean(),
      allowedEvents: Type.Array(RequestEventSchema, { description: 'what the caller may do with the request now' }),
    },
    { description: "the caller's standing towards the request" },
  ),
  version: Type.Integer(),
  updatedAt: DateTime,
});

export const ReturnBody = Type.Object({ comment: RequiredText(2000) }, Strict);
export const CancelBody = Type.Object({ reason: RequiredText(2000) }, Strict);
export const ResolveBody = Type.Object(
  {
    winnerSolutionIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: 'solutions of this request in status shortlisted, pilot or contract',
    }),
  },
  Strict,
);

export const AcceptNdaBody = Type.Object({ organizationId: Uuid }, Strict);
export const AcceptNdaAnswer = Type.Object({
  requestId: Uuid,
  organizationId: Uuid,
  termsVersion: Type.Integer(),
  acceptedAt: DateTime,
});

export const AppointExpertBody = Type.Object({ userId: Uuid }, Strict);
export const ExpertParams = Type.Object({ id: Uuid, userId: Uuid }, Strict);
export const RequestExpert = Type.Object({
  userId: Uuid,
  fullName: Type.String(),
  email: Type.String(),
  expertise: Type.Array(Type.String()),
  appointedAt: DateTime,
  appointedBy: Uuid,
});
export const ExpertsAnswer = Type.Object({ items: Type.Array(RequestExpert) });
