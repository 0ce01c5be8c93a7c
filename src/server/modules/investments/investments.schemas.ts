// The investments API contract: investor profiles, startup needs, matches both ways, deals and the public totals.
import { Type } from 'typebox';
import { STARTUP_STAGES, TECHNOLOGY_AREAS } from '../../../shared/domain.ts';
import { DEAL_INSTRUMENTS, DEAL_ROUNDS, DEAL_STATUSES, INVESTOR_TYPES, MARKETS } from '../../../shared/ventures.ts';
import { DateString, DateTime, MultiLine, PageQuery, Strict, Uuid } from '../../http/schema-helpers.ts';
import { DEAL_EVENTS, DEAL_SIDES } from './deal-status.ts';
import { MATCH_REASON_KINDS } from './matching.ts';

export const InvestorTypeSchema = Type.Enum(INVESTOR_TYPES);
export const StartupStageSchema = Type.Enum(STARTUP_STAGES);
export const TechnologySchema = Type.Enum(TECHNOLOGY_AREAS);
export const MarketSchema = Type.Enum(MARKETS);
export const DealRoundSchema = Type.Enum(DEAL_ROUNDS);
export const DealInstrumentSchema = Type.Enum(DEAL_INSTRUMENTS);
export const DealStatusSchema = Type.Enum(DEAL_STATUSES);
export const DealEventSchema = Type.Enum(DEAL_EVENTS);
export const DealSideSchema = Type.Enum(DEAL_SIDES);
const OrgRoleSchema = Type.Enum(['owner', 'manager', 'member'] as const);

/** Money above zero, integer kopecks as digits: 0, negative and fractional amounts are refused naming the field. */
const PositiveKopecks = (description: string) =>
  Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: `${description}; integer kopecks > 0, as digits` });
const Kopecks = Type.String({ description: 'integer kopecks, as digits' });
const NullableKopecks = Type.Union([Kopecks, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const RequiredText = (maxLength: number) => Type.String({ ...MultiLine(maxLength), minLength: 1 });

// ---- investor profiles

const profileFields = {
  type: InvestorTypeSchema,
  stages: Type.Array(StartupStageSchema, {
    minItems: 1,
    maxItems: STARTUP_STAGES.length,
    uniqueItems: true,
    description: 'the startup stages the investor invests at (at least one)',
  }),
  technologies: Type.Array(TechnologySchema, {
    minItems: 1,
    maxItems: TECHNOLOGY_AREAS.length,
    uniqueItems: true,
    description: 'the technology areas it invests in (at least one)',
  }),
  markets: Type.Optional(Type.Array(MarketSchema, { maxItems: MARKETS.length, uniqueItems: true })),
  ticketMinKopecks: Type.Optional(
    Type.Union([PositiveKopecks('the smallest ticket'), Type.Null()], { description: 'no more than ticketMaxKopecks' }),
  ),
  ticketMaxKopecks: Type.Optional(Type.Union([PositiveKopecks('the largest ticket'), Type.Null()])),
  fundSizeKopecks: Type.Optional(Type.Union([PositiveKopecks('the size of the fund'), Type.Null()])),
  description: Type.Optional(MultiLine(5000)),
  public: Type.Optional(
    Type.Boolean({ description: 'listed among the public investors and shown to matching startups (default true)' }),
  ),
};

export const PutInvestorBody = Type.Object(
  {
    ...profileFields,
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'when replacing: the version read; a stale one answers 409' }),
    ),
  },
  Strict,
);

export const CreateInvestorBody = Type.Object({ organizationId: Uuid, ...profileFields }, Strict);

export const OrganizationParams = Type.Object({ organizationId: Uuid }, Strict);

export const InvestorProfile = Type.Object({
  organizationId: Uuid,
  organizationName: Type.String(),
  type: InvestorTypeSchema,
  stages: Type.Array(StartupStageSchema),
  technologies: Type.Array(TechnologySchema),
  markets: Type.Array(MarketSchema),
  ticketMinKopecks: NullableKopecks,
  ticketMaxKopecks: NullableKopecks,
  fundSizeKopecks: NullableKopecks,
  description: Type.String(),
  public: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: DateTime,
});

