import { type MembershipKind, type MembershipStatus, MOSCOW_REGION_CODE } from '../../../shared/domain.ts';
import { formatRegistryNumber } from '../../../shared/requisites.ts';
import { CACHE_NAMESPACES, type Cache } from '../../cache.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, requireOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { notifyOrganizationOwners } from '../notifications/notify.ts';
import { orgRoleOf } from '../organizations/org-role.ts';
import { canEditProfile } from '../organizations/organizations.policy.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import { toOrganization } from '../organizations/organizations.service.ts';
import * as repo from './membership.repository.ts';
import {
  allowedMembershipEvents,
  EVENTS_NEEDING_REASON,
  type MembershipEvent,
  nextMembershipStatus,
} from './membership-status.ts';

const STATUS_NAMES_RU: Record<MembershipStatus, string> = {
  applied: 'подана',
  under_review: 'на рассмотрении',
  participant: 'участник кластера',
  rejected: 'отклонена',
  suspended: 'членство приостановлено',
  excluded: 'исключена из кластера',
};

function toApplication(row: repo.MembershipRow) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    kind: row.kind,
    status: row.status,
    version: row.version,
    comment: row.comment,
    lastReason: row.lastReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    allowedEvents: allowedMembershipEvents(row.status),
  };
}

async function timeline(db: DbOrTx, applicationId: string) {
  const events = await repo.listEvents(db, applicationId);
  return events.map((e) => ({ ...e, at: e.at.toISOString() }));
}

