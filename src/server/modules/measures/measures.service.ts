import { isDeepStrictEqual } from 'node:util';
import type { Static } from 'typebox';
import { MEASURE_STATUSES, type MeasureKind, type MeasureStatus } from '../../../shared/measures.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, invalidFields, notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { orgRoleOf } from '../organizations/org-role.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import { evaluateEligibility, type OrganizationFacts } from './eligibility.ts';
import { type MeasureDefinition, validateMeasureDefinition } from './measure-definition.ts';
import { allowedMeasureEvents, type MeasureEvent, nextMeasureStatus } from './measure-status.ts';
import * as policy from './measures.policy.ts';
import * as repo from './measures.repository.ts';
import type { CreateMeasureBody, PatchMeasureBody } from './measures.schemas.ts';

/** The create body as the API contract defines it. */
export type MeasureInput = Static<typeof CreateMeasureBody>;
export type MeasurePatch = Static<typeof PatchMeasureBody>;

export interface MeasureListRequest {
  status?: MeasureStatus | 'all';
  kind?: MeasureKind;
  q?: string;
  open?: boolean;
  organizationId?: string;
  limit: number;
  offset: number;
}

const isOpenAt = (row: repo.MeasureRow, now: Date) =>
  row.status === 'published' && row.opensAt.getTime() <= now.getTime() && now.getTime() < row.closesAt.getTime();

export function toMeasureSummary(row: repo.MeasureRow, now: Date) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    provider: row.provider,
    description: row.description,
    maxAmountKopecks: row.maxAmountKopecks.toString(),
    cofinancingPercent: row.cofinancingPercent,
    budgetKopecks: row.budgetKopecks.toString(),
    remainingBudgetKopecks: (row.budgetKopecks - row.committedKopecks).toString(),
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    isOpen: isOpenAt(row, now),
    status: row.status,
  };
}

