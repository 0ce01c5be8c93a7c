import type { Static } from 'typebox';
import type { OrgRole } from '../../../shared/domain.ts';
import { okvedSectionOf } from '../../../shared/domain.ts';
import { isValidInn, isValidKpp, isValidOgrn, type LegalType } from '../../../shared/requisites.ts';
import { CACHE_NAMESPACES, type Cache } from '../../cache.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, isOperator, requirePerson, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import type { MessageCode } from '../../http/messages.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUserByEmail } from '../auth/auth.repository.ts';
import { queueEmail } from '../mail/mail.repository.ts';
import { notifyOrganizationOwners, notifyUsers } from '../notifications/notify.ts';
import { orgRoleOf } from './org-role.ts';
import * as policy from './organizations.policy.ts';
import * as repo from './organizations.repository.ts';
import type { CreateOrganizationBody } from './organizations.schemas.ts';

type Fields = Record<string, MessageCode>;

/** The registration body as the API contract defines it. */
export type OrganizationInput = Static<typeof CreateOrganizationBody>;

/** Checks what a schema cannot: checksums, and fields that depend on each other. */
export function checkRequisites(input: {
  legalType: LegalType;
  inn: string;
  ogrn: string;
  kpp?: string | null;
}): Fields {
  const fields: Fields = {};
  const innLength = input.legalType === 'legal_entity' ? 10 : 12;
  if (input.inn.length !== innLength) fields.inn = 'field.inn_length';
  else if (!isValidInn(input.inn, input.legalType)) fields.inn = 'field.inn_checksum';
  const ogrnLength = input.legalType === 'legal_entity' ? 13 : 15;
  if (input.ogrn.length !== ogrnLength) fields.ogrn = 'field.ogrn_length';
  else if (!isValidOgrn(input.ogrn, input.legalType)) fields.ogrn = 'field.ogrn_checksum';
  if (input.legalType === 'legal_entity') {
    if (!input.kpp) fields.kpp = 'field.kpp_required';
    else if (!isValidKpp(input.kpp)) fields.kpp = 'field.kpp_invalid';
  } else if (input.kpp) fields.kpp = 'field.kpp_forbidden';
  return fields;
}

function checkProfile(input: Partial<OrganizationInput>, current?: repo.OrganizationRow): Fields {
  const fields: Fields = {};
  for (const [path, code] of [
    ['okvedMain', input.okvedMain],
    ...(input.okvedExtra ?? []).map((c, i) => [`okvedExtra.${i}`, c]),
  ]) {
    if (code && !okvedSectionOf(code)) fields[path as string] = 'field.okved_unknown';
  }
  const isStartup = input.isStartup ?? current?.isStartup ?? false;
  const stage = input.startupStage !== undefined ? input.startupStage : current?.startupStage;
  if (isStartup && !stage) fields.startupStage = 'field.stage_required';
  return fields;
}

function pick<T extends object>(source: T, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, source[key as keyof T]]));
}

function toRowValues(input: Partial<OrganizationInput>): Partial<repo.NewOrganization> {
  const { annualRevenueKopecks, okvedMain, isStartup, startupStage, ...rest } = input;
  const values: Partial<repo.NewOrganization> = { ...(rest as Partial<repo.NewOrganization>) };
  if (annualRevenueKopecks !== undefined) {
    values.annualRevenueKopecks = annualRevenueKopecks === null ? null : BigInt(annualRevenueKopecks);
  }
  if (okvedMain !== undefined) {
    values.okvedMain = okvedMain;
    values.okvedSection = okvedSectionOf(okvedMain)!;
  }
  if (isStartup !== undefined) values.isStartup = isStartup;
  if (startupStage !== undefined || isStartup === false)
    values.startupStage = isStartup === false ? null : startupStage;
  return values;
}

export function toPublicOrganization(row: repo.OrganizationRow) {
  return {
    id: row.id,
    legalType: row.legalType,
    inn: row.inn,
    ogrn: row.ogrn,
    kpp: row.kpp,
    fullName: row.fullName,
    shortName: row.shortName,
    legalForm: row.legalForm,
    regionCode: row.regionCode,
    district: row.district,
    address: row.address,
    okvedMain: row.okvedMain,
    okvedSection: row.okvedSection,
    okvedExtra: row.okvedExtra,
    smeCategory: row.smeCategory,
    foundedOn: row.foundedOn,
    employees: row.employees,
    website: row.website,
    description: row.description,
    technologies: row.technologies,
    isStartup: row.isStartup,
    startupStage: row.startupStage,
    isExporter: row.isExporter,
    residencies: row.residencies,
    capabilities: row.capabilities,
    membershipStatus: row.membershipStatus,
    membershipKind: row.membershipKind,
    registryNumber: row.registryNumber,
    admittedAt: row.admittedAt?.toISOString() ?? null,
  };
}

