import { Type } from 'typebox';
import { MEMBERSHIP_STATUSES, OKVED_SECTIONS } from '../../../shared/domain.ts';
import { DateTime, MultiLine, PageQuery, SingleLine, Strict, Uuid } from '../../http/schema-helpers.ts';
import {
  DistrictSchema,
  MembershipKindSchema,
  MembershipStatusSchema,
  Organization,
  SmeCategorySchema,
  StartupStageSchema,
  TechnologySchema,
} from '../organizations/organizations.schemas.ts';
import { MEMBERSHIP_EVENTS } from './membership-status.ts';

export const ApplyBody = Type.Object({ kind: MembershipKindSchema, comment: Type.Optional(MultiLine(2000)) }, Strict);

const EventSchema = Type.Enum(MEMBERSHIP_EVENTS);

export const DecisionBody = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject', 'suspend', 'reinstate', 'exclude'] as const),
    reason: Type.Optional(MultiLine(2000)),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  Strict,
);

const TimelineEntry = Type.Object({
  status: MembershipStatusSchema,
  reason: Type.Union([Type.String(), Type.Null()]),
  at: DateTime,
  actorName: Type.Union([Type.String(), Type.Null()]),
});

export const MembershipApplication = Type.Object({
  id: Uuid,
  organizationId: Uuid,
  kind: MembershipKindSchema,
  status: MembershipStatusSchema,
  version: Type.Integer(),
  comment: Type.Union([Type.String(), Type.Null()]),
  lastReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  decidedAt: Type.Union([DateTime, Type.Null()]),
  allowedEvents: Type.Array(EventSchema),
});

export const MembershipWithTimeline = Type.Object({
  ...MembershipApplication.properties,
  timeline: Type.Array(TimelineEntry),
});

export const MembershipDetail = Type.Object({
  ...MembershipWithTimeline.properties,
  organization: Organization,
});

export const CurrentMembership = Type.Object({ application: Type.Union([MembershipWithTimeline, Type.Null()]) });

export const DecisionAnswer = Type.Object({
  ...MembershipApplication.properties,
  registryNumber: Type.Union([Type.String(), Type.Null()]),
});

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(MembershipStatusSchema, { maxItems: MEMBERSHIP_STATUSES.length })),
    q: Type.Optional(SingleLine(200)),
    ...PageQuery,
  },
  Strict,
);

export const QueueItem = Type.Object({
  ...MembershipApplication.properties,
  organizationName: Type.String(),
  inn: Type.String(),
  regionCode: Type.String(),
  registryNumber: Type.Union([Type.String(), Type.Null()]),
});

export const QueueAnswer = Type.Object({
  items: Type.Array(QueueItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
});

export const RegistryQuery = Type.Object(
  {
    q: Type.Optional(SingleLine(200)),
    technology: Type.Optional(TechnologySchema),
    okvedSection: Type.Optional(Type.Enum(OKVED_SECTIONS)),
    smeCategory: Type.Optional(SmeCategorySchema),
    district: Type.Optional(DistrictSchema),
    stage: Type.Optional(StartupStageSchema),
    kind: Type.Optional(MembershipKindSchema),
    sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('name'), Type.Literal('admitted')])),
    ...PageQuery,
  },
  Strict,
);

const FacetList = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const RegistryItem = Type.Object({
  id: Uuid,
  shortName: Type.String(),
  fullName: Type.String(),
  inn: Type.String(),
  ogrn: Type.String(),
  regionCode: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  okvedMain: Type.String(),
  okvedSection: Type.String(),
  smeCategory: Type.String(),
  technologies: Type.Array(Type.String()),
  isStartup: Type.Boolean(),
  startupStage: Type.Union([Type.String(), Type.Null()]),
  membershipKind: Type.Union([MembershipKindSchema, Type.Null()]),
  registryNumber: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
});

export const RegistryAnswer = Type.Object({
  items: Type.Array(RegistryItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  facets: Type.Object({
    technology: FacetList,
    okvedSection: FacetList,
    smeCategory: FacetList,
    district: FacetList,
    stage: FacetList,
    kind: FacetList,
  }),
});
