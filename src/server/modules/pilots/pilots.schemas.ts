import { Type } from 'typebox';
import { MOSCOW_DISTRICTS } from '../../../shared/domain.ts';
import {
  PILOT_MAX_MONTHS,
  PILOT_MIN_TRL,
  PILOT_OUTCOMES,
  PILOT_SITE_KINDS,
  PILOT_STATUSES,
} from '../../../shared/innovation.ts';
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
import { PILOT_EVENTS } from './pilot-status.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const PilotSiteKindSchema = Type.Enum(PILOT_SITE_KINDS);
export const PilotStatusSchema = Type.Enum(PILOT_STATUSES);
export const PilotOutcomeSchema = Type.Enum(PILOT_OUTCOMES);
const DistrictSchema = Type.Enum(MOSCOW_DISTRICTS);

/** Who the caller is to this pilot; the web app shows the actions that go with each. */
export const PILOT_VIEWER_ROLES = ['company', 'customer', 'site_owner', 'operator'] as const;
export type PilotViewerRole = (typeof PILOT_VIEWER_ROLES)[number];

// ---- pilot sites

export const SiteListQuery = Type.Object(
  {
    kind: Type.Optional(PilotSiteKindSchema),
    district: Type.Optional(DistrictSchema),
    q: Type.Optional(SingleLine(200)),
    ownerOrganizationId: Type.Optional(Uuid),
    ...PageQuery,
  },
  Strict,
);

export const CreateSiteBody = Type.Object(
  {
    name: SingleLine(300, 1),
    kind: PilotSiteKindSchema,
    ownerOrganizationId: Uuid,
    address: SingleLine(500, 1),
    district: DistrictSchema,
    testable: Type.String({ ...MultiLine(5000), minLength: 1, description: 'what can be tested there' }),
    description: Type.Optional(MultiLine(10_000)),
  },
  Strict,
);

export const PilotSite = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: PilotSiteKindSchema,
  ownerOrganizationId: Uuid,
  ownerName: Type.String(),
  address: Type.String(),
  district: Type.String(),
  testable: Type.String(),
  description: Type.String(),
  active: Type.Boolean(),
  createdAt: DateTime,
});

export const PilotSitesAnswer = Type.Object({
  items: Type.Array(PilotSite),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const PilotSiteDetail = Type.Object({
  ...PilotSite.properties,
  pilotCounts: Type.Record(Type.String(), Type.Integer(), { description: 'pilots on this site by status' }),
});

// ---- pilots

export const ProposePilotBody = Type.Object(
  {
    solutionId: Uuid,
    siteId: Uuid,
    plan: Type.String({ ...MultiLine(10_000), minLength: 1 }),
    startsOn: Type.String({ ...DateString, description: 'YYYY-MM-DD, today or later' }),
    endsOn: Type.String({
      ...DateString,
      description: `YYYY-MM-DD, after startsOn and at most ${PILOT_MAX_MONTHS} calendar months later`,
    }),
  },
  Strict,
);

export const PilotListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(PilotStatusSchema, { maxItems: PILOT_STATUSES.length })),
    organizationId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'pilots where this organization is the company, customer or site owner',
      }),
    ),
    ...PageQuery,
  },
  Strict,
);

export const ApproveBody = Type.Object(
  {
    approve: Type.Boolean({ description: 'true: host the pilot; false: refuse it, with a comment' }),
    comment: Type.Optional(MultiLine(2000)),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  Strict,
);

const PositiveKopecks = Type.String({
  pattern: '^(0|[1-9][0-9]{0,17})$',
  description: 'integer kopecks, greater than zero',
});

export const ContractBody = Type.Object({ amountKopecks: PositiveKopecks, signedOn: DateString }, Strict);

export const CompleteBody = Type.Object(
  {
    outcome: PilotOutcomeSchema,
    resultReport: Type.String({ ...MultiLine(20_000), minLength: 1 }),
    contract: Type.Optional(ContractBody),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  Strict,
);

export const Contract = Type.Object({
  id: Uuid,
  solutionId: Uuid,
  pilotId: Nullable(Uuid),
  requestId: Uuid,
  organizationId: Uuid,
  customerOrganizationId: Uuid,
  amountKopecks: Kopecks,
  signedOn: DateString,
  createdAt: DateTime,
});

export const Pilot = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'ПИ-<year>-<6 digits>' }),
  solutionId: Uuid,
  requestId: Uuid,
  siteId: Uuid,
  organizationId: Uuid,
  customerOrganizationId: Uuid,
  proposedBy: Uuid,
  plan: Type.String(),
  trl: Type.Integer({ description: `the solution's TRL when proposed, at least ${PILOT_MIN_TRL}` }),
  startsOn: DateString,
  endsOn: DateString,
  status: PilotStatusSchema,
  lastComment: Nullable(Type.String()),
  resultReport: Nullable(Type.String()),
  outcome: Nullable(PilotOutcomeSchema),
  startedAt: Nullable(DateTime),
  completedAt: Nullable(DateTime),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  allowedEvents: Type.Array(Type.Enum(PILOT_EVENTS), {
    description: 'the steps the status allows now (whoever may take them)',
  }),
});

export const PilotListItem = Type.Object({
  ...Pilot.properties,
  solutionNumber: Type.String(),
  solutionSummary: Type.String(),
  requestTitle: Type.String(),
  siteName: Type.String(),
  siteOwnerOrganizationId: Uuid,
  organizationName: Type.String(),
  customerName: Type.String(),
});

export const PilotsAnswer = Type.Object({
  items: Type.Array(PilotListItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

const TimelineEntry = Type.Object({
  fromStatus: Nullable(Type.String()),
  status: Type.String(),
  comment: Nullable(Type.String()),
  at: DateTime,
  actorName: Nullable(Type.String()),
});

export const PilotDetail = Type.Object({
  ...PilotListItem.properties,
  solutionStatus: Type.String(),
  siteAddress: Type.String(),
  siteDistrict: Type.String(),
  siteOwnerName: Type.String(),
  viewerRoles: Type.Array(Type.Enum(PILOT_VIEWER_ROLES)),
  timeline: Type.Array(TimelineEntry),
  contract: Nullable(Contract),
});

export const CompleteAnswer = Type.Object({
  pilot: Pilot,
  solutionStatus: Type.String(),
  contract: Nullable(Contract),
});

export const ContractAnswer = Type.Object({ contract: Contract, solutionStatus: Type.String() });
