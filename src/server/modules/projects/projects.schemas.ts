import { Type } from 'typebox';
import { MOSCOW_DISTRICTS, TECHNOLOGY_AREAS } from '../../../shared/domain.ts';
import { TRL_MAX, TRL_MIN } from '../../../shared/innovation.ts';
import { PARTNER_STATUSES, PROJECT_STAGES, PROJECT_STATUSES } from '../../../shared/ventures.ts';
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
import { PROJECT_EVENTS } from './project-status.ts';

export const ProjectStatusSchema = Type.Enum(PROJECT_STATUSES);
export const ProjectStageSchema = Type.Enum(PROJECT_STAGES);
export const PartnerStatusSchema = Type.Enum(PARTNER_STATUSES);
export const ProjectEventSchema = Type.Enum(PROJECT_EVENTS);
const TechnologySchema = Type.Enum(TECHNOLOGY_AREAS);
const DistrictSchema = Type.Enum(MOSCOW_DISTRICTS);
const OrgRoleSchema = Type.Enum(['owner', 'manager', 'member'] as const);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableDate = Type.Union([DateString, Type.Null()]);
const NullableUuid = Type.Union([Uuid, Type.Null()]);

/** Fields of a project its lead writes. */
const definition = {
  title: SingleLine(300, 3),
  description: MultiLine(20_000),
  technologies: Type.Array(TechnologySchema, { uniqueItems: true, maxItems: TECHNOLOGY_AREAS.length }),
  trl: Type.Integer({ minimum: TRL_MIN, maximum: TRL_MAX, description: 'technology readiness level, 1–9' }),
  budgetKopecks: Kopecks,
  startedOn: DateString,
  plannedEndOn: Type.String({ format: 'date', description: 'not before startedOn' }),
  stage: ProjectStageSchema,
  originSolutionId: Type.String({ format: 'uuid', description: 'a solution of the lead organization' }),
  originPilotId: Type.String({ format: 'uuid', description: "a pilot of the lead organization's solution" }),
  originApplicationId: Type.String({
    format: 'uuid',
    description: 'a support application of the lead organization',
  }),
  originDealId: Type.String({ format: 'uuid', description: 'a deal in which the lead organization is a side' }),
};

export const CreateProjectBody = Type.Object(
  {
    organizationId: Type.String({
      format: 'uuid',
      description: 'the lead organization; the caller is its owner or manager',
    }),
    title: definition.title,
    description: definition.description,
    technologies: definition.technologies,
    trl: definition.trl,
    budgetKopecks: Type.Optional(definition.budgetKopecks),
    startedOn: definition.startedOn,
    plannedEndOn: Type.Optional(definition.plannedEndOn),
    stage: Type.Optional(Type.Enum(PROJECT_STAGES, { description: 'research by default' })),
    originSolutionId: Type.Optional(definition.originSolutionId),
    originPilotId: Type.Optional(definition.originPilotId),
    originApplicationId: Type.Optional(definition.originApplicationId),
    originDealId: Type.Optional(definition.originDealId),
  },
  Strict,
);

export const PatchProjectBody = Type.Object(
  {
    title: Type.Optional(definition.title),
    description: Type.Optional(definition.description),
    technologies: Type.Optional(definition.technologies),
    trl: Type.Optional(definition.trl),
    budgetKopecks: Type.Optional(Type.Union([definition.budgetKopecks, Type.Null()])),
    startedOn: Type.Optional(definition.startedOn),
    plannedEndOn: Type.Optional(Type.Union([definition.plannedEndOn, Type.Null()])),
    stage: Type.Optional(definition.stage),
    originSolutionId: Type.Optional(Type.Union([definition.originSolutionId, Type.Null()])),
    originPilotId: Type.Optional(Type.Union([definition.originPilotId, Type.Null()])),
    originApplicationId: Type.Optional(Type.Union([definition.originApplicationId, Type.Null()])),
    originDealId: Type.Optional(Type.Union([definition.originDealId, Type.Null()])),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version read; a stale one answers 409' })),
  },
  Strict,
);

export const ListQuery = Type.Object(
  {
    q: Type.Optional(SingleLine(200, 0)),
    technology: Type.Optional(TechnologySchema),
    joint: Type.Optional(Type.Boolean({ description: 'true: joint projects only; false: the others' })),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description: 'the year it was implemented' })),
    district: Type.Optional(DistrictSchema),
    organizationId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          "one organization's projects (led, or as a partner): its own members and the operator see every status and " +
          'invitations; everyone else its implemented projects where it is the lead or a confirmed partner',
      }),
    ),
    status: Type.Optional(
      Type.Array(ProjectStatusSchema, {
        maxItems: PROJECT_STATUSES.length,
        description: 'with the organizationId of an own organization (or as the operator): exact statuses',
      }),
    ),
    sort: Type.Optional(
      Type.Enum(['relevance', 'newest'] as const, {
        description: 'relevance (default with q), newest (implemented — or, for own lists, created — last first)',
      }),
    ),
    ...PageQuery,
  },
  Strict,
);