export function toMeasure(row: repo.MeasureRow, now: Date) {
  return {
    ...toMeasureSummary(row, now),
    committedKopecks: row.committedKopecks.toString(),
    eligibility: row.eligibility,
    formFields: row.formFields,
    requiredDocuments: row.requiredDocuments,
    criteria: row.criteria,
    expertsPerApplication: row.expertsPerApplication,
    reportCount: row.reportCount,
    reportIntervalMonths: row.reportIntervalMonths,
    version: row.version,
    allowedEvents: allowedMeasureEvents(row.status),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** API fields to column values: money to bigint, instants to dates. */
export function toMeasureValues(input: Partial<MeasureInput>): Partial<repo.NewMeasure> {
  const { maxAmountKopecks, budgetKopecks, opensAt, closesAt, ...rest } = input;
  const values: Partial<repo.NewMeasure> = { ...rest };
  if (maxAmountKopecks !== undefined) values.maxAmountKopecks = BigInt(maxAmountKopecks);
  if (budgetKopecks !== undefined) values.budgetKopecks = BigInt(budgetKopecks);
  if (opensAt !== undefined) values.opensAt = new Date(opensAt);
  if (closesAt !== undefined) values.closesAt = new Date(closesAt);
  return values;
}

function definitionOf(row: Pick<repo.NewMeasure, keyof MeasureDefinition>): MeasureDefinition {
  return {
    maxAmountKopecks: row.maxAmountKopecks,
    budgetKopecks: row.budgetKopecks,
    committedKopecks: row.committedKopecks ?? 0n,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    formFields: row.formFields,
    criteria: row.criteria,
    eligibility: row.eligibility,
  };
}

function factsOf(org: orgRepo.OrganizationRow): OrganizationFacts {
  return {
    membershipStatus: org.membershipStatus,
    membershipKind: org.membershipKind,
    regionCode: org.regionCode,
    okvedSection: org.okvedSection,
    smeCategory: org.smeCategory,
    foundedOn: org.foundedOn,
    isStartup: org.isStartup,
  };
}

export function createMeasuresService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The organization whose eligibility the actor asks about: its members and the operator only, 404 to others. */
  async function organizationFor(actor: Actor, organizationId: string) {
    const org = await orgRepo.findOrganization(db, organizationId);
    const orgRole = org ? await orgRoleOf(db, actor, organizationId) : undefined;
    if (!org || !policy.canSeeEligibility(actor, orgRole !== undefined)) throw notFound('organization.not_found');
    return org;
  }

  async function visibleMeasure(actor: Actor | null, id: string) {
    const row = await repo.findMeasure(db, id);
    if (!row || !policy.canSeeMeasure(actor, row.status)) throw notFound('measure.not_found');
    return row;
  }

  return {
    /** The catalogue; with organizationId each item says whether that organization may apply, eligible first. */
    async list(actor: Actor | null, request: MeasureListRequest) {
      const status = request.status ?? 'published';
      if (!policy.PUBLIC_STATUSES.includes(status as MeasureStatus)) requireOperator(actor);
      const now = clock.now();
      const filter: repo.MeasureFilter = {
        statuses: status === 'all' ? [...MEASURE_STATUSES] : [status],
        kind: request.kind,
        q: request.q,
        open: request.open,
        now,
      };
      const page = { limit: request.limit, offset: request.offset };
      if (!request.organizationId) {
        const { items, total } = await repo.listMeasures(db, filter, page);
        return { items: items.map((row) => toMeasureSummary(row, now)), total, ...page };
      }
      const org = await organizationFor(requireUser(actor), request.organizationId);
      const facts = factsOf(org);
      // the catalogue holds tens of measures, so eligibility is evaluated for all of them and the page cut after
      const { items, total } = await repo.listMeasures(db, filter);
      const rated = items.map((row) => ({
        ...toMeasureSummary(row, now),
        eligible: evaluateEligibility(row.eligibility, facts, now).eligible,
      }));
      const ordered = [...rated.filter((m) => m.eligible), ...rated.filter((m) => !m.eligible)];
      return { items: ordered.slice(page.offset, page.offset + page.limit), total, ...page };
    },

    async get(actor: Actor | null, id: string) {
      return toMeasure(await visibleMeasure(actor, id), clock.now());
    },

    async eligibility(actor: Actor | null, id: string, organizationId: string) {
      const user = requireUser(actor);
      const row = await visibleMeasure(user, id);
      const org = await organizationFor(user, organizationId);
      return { measureId: id, organizationId, ...evaluateEligibility(row.eligibility, factsOf(org), clock.now()) };
    },

    async create(actor: Actor | null, input: MeasureInput, requestId?: string) {
      const user = requireOperator(actor);
      const values = toMeasureValues(input) as repo.NewMeasure;
      const problems = validateMeasureDefinition(definitionOf(values));
      if (Object.keys(problems).length) throw invalidFields(problems);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.insertMeasure(tx, { ...values, status: 'draft', createdAt: now, updatedAt: now });
        if (!row)
          throw new AppError(
            'measure.code_taken',
            'conflict',
            { code: input.code },
            { code: { code: 'measure.code_taken', params: { code: input.code } } },
          );
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'measure.created',
          entity: 'measure',
          entityId: row.id,
          after: { code: row.code, title: row.title, kind: row.kind, budgetKopecks: row.budgetKopecks.toString() },
          requestId,
          at: now,
        });
        return toMeasure(row, now);
      });
    },

    /** Draft: anything; published: not the form, criteria or eligibility; closed and archived: nothing. */
    async update(actor: Actor | null, id: string, patch: MeasurePatch, requestId?: string) {
      const user = requireOperator(actor);
      const { version, ...changes } = patch;
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.findMeasureForUpdate(tx, id);
        if (!row) throw notFound('measure.not_found');
        if (version !== undefined && version !== row.version) throw conflict('measure.stale');
        if (!policy.isEditable(row.status)) throw conflict('measure.not_editable', { status: row.status });
        if (row.status === 'published') {
          const locked = policy.LOCKED_WHEN_PUBLISHED.filter(
            (key) => changes[key] !== undefined && !isDeepStrictEqual(changes[key], row[key]),
          );
          if (locked.length) throw conflict('measure.locked_when_published', { fields: locked.join(', ') });
        }
        const values = toMeasureValues(changes);
        const problems = validateMeasureDefinition(definitionOf({ ...row, ...values }));
        if (Object.keys(problems).length) throw invalidFields(problems);
        if (values.code !== undefined && values.code !== row.code) {
          const holder = await repo.findMeasureIdByCode(tx, values.code);
          if (holder)
            throw new AppError(
              'measure.code_taken',
              'conflict',
              { code: values.code },
              { code: { code: 'measure.code_taken', params: { code: values.code } } },
            );
        }
        const updated = await repo.updateMeasure(tx, id, row.version, values, now);
        if (!updated) throw conflict('measure.stale');
        const before = toMeasure(row, now) as Record<string, unknown>;
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'measure.updated',
          entity: 'measure',
          entityId: id,
          before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key]])),
          after: changes,
          requestId,
          at: now,
        });
        return toMeasure(updated, now);
      });
    },

    /** publish | close | archive; publication first checks the measure is complete. */
    async transition(actor: Actor | null, id: string, event: MeasureEvent, requestId?: string) {
      const user = requireOperator(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.findMeasureForUpdate(tx, id);
        if (!row) throw notFound('measure.not_found');
        const to = nextMeasureStatus(row.status, event);
        if (!to) throw conflict('measure.transition', { event, status: row.status });
        if (event === 'publish') {
          const problems = validateMeasureDefinition(definitionOf(row), { publishAt: now });
          if (Object.keys(problems).length) throw new AppError('measure.incomplete', 'invalid', {}, problems);
        }
        const updated = await repo.setMeasureStatus(tx, { id, from: row.status, to, at: now });
        if (!updated) throw conflict('measure.stale');
        await recordAudit(tx, {
          actorId: user.userId,
          action: `measure.${event}`,
          entity: 'measure',
          entityId: id,
          before: { status: row.status },
          after: { status: to },
          requestId,
          at: now,
        });
        return toMeasure(updated, now);
      });
    },
  };
}

export type MeasuresService = ReturnType<typeof createMeasuresService>;
