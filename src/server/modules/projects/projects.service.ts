// Innovative projects: an organization records a project, invites partners, each partner confirms or declines, and
// the lead takes it to implementation. A project is joint once two distinct cluster participants take part; the
// showcase lists implemented projects.

import type { Static } from 'typebox';
import { moscowToday } from '../../../shared/calendar-dates.ts';
import type { PartnerStatus, ProjectStatus } from '../../../shared/ventures.ts';
import { CACHE_NAMESPACES, type Cache, createMemoryCache } from '../../cache.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, mayActFor, requireOperator, requireUser } from '../../http/actor.ts';
import { type AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as timelines from '../audit/status-events.repository.ts';
import { type Message, notifyOrganization } from '../notifications/notify.ts';
import { orgRoleOf } from '../organizations/org-role.ts';
import { isJoint } from './joint-rule.ts';
import { implementedOnFor, isOpenProject, nextProjectStatus, type ProjectEvent } from './project-status.ts';
import {
  acceptsPartnerDecisions,
  allowedEventsFor,
  canActForLead,
  canDecideFor,
  canEditProject,
  canSeeProject,
  GUEST_VIEWER,
  isInsider,
  type ProjectViewer,
} from './projects.policy.ts';
import * as repo from './projects.repository.ts';
import type { CreateProjectBody, ListQuery, PatchProjectBody } from './projects.schemas.ts';

export type CreateProjectInput = Static<typeof CreateProjectBody>;
export type PatchProjectInput = Static<typeof PatchProjectBody>;
export type ProjectListQuery = Static<typeof ListQuery> & { limit: number; offset: number };

// the showcase is the same for every guest and changes only when a project or a partner's answer changes: shared
// until then, or for a minute
const LIST_TTL_SECONDS = 60;
/** How many ordered ids of a shared question are kept: the first pages people actually turn. */
const ORDERED_IDS_KEPT = 500;

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;

export function formatProjectNumber(year: number, sequence: number): string {
  return `ПР-${year}-${String(sequence).padStart(6, '0')}`;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

type Fields = NonNullable<AppError['fields']>;

const ORIGIN_KEYS = ['originSolutionId', 'originPilotId', 'originApplicationId', 'originDealId'] as const;

function toSummary(row: repo.ProjectPageRow) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    lead: { id: row.leadOrganizationId, shortName: row.leadName, district: row.leadDistrict },
    technologies: row.technologies as never[],
    trl: row.trl,
    stage: row.stage,
    status: row.status,
    budgetKopecks: row.budgetKopecks?.toString() ?? null,
    startedOn: row.startedOn,
    plannedEndOn: row.plannedEndOn,
    implementedOn: row.implementedOn,
    joint: row.joint,
    confirmedParticipants: row.confirmedParticipants,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's standing towards a project, with whether the project exists for them at all. */
export interface ProjectAccess {
  project: repo.ProjectRow;
  viewer: ProjectViewer;
  canSee: boolean;
}

export async function loadProjectAccess(db: DbOrTx, actor: Actor | null, id: string): Promise<ProjectAccess | null> {
  const project = await repo.findProject(db, id);
  if (!project) return null;
  if (!actor) return { project, viewer: GUEST_VIEWER, canSee: canSeeProject(project, GUEST_VIEWER) };
  const [leadRole, partnerships] = await Promise.all([
    orgRoleOf(db, actor, project.leadOrganizationId),
    repo.listUserPartnerships(db, project.id, actor.userId),
  ]);
  const viewer: ProjectViewer = {
    operator: isOperator(actor),
    leadRole: leadRole ?? null,
    partnerships: partnerships.filter((p) => mayActFor(actor, p.organizationId)),
  };
  return { project, viewer, canSee: canSeeProject(project, viewer) };
}

/** API fields to column values: money to bigint. */
function toValues(input: Partial<Omit<CreateProjectInput, 'organizationId'>> | Omit<PatchProjectInput, 'version'>) {
  const { budgetKopecks, ...rest } = input;
  const values: Partial<repo.NewProject> = { ...(rest as Partial<repo.NewProject>) };
  if (budgetKopecks !== undefined) values.budgetKopecks = budgetKopecks === null ? null : BigInt(budgetKopecks);
  return values;
}

const shown = (value: unknown) =>
  value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : value;

/** Who hears of a status change, and what they read. */
function statusMessage(event: ProjectEvent, project: repo.ProjectRow, comment: string | null): Message {
  const link = `/projects/${project.id}`;
  switch (event) {
    case 'start':
      return {
        kind: 'project.status',
        title: `Проект ${project.number} начат`,
        body: `Работы по проекту «${project.title}» начаты.`,
        link,
      };
    case 'implement':
      return {
        kind: 'project.status',
        title: `Проект ${project.number} реализован`,
        body: `Проект «${project.title}» реализован${project.joint ? ' как совместный' : ''} и опубликован в витрине проектов.`,
        link,
      };
    case 'cancel':
      return {
        kind: 'project.status',
        title: `Проект ${project.number} отменён`,
        body: `Проект «${project.title}» отменён.${comment ? `\nПричина: ${comment}` : ''}`,
        link,
      };
  }
}

/**
 * `cache`: the app's shared cache (Redis with REDIS_URL), so every process forgets the showcase together; without it,
 * a cache of this process alone.
 */
export function createProjectsService(deps: { db: Db; clock: Clock; cache?: Cache }) {
  const { db, clock } = deps;
  const cache = deps.cache ?? createMemoryCache();

  async function forgetLists() {
    await cache.invalidate(CACHE_NAMESPACES.projects);
  }

  async function visible(actor: Actor | null, id: string) {
    const access = await loadProjectAccess(db, actor, id);
    if (!access?.canSee) throw notFound('project.not_found');
    return access;
  }

  /** The lead's owners and managers; 403 to those who see the project, 404 to those who do not. */
  async function forLead(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const access = await visible(user, id);
    if (!canActForLead(access.viewer)) throw forbidden();
    return { user, ...access };
  }

  /** What cannot be checked by the schema: the dates in order, the origins the lead's own. */
  async function definitionProblems(
    leadOrganizationId: string,
    values: { startedOn?: string; plannedEndOn?: string | null } & repo.OriginIds,
  ): Promise<Fields> {
    const fields: Fields = {};
    if (values.startedOn && values.plannedEndOn && values.plannedEndOn < values.startedOn) {
      fields.plannedEndOn = 'project.dates_order';
    }
    const owned = await repo.findOwnedOrigins(db, leadOrganizationId, values);
    for (const key of ORIGIN_KEYS) if (values[key] && !owned.has(key)) fields[key] = 'project.origin_unknown';
    return fields;
  }

  /** The whole project as the caller may see it: invited and declined partners only to the insiders. */
  async function detail(access: Omit<ProjectAccess, 'canSee'>) {
    const { project, viewer } = access;
    const insider = isInsider(viewer);
    const [lead, partners, origins, timeline] = await Promise.all([
      repo.findOrganizationFacts(db, project.leadOrganizationId),
      repo.listPartners(db, project.id),
      repo.findOriginRefs(db, project),
      timelines.listStatusEvents(db, 'project', project.id),
    ]);
    return {
      id: project.id,
      number: project.number,
      title: project.title,
      description: project.description,
      lead: {
        id: project.leadOrganizationId,
        shortName: lead?.shortName ?? '',
        district: project.leadDistrict,
        isParticipant: lead?.isParticipant ?? false,
      },
      technologies: project.technologies as never[],
      trl: project.trl,
      stage: project.stage,
      status: project.status,
      budgetKopecks: project.budgetKopecks?.toString() ?? null,
      startedOn: project.startedOn,
      plannedEndOn: project.plannedEndOn,
      implementedOn: project.implementedOn,
      joint: project.joint,
      confirmedParticipants: project.confirmedParticipants,
      createdAt: project.createdAt.toISOString(),
      partners: partners
        .filter((p) => insider || p.status === 'confirmed')
        .map((p) => ({ ...p, invitedAt: p.invitedAt.toISOString(), decidedAt: iso(p.decidedAt) })),
      origins,
      originSolutionId: project.originSolutionId,
      originPilotId: project.originPilotId,
      originApplicationId: project.originApplicationId,
      originDealId: project.originDealId,
      lastComment: insider ? project.lastComment : null,
      timeline: timeline.map((e) => ({
        fromStatus: e.fromStatus as ProjectStatus | null,
        toStatus: e.toStatus as ProjectStatus,
        comment: insider ? e.comment : null,
        actorName: insider ? e.actorName : null,
        at: e.at.toISOString(),
      })),
      viewer: {
        leadRole: viewer.leadRole,
        operator: viewer.operator,
        partnerOrganizations: viewer.partnerships.map((p) => ({
          organizationId: p.organizationId,
          status: p.status,
          canDecide: canDecideFor(p.orgRole) && p.status === 'invited' && acceptsPartnerDecisions(project.status),
        })),
        canEdit: canEditProject(project, viewer),
        canInvite: canActForLead(viewer) && isOpenProject(project.status),
        allowedEvents: allowedEventsFor(project, viewer),
      },
      version: project.version,
      updatedAt: project.updatedAt.toISOString(),
    };
  }

  async function detailFor(actor: Actor, id: string) {
    return detail((await loadProjectAccess(db, actor, id))!);
  }

  /** The partners who hear of the project's news: those who confirmed and those still invited. */
  async function notifyPartners(tx: DbOrTx, projectId: string, message: Message, at: Date) {
    const partners = await repo.listPartners(tx, projectId);
    for (const partner of partners) {
      if (partner.status !== 'declined') await notifyOrganization(tx, partner.organizationId, message, at);
    }
  }

  /** One step of the state machine by the lead: status (409 if someone moved it first), timeline, audit, news. */
  async function transition(
    actor: Actor | null,
    id: string,
    event: ProjectEvent,
    change: {
      comment?: string;
      requestId?: string;
      /** what else changes with the status, from the project as read (may refuse with an AppError) */
      set?: (project: repo.ProjectRow) => Partial<repo.NewProject>;
    },
  ) {
    const { user, project } = await forLead(actor, id);
    const to = nextProjectStatus(project.status, event);
    if (!to) throw conflict('project.transition', { event, status: project.status });
    const set = change.set?.(project) ?? {};
    const now = clock.now();
    await db.transaction(async (tx) => {
      const row = await repo.transitionProject(tx, {
        id,
        from: project.status,
        to,
        actorId: user.userId,
        comment: change.comment ?? null,
        at: now,
        set,
      });
      if (!row) throw conflict('project.stale');
      await recordAudit(tx, {
        actorId: user.userId,
        action: `project.${event}`,
        entity: 'project',
        entityId: id,
        before: { status: project.status },
        after: { status: to, ...Object.fromEntries(Object.entries(set).map(([k, v]) => [k, shown(v)])) },
        reason: change.comment ?? null,
        requestId: change.requestId,
        at: now,
      });
      const message = statusMessage(event, row, change.comment ?? null);
      await notifyOrganization(tx, row.leadOrganizationId, message, now);
      await notifyPartners(tx, id, message, now);
    });
    await forgetLists();
    return detailFor(user, id);
  }

  /** A partner's answer, by an owner or manager of that partner: the count and the joint flag move with it. */
  async function decide(
    actor: Actor | null,
    id: string,
    organizationId: string,
    to: Extract<PartnerStatus, 'confirmed' | 'declined'>,
    reason: string | undefined,
    requestId?: string,
  ) {
    const user = requireUser(actor);
    await visible(user, id);
    if (!canDecideFor(await orgRoleOf(db, user, organizationId))) throw forbidden();
    const listed = await repo.findPartner(db, id, organizationId);
    if (!listed) throw notFound('project.partner_not_found');
    const now = clock.now();
    const comment = reason?.trim() || null;
    const answer = await db.transaction(async (tx) => {
      // the lock queues partners answering at once: each counts after the previous one committed, none is lost
      const locked = (await repo.findProject(tx, id, { lock: true }))!;
      if (!acceptsPartnerDecisions(locked.status)) throw conflict('project.partners_closed', { status: locked.status });
      const partner = (await repo.findPartner(tx, id, organizationId))!;
      const counts = { confirmedParticipants: locked.confirmedParticipants, joint: locked.joint };
      // answering the same way twice (a double click) changes nothing
      if (partner.status === to) return { organizationId, status: to, ...counts };
      if (partner.status !== 'invited') throw conflict('project.partner_transition', { status: partner.status });
      const decided = await repo.decidePartner(tx, { projectId: id, organizationId, to, userId: user.userId, at: now });
      if (!decided) throw conflict('project.partner_transition', { status: partner.status });
      const confirmedParticipants = await repo.countParticipants(tx, locked);
      const joint = isJoint(confirmedParticipants);
      await repo.setParticipation(tx, id, confirmedParticipants, joint, now);
      await recordAudit(tx, {
        actorId: user.userId,
        action: to === 'confirmed' ? 'project.partner_confirmed' : 'project.partner_declined',
        entity: 'project',
        entityId: id,
        before: { organizationId, status: partner.status, ...counts },
        after: { organizationId, status: to, confirmedParticipants, joint },
        reason: comment,
        requestId,
        at: now,
      });
      const partnerName = (await repo.findOrganizationFacts(tx, organizationId))?.shortName ?? '';
      await notifyOrganization(
        tx,
        locked.leadOrganizationId,
        to === 'confirmed'
          ? {
              kind: 'project.partner',
              title: `${partnerName} подтвердила участие в проекте ${locked.number}`,
              body: `${partnerName} подтвердила участие в проекте «${locked.title}».${
                joint && !locked.joint ? ' Проект стал совместным.' : ''
              }`,
              link: `/projects/${id}`,
            }
          : {
              kind: 'project.partner',
              title: `${partnerName} отклонила приглашение в проект ${locked.number}`,
              body: `${partnerName} отклонила приглашение в проект «${locked.title}».${comment ? `\nПричина: ${comment}` : ''}`,
              link: `/projects/${id}`,
            },
        now,
      );
      return { organizationId, status: to, confirmedParticipants, joint };
    });
    await forgetLists();
    return answer;
  }

  async function facetsAndTotal(filter: repo.ProjectFilter) {
    const facets: Record<'technology' | 'joint' | 'year' | 'district', Array<{ value: string; count: number }>> = {
      technology: [],
      joint: [],
      year: [],
      district: [],
    };
    let total = 0;
    for (const row of await repo.countProjectFacets(db, filter)) {
      if (row.facet === 'total') total = Number(row.n);
      else if (row.value !== null) facets[row.facet].push({ value: row.value, count: Number(row.n) });
    }
    for (const [name, list] of Object.entries(facets)) {
      // years read newest first; the rest by count
      list.sort((a, b) =>
        name === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value),
      );
    }
    return { total, facets };
  }

  /** Whose list is asked for: the showcase for everyone, an organization's own to its members and the operator. */
  async function scopeOf(actor: Actor | null, query: ProjectListQuery): Promise<repo.ProjectScope> {
    const statuses = query.status?.length ? [...new Set(query.status)] : undefined;
    const onlyImplemented = !statuses || statuses.every((s) => s === 'implemented');
    if (query.organizationId) {
      const own =
        actor !== null && (isOperator(actor) || (await orgRoleOf(db, actor, query.organizationId)) !== undefined);
      if (own) return { kind: 'own', organizationId: query.organizationId, statuses };
      if (!onlyImplemented) requireOperator(actor);
      return { kind: 'showcase', organizationId: query.organizationId };
    }
    if (onlyImplemented && !(statuses && isOperator(actor))) return { kind: 'showcase' };
    requireOperator(actor);
    return { kind: 'all', statuses };
  }

  return {
    /**
     * The showcase: implemented projects for everyone, with search and facets; an organization's own projects in
     * every status to its members; any status to the operator.
     */
    async list(actor: Actor | null, query: ProjectListQuery) {
      const scope = await scopeOf(actor, query);
      const shared = scope.kind === 'showcase';
      const filter: repo.ProjectFilter = {
        scope,
        q: query.q?.trim() || undefined,
        technology: query.technology,
        joint: query.joint,
        year: query.year,
        district: query.district,
      };
      const sort = query.sort ?? (filter.q ? 'relevance' : 'newest');
      const page = { limit: query.limit, offset: query.offset };
      const key = JSON.stringify({ ...filter, q: filter.q?.toLowerCase() });
      const remember = <T>(entry: string, compute: () => Promise<T>) =>
        shared ? cache.remember(CACHE_NAMESPACES.projects, entry, LIST_TTL_SECONDS, compute) : compute();
      // a single word full text finds nowhere is looked for again by similarity to the titles (a typo)
      let counted = await remember(`facets:${key}`, () => facetsAndTotal(filter));
      if (counted.total === 0 && repo.mayHaveTypo(filter.q)) {
        filter.fuzzy = true;
        counted = await remember(`facets:fuzzy:${key}`, () => facetsAndTotal(filter));
      }
      const question = `${filter.fuzzy ? 'fuzzy:' : ''}${key}:${sort}`;
      const items = await remember(`page:${question}:${page.limit}:${page.offset}`, async () => {
        // the first pages of a shared question come from its ordered ids, ranked once
        const end = page.offset + page.limit;
        const ids =
          shared && end <= ORDERED_IDS_KEPT
            ? (
                await remember(`ids:${question}`, () =>
                  repo.findProjectPageIds(db, { ...filter, sort, limit: ORDERED_IDS_KEPT, offset: 0 }),
                )
              ).slice(page.offset, end)
            : await repo.findProjectPageIds(db, { ...filter, sort, ...page });
        const rows = (await repo.findProjectRows(db, ids)).map(toSummary);
        if (scope.kind !== 'own') return rows;
        const partnerStatuses = await repo.findPartnerStatuses(db, scope.organizationId, ids);
        return rows.map((row) => ({
          ...row,
          own: {
            organizationId: scope.organizationId,
            role: row.lead.id === scope.organizationId ? ('lead' as const) : ('partner' as const),
            partnerStatus: row.lead.id === scope.organizationId ? null : (partnerStatuses.get(row.id) ?? null),
          },
        }));
      });
      return { items, total: counted.total, ...page, facets: counted.facets };
    },

    async get(actor: Actor | null, id: string) {
      return detail(await visible(actor, id));
    },

    /** An owner or manager of the lead records a project; the origins must be the lead's own records. */
    async create(actor: Actor | null, input: CreateProjectInput, requestId?: string) {
      const user = requireUser(actor);
      const lead = await repo.findOrganizationFacts(db, input.organizationId);
      const orgRole = lead ? await orgRoleOf(db, user, lead.id) : undefined;
      if (!lead || !orgRole) throw lead && isOperator(user) ? forbidden() : notFound('organization.not_found');
      if (!canActForLead({ leadRole: orgRole })) throw forbidden();
      const { organizationId, ...definition } = input;
      const values = toValues(definition);
      const problems = await definitionProblems(organizationId, definition);
      if (Object.keys(problems).length) throw invalidFields(problems);
      const now = clock.now();
      // the lead takes part by leading: it counts as confirmed when it is a cluster participant
      const confirmedParticipants = lead.isParticipant ? 1 : 0;
      const id = await db.transaction(async (tx) => {
        const moscowYear = new Date(now.getTime() + MOSCOW_OFFSET_MS).getUTCFullYear();
        const number = formatProjectNumber(moscowYear, await repo.nextProjectSequence(tx));
        const row = await repo.insertProject(tx, {
          ...(values as Omit<repo.NewProject, 'number' | 'leadOrganizationId' | 'authorId'>),
          number,
          leadOrganizationId: organizationId,
          authorId: user.userId,
          leadDistrict: lead.district,
          confirmedParticipants,
          joint: isJoint(confirmedParticipants),
          status: 'planned',
          createdAt: now,
          updatedAt: now,
        });
        await timelines.insertStatusEvent(tx, 'project', {
          entityId: row.id,
          fromStatus: null,
          toStatus: 'planned',
          actorId: user.userId,
          comment: null,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'project.created',
          entity: 'project',
          entityId: row.id,
          after: {
            status: 'planned',
            number,
            organizationId,
            title: row.title,
            ...Object.fromEntries(ORIGIN_KEYS.filter((k) => row[k]).map((k) => [k, row[k]])),
          },
          requestId,
          at: now,
        });
        return row.id;
      });
      await forgetLists();
      return detailFor(user, id);
    },

    /** The lead edits a project under way; `version` refuses a stale edit. */
    async update(actor: Actor | null, id: string, patch: PatchProjectInput, requestId?: string) {
      const { user, project } = await forLead(actor, id);
      if (!isOpenProject(project.status)) throw conflict('project.not_editable', { status: project.status });
      const { version, ...changes } = patch;
      if (version !== undefined && version !== project.version) throw conflict('project.stale');
      const values = toValues(changes);
      const problems = await definitionProblems(project.leadOrganizationId, {
        ...changes,
        startedOn: changes.startedOn ?? project.startedOn,
        plannedEndOn: changes.plannedEndOn === undefined ? project.plannedEndOn : changes.plannedEndOn,
      });
      if (Object.keys(problems).length) throw invalidFields(problems);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const updated = await repo.updateOpenProject(tx, id, version ?? project.version, values, now);
        if (!updated) throw conflict('project.stale');
        const before = project as unknown as Record<string, unknown>;
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'project.updated',
          entity: 'project',
          entityId: id,
          before: Object.fromEntries(Object.keys(values).map((key) => [key, shown(before[key])])),
          after: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, shown(value)])),
          requestId,
          at: now,
        });
      });
      await forgetLists();
      return detailFor(user, id);
    },

    /** The lead invites a partner organization; its people are told and one of its owners or managers answers. */
    async invitePartner(
      actor: Actor | null,
      id: string,
      input: { organizationId: string; role?: string },
      requestId?: string,
    ) {
      const { user, project } = await forLead(actor, id);
      if (!isOpenProject(project.status)) throw conflict('project.partners_closed', { status: project.status });
      if (input.organizationId === project.leadOrganizationId) {
        throw invalidFields({ organizationId: 'project.partner_is_lead' });
      }
      const partner = await repo.findOrganizationFacts(db, input.organizationId);
      if (!partner) throw invalidFields({ organizationId: 'project.partner_unknown' });
      const now = clock.now();
      const answer = await db.transaction(async (tx) => {
        const locked = (await repo.findProject(tx, id, { lock: true }))!;
        if (!isOpenProject(locked.status)) throw conflict('project.partners_closed', { status: locked.status });
        const row = await repo.insertPartner(tx, {
          projectId: id,
          organizationId: partner.id,
          role: input.role?.trim() ?? '',
          status: 'invited',
          invitedBy: user.userId,
          invitedAt: now,
        });
        if (!row) throw conflict('project.partner_duplicate', { organization: partner.shortName });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'project.partner_invited',
          entity: 'project',
          entityId: id,
          after: { organizationId: partner.id, status: 'invited', role: row.role },
          requestId,
          at: now,
        });
        const leadName = (await repo.findOrganizationFacts(tx, locked.leadOrganizationId))?.shortName ?? '';
        await notifyOrganization(
          tx,
          partner.id,
          {
            kind: 'project.invitation',
            title: `Приглашение в проект ${locked.number}`,
            body: `${leadName} приглашает вашу организацию партнёром в проект «${locked.title}»${
              row.role ? ` (роль: ${row.role})` : ''
            }. Подтвердите или отклоните участие.`,
            link: `/projects/${id}`,
          },
          now,
        );
        return {
          organizationId: partner.id,
          status: row.status,
          joint: locked.joint,
          confirmedParticipants: locked.confirmedParticipants,
        };
      });
      await forgetLists();
      return answer;
    },

    async confirmPartner(actor: Actor | null, id: string, organizationId: string, requestId?: string) {
      return decide(actor, id, organizationId, 'confirmed', undefined, requestId);
    },

    async declinePartner(
      actor: Actor | null,
      id: string,
      organizationId: string,
      reason: string | undefined,
      requestId?: string,
    ) {
      return decide(actor, id, organizationId, 'declined', reason, requestId);
    },

    async start(actor: Actor | null, id: string, requestId?: string) {
      return transition(actor, id, 'start', { requestId });
    },

    /** Implemented today (UTC), or on an earlier day the lead gives, not before the project started. */
    async implement(actor: Actor | null, id: string, implementedOn: string | undefined, requestId?: string) {
      // the day in Moscow, as the lead's form shows it: just after midnight there, UTC is still on yesterday
      const today = moscowToday(clock.now());
      return transition(actor, id, 'implement', {
        requestId,
        set(project) {
          const verdict = implementedOnFor(project, today, implementedOn);
          if (verdict.problem === 'future') throw invalidFields({ implementedOn: 'project.implemented_future' });
          if (verdict.problem === 'before_start') {
            throw invalidFields({
              implementedOn: { code: 'project.implemented_before_start', params: { startedOn: project.startedOn } },
            });
          }
          return { implementedOn: verdict.day };
        },
      });
    },

    async cancel(actor: Actor | null, id: string, reason: string, requestId?: string) {
      const comment = reason.trim();
      if (!comment) throw invalidFields({ reason: 'field.reason_required' });
      return transition(actor, id, 'cancel', { requestId, comment, set: () => ({ lastComment: comment }) });
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