export const InvestorListQuery = Type.Object(
  {
    type: Type.Optional(InvestorTypeSchema),
    stage: Type.Optional(StartupStageSchema),
    technology: Type.Optional(TechnologySchema),
    market: Type.Optional(MarketSchema),
    ...PageQuery,
  },
  Strict,
);

export const InvestorList = Type.Object({
  items: Type.Array(InvestorProfile),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

// ---- startup needs

export const PutNeedsBody = Type.Object(
  {
    rounds: Type.Array(DealRoundSchema, { maxItems: DEAL_ROUNDS.length, uniqueItems: true }),
    instruments: Type.Array(DealInstrumentSchema, { maxItems: DEAL_INSTRUMENTS.length, uniqueItems: true }),
    markets: Type.Array(MarketSchema, { maxItems: MARKETS.length, uniqueItems: true }),
    amountKopecks: Type.Optional(Type.Union([PositiveKopecks('the amount sought'), Type.Null()])),
    pitch: Type.Optional(MultiLine(5000)),
  },
  Strict,
);

const NeedsFields = {
  rounds: Type.Array(DealRoundSchema),
  instruments: Type.Array(DealInstrumentSchema),
  markets: Type.Array(MarketSchema),
  amountKopecks: NullableKopecks,
  pitch: Type.String(),
};

export const StartupNeeds = Type.Object({
  organizationId: Uuid,
  organizationName: Type.String(),
  stage: Type.Union([StartupStageSchema, Type.Null()], {
    description: "the organization profile's startup stage (edited with the organization, not here)",
  }),
  technologies: Type.Array(TechnologySchema),
  ...NeedsFields,
  updatedAt: Type.Union([DateTime, Type.Null()], { description: 'null until the startup writes its needs' }),
});

// ---- matches

export const MatchReason = Type.Object({
  kind: Type.Enum(MATCH_REASON_KINDS),
  detail: Type.String({ description: 'the reason in Russian' }),
  values: Type.Array(Type.String(), {
    description: 'the values behind it: the stage, shared technologies or markets, the amount sought in kopecks',
  }),
});

const matchFields = {
  score: Type.Integer({ description: 'stage 3, each shared technology 2, ticket in range 3, each shared market 1' }),
  reasons: Type.Array(MatchReason),
};

export const StartupMatch = Type.Object({
  organizationId: Uuid,
  name: Type.String(),
  stage: StartupStageSchema,
  technologies: Type.Array(TechnologySchema),
  district: NullableString,
  needs: Type.Union([Type.Object(NeedsFields), Type.Null()]),
  ...matchFields,
});

export const InvestorMatch = Type.Object({
  organizationId: Uuid,
  name: Type.String(),
  type: InvestorTypeSchema,
  stages: Type.Array(StartupStageSchema),
  technologies: Type.Array(TechnologySchema),
  markets: Type.Array(MarketSchema),
  ticketMinKopecks: NullableKopecks,
  ticketMaxKopecks: NullableKopecks,
  fundSizeKopecks: NullableKopecks,
  description: Type.String(),
  ...matchFields,
});

export const MatchQuery = Type.Object(PageQuery, Strict);

export const StartupMatchList = Type.Object({
  items: Type.Array(StartupMatch),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const InvestorMatchList = Type.Object({
  items: Type.Array(InvestorMatch),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

// ---- deals

export const CreateDealBody = Type.Object(
  {
    investorOrganizationId: Uuid,
    organizationId: Type.String({ format: 'uuid', description: 'the company the investor invests in' }),
    round: DealRoundSchema,
    instrument: DealInstrumentSchema,
    amountKopecks: PositiveKopecks('the amount of the deal'),
    date: DateString,
    projectId: Type.Optional(
      Type.String({ format: 'uuid', description: 'a project the company leads or is a confirmed partner of' }),
    ),
  },
  Strict,
);

export const PatchDealBody = Type.Object(
  {
    round: Type.Optional(DealRoundSchema),
    instrument: Type.Optional(DealInstrumentSchema),
    amountKopecks: Type.Optional(PositiveKopecks('the amount of the deal')),
    date: Type.Optional(DateString),
    projectId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'null unlinks the project' })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'the version read; a stale one answers 409' })),
  },
  Strict,
);

export const CloseDealBody = Type.Object(
  {
    amountKopecks: Type.Optional(PositiveKopecks('the final amount, when it differs from the agreed one')),
    date: Type.Optional(Type.String({ format: 'date', description: 'the day it closed; not in the future' })),
  },
  Strict,
);

export const DropDealBody = Type.Object({ reason: RequiredText(2000) }, Strict);
export const ConfirmDealBody = Type.Object(
  { organizationId: Type.String({ format: 'uuid', description: 'the side confirming: the investor or the company' }) },
  Strict,
);
export const DisputeDealBody = Type.Object(
  {
    organizationId: Type.String({ format: 'uuid', description: 'the side disputing; it must not have confirmed' }),
    reason: RequiredText(2000),
  },
  Strict,
);

export const DealListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(DealStatusSchema, { maxItems: DEAL_STATUSES.length })),
    organizationId: Type.Optional(
      Type.String({ format: 'uuid', description: "one of the caller's organizations (any, for the operator)" }),
    ),
    ...PageQuery,
  },
  Strict,
);