const summary = {
  id: Uuid,
  number: Type.String({ description: 'ПР-<year>-<6 digits>' }),
  title: Type.String(),
  lead: Type.Object({ id: Uuid, shortName: Type.String(), district: NullableString }),
  technologies: Type.Array(TechnologySchema),
  trl: Type.Integer(),
  stage: ProjectStageSchema,
  status: ProjectStatusSchema,
  budgetKopecks: Type.Union([Kopecks, Type.Null()]),
  startedOn: DateString,
  plannedEndOn: NullableDate,
  implementedOn: NullableDate,
  joint: Type.Boolean({ description: 'at least two distinct cluster participants confirmed (the lead included)' }),
  confirmedParticipants: Type.Integer({
    description: 'distinct cluster participants that confirmed; the lead counts when it is a participant',
  }),
  createdAt: DateTime,
};

export const ProjectListItem = Type.Object({
  ...summary,
  own: Type.Optional(
    Type.Object(
      {
        organizationId: Uuid,
        role: Type.Enum(['lead', 'partner'] as const),
        partnerStatus: Type.Union([PartnerStatusSchema, Type.Null()], { description: 'null for the lead' }),
      },
      { description: "only in an organization's own list: how that organization takes part" },
    ),
  ),
});

const FacetList = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const ListAnswer = Type.Object({
  items: Type.Array(ProjectListItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  facets: Type.Object(
    { technology: FacetList, joint: FacetList, year: FacetList, district: FacetList },
    { description: "counts of each value under every filter except the facet's own (joint: 'true' / 'false')" },
  ),
});

const Origin = Type.Union([Type.Object({ id: Uuid, number: Type.String(), title: Type.String() }), Type.Null()]);

export const ProjectPartner = Type.Object({
  organizationId: Uuid,
  shortName: Type.String(),
  district: NullableString,
  isParticipant: Type.Boolean({ description: 'a cluster participant: counts towards joint once confirmed' }),
  status: PartnerStatusSchema,
  role: Type.String(),
  invitedAt: DateTime,
  decidedAt: Type.Union([DateTime, Type.Null()]),
});

export const ProjectDetail = Type.Object({
  ...summary,
  description: Type.String(),
  lead: Type.Object({
    id: Uuid,
    shortName: Type.String(),
    district: NullableString,
    isParticipant: Type.Boolean(),
  }),
  partners: Type.Array(ProjectPartner, {
    description: 'confirmed partners for everyone; invited and declined ones for the insiders only',
  }),
  origins: Type.Object(
    {
      solution: Origin,
      pilot: Origin,
      application: Origin,
      deal: Origin,
    },
    { description: 'the records the project came from; the title of a solution or pilot is its request title' },
  ),
  originSolutionId: NullableUuid,
  originPilotId: NullableUuid,
  originApplicationId: NullableUuid,
  originDealId: NullableUuid,
  lastComment: Type.Union([Type.String(), Type.Null()], {
    description: 'the cancellation reason (insiders only)',
  }),
  timeline: Type.Array(
    Type.Object({
      fromStatus: Type.Union([ProjectStatusSchema, Type.Null()]),
      toStatus: ProjectStatusSchema,
      comment: NullableString,
      actorName: Type.Union([Type.String(), Type.Null()], { description: 'null for outsiders' }),
      at: DateTime,
    }),
  ),
  viewer: Type.Object(
    {
      leadRole: Type.Union([OrgRoleSchema, Type.Null()], { description: "the caller's role in the lead organization" }),
      operator: Type.Boolean(),
      /** the caller's organizations listed as partners, and whether the caller may decide for them */
      partnerOrganizations: Type.Array(
        Type.Object({ organizationId: Uuid, status: PartnerStatusSchema, canDecide: Type.Boolean() }),
      ),
      canEdit: Type.Boolean(),
      canInvite: Type.Boolean(),
      allowedEvents: Type.Array(ProjectEventSchema, { description: 'what the caller may do with the project now' }),
    },
    { description: "the caller's standing towards the project" },
  ),
  version: Type.Integer(),
  updatedAt: DateTime,
});

export const InviteBody = Type.Object(
  {
    organizationId: Uuid,
    role: Type.Optional(SingleLine(500, 0)),
  },
  Strict,
);
export const InviteAnswer = Type.Object({
  organizationId: Uuid,
  status: PartnerStatusSchema,
  joint: Type.Boolean(),
  confirmedParticipants: Type.Integer(),
});

export const ConfirmBody = Type.Object({ organizationId: Uuid }, Strict);
export const DeclineBody = Type.Object({ organizationId: Uuid, reason: Type.Optional(MultiLine(2000)) }, Strict);
export const PartnerDecisionAnswer = Type.Object({
  organizationId: Uuid,
  status: PartnerStatusSchema,
  joint: Type.Boolean(),
  confirmedParticipants: Type.Integer(),
});

export const ImplementedBody = Type.Object(
  {
    implementedOn: Type.Optional(
      Type.String({ format: 'date', description: 'today (UTC) by default; a past date not before startedOn' }),
    ),
  },
  Strict,
);
export const CancelBody = Type.Object({ reason: Type.String({ ...MultiLine(2000), minLength: 1 }) }, Strict);