export function toOrganization(row: repo.OrganizationRow, myOrgRole: OrgRole | undefined) {
  return {
    ...toPublicOrganization(row),
    annualRevenueKopecks: row.annualRevenueKopecks?.toString() ?? null,
    version: row.version,
    myOrgRole: myOrgRole ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function createOrganizationsService(deps: { db: Db; clock: Clock; cache: Cache }) {
  const { db, clock, cache } = deps;

  async function loadWithRole(actor: Actor | null, id: string) {
    const row = await repo.findOrganization(db, id);
    if (!row) throw notFound('organization.not_found');
    const orgRole = actor ? await orgRoleOf(db, actor, id) : undefined;
    return { row, orgRole };
  }

  return {
    async register(actor: Actor | null, input: OrganizationInput, requestId?: string) {
      const user = requirePerson(actor);
      const legalType: LegalType = input.legalType ?? (input.inn.length === 12 ? 'sole_proprietor' : 'legal_entity');
      const fields = { ...checkRequisites({ ...input, legalType }), ...checkProfile(input) };
      if (Object.keys(fields).length) throw invalidFields(fields);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const values = {
          technologies: [],
          capabilities: ['company' as const],
          ...toRowValues(input),
          legalType,
          kpp: legalType === 'legal_entity' ? input.kpp : null,
          createdAt: now,
          updatedAt: now,
        } as repo.NewOrganization;
        const inserted = await repo.insertOrganization(tx, values);
        if ('taken' in inserted) {
          if (inserted.taken === 'inn') {
            throw new AppError('organization.inn_taken', 'conflict', {
              inn: input.inn,
              organizationId: inserted.existingId,
            });
          }
          throw conflict('organization.ogrn_taken');
        }
        await repo.insertMember(tx, inserted.row.id, user.userId, 'owner');
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'organization.registered',
          entity: 'organization',
          entityId: inserted.row.id,
          after: { inn: inserted.row.inn, shortName: inserted.row.shortName },
          requestId,
          at: now,
        });
        return toOrganization(inserted.row, 'owner');
      });
    },

    /** Members and the operator see the full profile; others see admitted organizations' public profile. */
    async get(actor: Actor | null, id: string) {
      const { row, orgRole } = await loadWithRole(actor, id);
      if (policy.canSeePrivateProfile(actor, orgRole)) return { full: toOrganization(row, orgRole) };
      if (!policy.isPublic(row.membershipStatus)) throw notFound('organization.not_found');
      return { public: toPublicOrganization(row) };
    },

    async list(actor: Actor | null, page: { q?: string; limit: number; offset: number }) {
      const user = requireUser(actor);
      const result = isOperator(user)
        ? await repo.listAllOrganizations(db, page)
        : await repo.listUserOrganizations(db, user.userId, page, user.onlyOrganizationId);
      return { ...result, limit: page.limit, offset: page.offset };
    },

    async update(
      actor: Actor | null,
      id: string,
      patch: Partial<OrganizationInput> & { version?: number },
      requestId?: string,
    ) {
      const user = requireUser(actor);
      const { row, orgRole } = await loadWithRole(user, id);
      if (!policy.canEditProfile(user, orgRole)) {
        throw policy.canSeePrivateProfile(user, orgRole) ? forbidden() : notFound('organization.not_found');
      }
      const { version, ...changes } = patch;
      const fields: Fields = { ...checkProfile(changes, row) };
      if (changes.kpp !== undefined) {
        Object.assign(
          fields,
          checkRequisites({ legalType: row.legalType, inn: row.inn, ogrn: row.ogrn, kpp: changes.kpp }),
        );
        delete fields.inn;
        delete fields.ogrn;
      }
      if (Object.keys(fields).length) throw invalidFields(fields);
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        const updated = await repo.updateOrganization(tx, id, version ?? row.version, toRowValues(changes), now);
        if (!updated) throw conflict('organization.stale');
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'organization.updated',
          entity: 'organization',
          entityId: id,
          before: pick(toOrganization(row, orgRole), Object.keys(changes)),
          after: changes,
          requestId,
          at: now,
        });
        return toOrganization(updated, orgRole);
      });
      // the registry lists profile fields of admitted organizations
      if (row.membershipStatus === 'participant') await cache.invalidate(CACHE_NAMESPACES.registry);
      return result;
    },

    async members(actor: Actor | null, id: string) {
      const user = requireUser(actor);
      const { orgRole } = await loadWithRole(user, id);
      if (!policy.canSeePrivateProfile(user, orgRole)) throw notFound('organization.not_found');
      const [members, invitations] = await Promise.all([
        repo.listMembers(db, id),
        repo.listPendingInvitations(db, { organizationId: id }),
      ]);
      return { members, invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
    },

    async invite(actor: Actor | null, id: string, input: { email: string; orgRole: OrgRole }, requestId?: string) {
      const user = requireUser(actor);
      const { row, orgRole } = await loadWithRole(user, id);
      if (!policy.canSeePrivateProfile(user, orgRole)) throw notFound('organization.not_found');
      if (!policy.canInvite(orgRole, input.orgRole)) throw forbidden();
      const email = input.email.trim().toLowerCase();
      const now = clock.now();
      return db.transaction(async (tx) => {
        const members = await repo.listMembers(tx, id);
        const invitation = members.some((m) => m.email === email)
          ? undefined
          : await repo.insertInvitation(tx, {
              organizationId: id,
              email,
              orgRole: input.orgRole,
              invitedBy: user.userId,
            });
        if (!invitation) throw conflict('invitation.duplicate');
        const message = {
          title: `Приглашение в организацию «${row.shortName}» на платформе Кластер`,
          body: `${user.fullName} приглашает вас в организацию «${row.shortName}» (роль: ${input.orgRole}). Войдите или зарегистрируйтесь с этим адресом и примите приглашение в разделе «Мои организации».`,
        };
        // someone already on the platform finds it in the bell (and by e-mail as they chose); anyone else by e-mail
        const invitee = await findUserByEmail(tx, email);
        if (invitee) {
          await notifyUsers(tx, [invitee.id], { kind: 'organization.invitation', ...message, link: '/cabinet' }, now);
        } else {
          await queueEmail(tx, { to: email, subject: message.title, body: message.body }, now);
        }
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'organization.member_invited',
          entity: 'organization',
          entityId: id,
          after: { email, orgRole: input.orgRole },
          requestId,
          at: now,
        });
        return { ...invitation, organizationName: row.shortName, createdAt: invitation.createdAt.toISOString() };
      });
    },

    async removeMember(actor: Actor | null, id: string, targetUserId: string, requestId?: string) {
      const user = requireUser(actor);
      const { orgRole } = await loadWithRole(user, id);
      if (!policy.canSeePrivateProfile(user, orgRole)) throw notFound('organization.not_found');
      if (!policy.canRemoveMember(user, orgRole, targetUserId)) throw forbidden();
      const now = clock.now();
      await db.transaction(async (tx) => {
        const targetRole = await repo.findOrgRole(tx, id, targetUserId);
        if (!targetRole) throw notFound('organization.not_found');
        if (targetRole === 'owner' && (await repo.countOwners(tx, id)) <= 1) throw conflict('organization.last_owner');
        await repo.deleteMember(tx, id, targetUserId);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'organization.member_removed',
          entity: 'organization',
          entityId: id,
          before: { userId: targetUserId, orgRole: targetRole },
          requestId,
          at: now,
        });
      });
      return { ok: true };
    },

    async myInvitations(actor: Actor | null) {
      const user = requireUser(actor);
      const rows = await repo.listPendingInvitations(db, { email: user.email });
      return { items: rows.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
    },

    async acceptInvitation(actor: Actor | null, invitationId: string, requestId?: string) {
      const user = requirePerson(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const invitation = await repo.acceptInvitation(tx, invitationId, user.email, now);
        if (!invitation) throw notFound('invitation.not_found');
        await repo.insertMember(tx, invitation.organizationId, user.userId, invitation.orgRole);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'organization.member_joined',
          entity: 'organization',
          entityId: invitation.organizationId,
          after: { userId: user.userId, orgRole: invitation.orgRole },
          requestId,
          at: now,
        });
        return { organizationId: invitation.organizationId, orgRole: invitation.orgRole };
      });
    },

    /** Someone whose organization is already registered asks its owners for access. */
    async requestAccess(actor: Actor | null, id: string, message: string | undefined, requestId?: string) {
      const user = requirePerson(actor);
      const row = await repo.findOrganization(db, id);
      if (!row) throw notFound('organization.not_found');
      const now = clock.now();
      await db.transaction(async (tx) => {
        // in the owners' bell, and by e-mail as each of them chose for status messages
        await notifyOrganizationOwners(
          tx,
          id,
          {
            kind: 'organization.access_requested',
            title: `Запрос доступа к организации «${row.shortName}»`,
            body: `${user.fullName} (${user.email}) просит доступ к организации «${row.shortName}» (ИНН ${row.inn}).${message ? `\n\n${message}` : ''}\n\nЧтобы дать доступ, пригласите этот адрес в разделе «Участники» профиля организации.`,
            link: `/organizations/${id}`,
          },
          now,
        );
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'organization.access_requested',
          entity: 'organization',
          entityId: id,
          requestId,
          at: now,
        });
      });
      return { ok: true };
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
