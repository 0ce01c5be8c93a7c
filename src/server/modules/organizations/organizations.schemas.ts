import { Type } from 'typebox';
import {
  CAPABILITIES,
  MEMBERSHIP_KINDS,
  MEMBERSHIP_STATUSES,
  MOSCOW_DISTRICTS,
  OKVED_CODE_PATTERN,
  ORG_ROLES,
  RESIDENCIES,
  SME_CATEGORIES,
  STARTUP_STAGES,
  TECHNOLOGY_AREAS,
} from '../../../shared/domain.ts';
import {
  DateString,
  DateTime,
  Email,
  Kopecks,
  MultiLine,
  PageQuery,
  SingleLine,
  Strict,
  Uuid,
} from '../../http/schema-helpers.ts';

export const LegalTypeSchema = Type.Enum(['legal_entity', 'sole_proprietor'] as const);
export const SmeCategorySchema = Type.Enum(SME_CATEGORIES);
export const StartupStageSchema = Type.Enum(STARTUP_STAGES);
export const CapabilitySchema = Type.Enum(CAPABILITIES);
export const TechnologySchema = Type.Enum(TECHNOLOGY_AREAS);
export const DistrictSchema = Type.Enum(MOSCOW_DISTRICTS);
export const OrgRoleSchema = Type.Enum(ORG_ROLES);
export const MembershipKindSchema = Type.Enum(MEMBERSHIP_KINDS);
export const MembershipStatusSchema = Type.Enum(MEMBERSHIP_STATUSES);
const OkvedCode = Type.String({ pattern: OKVED_CODE_PATTERN, maxLength: 8 });

/** Profile fields a member may edit; INN, OGRN and legal type identify the organization and stay. */
const editable = {
  kpp: Type.Optional(Type.Union([Type.String({ maxLength: 9 }), Type.Null()])),
  fullName: SingleLine(500, 3),
  shortName: SingleLine(200, 2),
  legalForm: SingleLine(100, 2),
  regionCode: Type.String({ pattern: '^\\d{2}$' }),
  district: Type.Optional(Type.Union([DistrictSchema, Type.Null()])),
  address: Type.Optional(Type.Union([SingleLine(500), Type.Null()])),
  okvedMain: OkvedCode,
  okvedExtra: Type.Optional(Type.Array(OkvedCode, { maxItems: 50, uniqueItems: true })),
  smeCategory: SmeCategorySchema,
  foundedOn: Type.Optional(Type.Union([DateString, Type.Null()])),
  employees: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()])),
  annualRevenueKopecks: Type.Optional(Type.Union([Kopecks, Type.Null()])),
  website: Type.Optional(
    Type.Union([Type.String({ format: 'uri', maxLength: 300, pattern: '^https?://' }), Type.Null()]),
  ),
  description: Type.Optional(MultiLine(5000)),
  technologies: Type.Optional(Type.Array(TechnologySchema, { maxItems: 24, uniqueItems: true })),
  isStartup: Type.Optional(Type.Boolean()),
  startupStage: Type.Optional(Type.Union([StartupStageSchema, Type.Null()])),
  isExporter: Type.Optional(Type.Boolean()),
  residencies: Type.Optional(Type.Array(Type.Enum(RESIDENCIES), { uniqueItems: true, maxItems: 2 })),
  capabilities: Type.Optional(Type.Array(CapabilitySchema, { uniqueItems: true, maxItems: 6 })),
};

export const CreateOrganizationBody = Type.Object(
  {
    legalType: Type.Optional(LegalTypeSchema),
    inn: Type.String({ pattern: '^\\d+$', maxLength: 12 }),
    ogrn: Type.String({ pattern: '^\\d+$', maxLength: 15 }),
    ...editable,
  },
  Strict,
);

export const PatchOrganizationBody = Type.Partial(
  Type.Object({ ...editable, version: Type.Integer({ minimum: 1 }) }),
  Strict,
);

export const PublicOrganization = Type.Object({
  id: Uuid,
  legalType: LegalTypeSchema,
  inn: Type.String(),
  ogrn: Type.String(),
  kpp: Type.Union([Type.String(), Type.Null()]),
  fullName: Type.String(),
  shortName: Type.String(),
  legalForm: Type.String(),
  regionCode: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  okvedMain: Type.String(),
  okvedSection: Type.String(),
  okvedExtra: Type.Array(Type.String()),
  smeCategory: SmeCategorySchema,
  foundedOn: Type.Union([Type.String(), Type.Null()]),
  employees: Type.Union([Type.Integer(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  technologies: Type.Array(Type.String()),
  isStartup: Type.Boolean(),
  startupStage: Type.Union([StartupStageSchema, Type.Null()]),
  isExporter: Type.Boolean(),
  residencies: Type.Array(Type.String()),
  capabilities: Type.Array(Type.String()),
  membershipStatus: Type.Union([MembershipStatusSchema, Type.Literal('none')]),
  membershipKind: Type.Union([MembershipKindSchema, Type.Null()]),
  registryNumber: Type.Union([Type.String(), Type.Null()]),
  admittedAt: Type.Union([DateTime, Type.Null()]),
});

/** What the organization's own members and the operator see besides the public profile. */
export const Organization = Type.Object({
  ...PublicOrganization.properties,
  annualRevenueKopecks: Type.Union([Kopecks, Type.Null()]),
  version: Type.Integer(),
  myOrgRole: Type.Union([OrgRoleSchema, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const OrganizationListQuery = Type.Object({ q: Type.Optional(SingleLine(200)), ...PageQuery }, Strict);

export const OrganizationSummary = Type.Object({
  id: Uuid,
  inn: Type.String(),
  shortName: Type.String(),
  fullName: Type.String(),
  regionCode: Type.String(),
  membershipStatus: Type.Union([MembershipStatusSchema, Type.Literal('none')]),
  membershipKind: Type.Union([MembershipKindSchema, Type.Null()]),
  registryNumber: Type.Union([Type.String(), Type.Null()]),
  myOrgRole: Type.Union([OrgRoleSchema, Type.Null()]),
});

export const Member = Type.Object({
  userId: Uuid,
  email: Type.String(),
  fullName: Type.String(),
  orgRole: OrgRoleSchema,
});
export const Invitation = Type.Object({
  id: Uuid,
  organizationId: Uuid,
  organizationName: Type.String(),
  email: Type.String(),
  orgRole: OrgRoleSchema,
  createdAt: DateTime,
});
export const MembersAnswer = Type.Object({ members: Type.Array(Member), invitations: Type.Array(Invitation) });
export const InviteBody = Type.Object({ email: Email, orgRole: OrgRoleSchema }, Strict);
export const MemberParams = Type.Object({ id: Uuid, userId: Uuid }, Strict);
export const AccessRequestBody = Type.Object({ message: Type.Optional(MultiLine(1000)) }, Strict);