export function createMembershipService(deps: { db: Db; clock: Clock; cache: Cache }) {
  const { db, clock, cache } = deps;

  return {
    async apply(
      actor: Actor | null,
      organizationId: string,
      input: { kind: MembershipKind; comment?: string },
      requestId?: string,
    ) {
      const user = requireUser(actor);
      const org = await orgRepo.findOrganization(db, organizationId);
      if (!org) throw notFound('organization.not_found');
      const orgRole = await orgRoleOf(db, user, organizationId);
      if (!orgRole && !isOperator(user)) throw notFound('organization.not_found');
      if (!canEditProfile(user, orgRole)) throw forbidden();
      // participants are Moscow companies; other regions join as partners (no city grants)
      if (input.kind === 'participant' && org.regionCode !== MOSCOW_REGION_CODE) {
        throw new AppError('membership.region', 'invalid', {}, { kind: 'membership.region' });
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.insertApplication(tx, {
          organizationId,
          kind: input.kind,
          applicantId: user.userId,
          comment: input.comment ?? null,
          at: now,
        });
        if (!row) throw conflict('membership.already_open');
        await repo.insertEvent(tx, {
          applicationId: row.id,
          status: 'applied',
          reason: null,
          actorId: user.userId,
          at: now,
        });
        await repo.setOrganizationMembership(tx, organizationId, {
          membershipStatus: 'applied',
          membershipKind: input.kind,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'membership.applied',
          entity: 'membership_application',
          entityId: row.id,
          after: { status: 'applied', kind: input.kind, organizationId },
          requestId,
          at: now,
        });
        return { ...toApplication(row), timeline: await timeline(tx, row.id) };
      });
    },

    /** The organization's current (latest) case with its timeline, for its members and the operator. */
    async currentForOrganization(actor: Actor | null, organizationId: string) {
      const user = requireUser(actor);
      const orgRole = await orgRoleOf(db, user, organizationId);
      if (!orgRole && !isOperator(user)) throw notFound('organization.not_found');
      const row = await repo.findLatestApplication(db, organizationId);
      if (!row) return { application: null };
      return { application: { ...toApplication(row), timeline: await timeline(db, row.id) } };
    },

    async queue(
      actor: Actor | null,
      filter: { statuses?: MembershipStatus[]; q?: string; limit: number; offset: number },
    ) {
      requireOperator(actor);
      const [page, counts] = await Promise.all([repo.listQueue(db, filter), repo.countByStatus(db)]);
      return {
        items: page.items.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
          decidedAt: r.decidedAt?.toISOString() ?? null,
          allowedEvents: allowedMembershipEvents(r.status),
        })),
        total: page.total,
        limit: filter.limit,
        offset: filter.offset,
        counts: Object.fromEntries(counts.map((c) => [c.status, c.count])),
      };
    },

    /** One case with the organization's data and timeline: the operator, or the organization's members. */
    async get(actor: Actor | null, id: string) {
      const user = requireUser(actor);
      const row = await repo.findApplication(db, id);
      if (!row) throw notFound('membership.not_found');
      const orgRole = await orgRoleOf(db, user, row.organizationId);
      if (!isOperator(user) && !orgRole) throw notFound('membership.not_found');
      const org = await orgRepo.findOrganization(db, row.organizationId);
      return { ...toApplication(row), timeline: await timeline(db, id), organization: toOrganization(org!, orgRole) };
    },

    async decide(
      actor: Actor | null,
      id: string,
      input: { decision: MembershipEvent; reason?: string; version?: number },
      requestId?: string,
    ) {
      const user = requireOperator(actor);
      const reason = input.reason?.trim() || null;
      if (EVENTS_NEEDING_REASON.has(input.decision) && !reason) {
        throw new AppError('membership.reason_required', 'invalid', {}, { reason: 'membership.reason_required' });
      }
      const now = clock.now();
      const decided = await db.transaction(async (tx) => {
        const current = await repo.findApplication(tx, id);
        if (!current) throw notFound('membership.not_found');
        const to = nextMembershipStatus(current.status, input.decision);
        if (!to) throw conflict('membership.transition', { event: input.decision, status: current.status });
        const row = await repo.transitionApplication(tx, {
          id,
          from: current.status,
          to,
          version: input.version,
          reason,
          actorId: user.userId,
          at: now,
          decided: input.decision !== 'review',
        });
        if (!row) throw conflict('membership.conflict');
        const org = (await orgRepo.findOrganizationForUpdate(tx, row.organizationId))!;
        let registryNumber = org.registryNumber ?? undefined;
        if (to === 'participant' && !registryNumber) {
          registryNumber = formatRegistryNumber(now.getUTCFullYear(), await repo.nextRegistrySequence(tx));
        }
        await repo.setOrganizationMembership(tx, row.organizationId, {
          membershipStatus: to,
          membershipKind: row.kind,
          ...(to === 'participant' ? { registryNumber, admittedAt: org.admittedAt ?? now } : {}),
          at: now,
        });
        await repo.insertEvent(tx, { applicationId: id, status: to, reason, actorId: user.userId, at: now });
        await recordAudit(tx, {
          actorId: user.userId,
          action: `membership.${input.decision}`,
          entity: 'membership_application',
          entityId: id,
          before: { status: current.status },
          after: { status: to, ...(registryNumber && to === 'participant' ? { registryNumber } : {}) },
          reason,
          requestId,
          at: now,
        });
        // in the owners' bell, and by e-mail as each of them chose for status changes
        await notifyOrganizationOwners(
          tx,
          row.organizationId,
          {
            kind: 'membership.decision',
            title: `Заявка «${org.shortName}» в кластер: ${STATUS_NAMES_RU[to]}`,
            body: `Статус заявки организации «${org.shortName}» на вступление в кластер: ${STATUS_NAMES_RU[to]}.${reason ? `\nПричина: ${reason}` : ''}${to === 'participant' ? `\nРеестровый номер: ${registryNumber}` : ''}`,
            link: `/organizations/${row.organizationId}`,
          },
          now,
        );
        return { ...toApplication(row), registryNumber: to === 'participant' ? registryNumber! : org.registryNumber };
      });
      await cache.invalidate(CACHE_NAMESPACES.registry);
      return decided;
    },
  };
}

export type MembershipService = ReturnType<typeof createMembershipService>;