const confirmationFields = {
  investorConfirmedAt: NullableDateTime,
  companyConfirmedAt: NullableDateTime,
  disputedAt: NullableDateTime,
  disputedByOrganizationId: NullableUuid,
  confirmedByBoth: Type.Boolean(),
  countsAsInvestment: Type.Boolean({ description: 'closed, confirmed by both sides and not disputed' }),
};

const dealSummary = {
  id: Uuid,
  number: Type.String({ description: 'СД-<year>-<6 digits>' }),
  investorOrganizationId: Uuid,
  investorName: Type.String(),
  organizationId: Uuid,
  companyName: Type.String(),
  projectId: NullableUuid,
  round: DealRoundSchema,
  instrument: DealInstrumentSchema,
  amountKopecks: Kopecks,
  date: DateString,
  status: DealStatusSchema,
  closedAt: NullableDateTime,
  ...confirmationFields,
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const DealListItem = Type.Object(dealSummary);

export const DealList = Type.Object({
  items: Type.Array(DealListItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const Deal = Type.Object({
  ...dealSummary,
  project: Type.Union([Type.Object({ id: Uuid, number: Type.String(), title: Type.String() }), Type.Null()]),
  disputeReason: NullableString,
  lastComment: Type.Union([Type.String(), Type.Null()], { description: 'the reason it was dropped' }),
  timeline: Type.Array(
    Type.Object({
      fromStatus: Type.Union([DealStatusSchema, Type.Null()]),
      toStatus: DealStatusSchema,
      comment: NullableString,
      actorName: NullableString,
      at: DateTime,
    }),
    { description: 'status changes, confirmations and disputes (closed → closed with a comment), oldest first' },
  ),
  viewer: Type.Object(
    {
      investorRole: Type.Union([OrgRoleSchema, Type.Null()]),
      companyRole: Type.Union([OrgRoleSchema, Type.Null()]),
      operator: Type.Boolean(),
      canEdit: Type.Boolean(),
      allowedEvents: Type.Array(DealEventSchema, { description: 'what the caller may do with the deal now' }),
      canConfirm: Type.Array(DealSideSchema, { description: 'the sides the caller may confirm for now' }),
      canDispute: Type.Array(DealSideSchema, { description: 'the sides the caller may dispute for now' }),
    },
    { description: "the caller's standing towards the deal" },
  ),
});

export const ConfirmAnswer = Type.Object({
  id: Uuid,
  status: DealStatusSchema,
  ...confirmationFields,
});

export const TotalsAnswer = Type.Object({
  amountKopecks: Type.String({ description: 'the sum of the deals that count, in kopecks' }),
  count: Type.Integer({ description: 'the number of deals that count' }),
  rule: Type.String({ description: 'the counting rule, in Russian' }),
});
