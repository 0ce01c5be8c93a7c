// Requests for innovative solutions (open innovation): a customer writes a request, the operator moderates and
// publishes it, companies read it (past its NDA terms when it has any) and answer with solutions until the
// deadline; the customer then names the winners.

import type { Static } from 'typebox';
import {
  ARCHIVED_REQUEST_STATUSES,
  DEFAULT_REQUEST_CRITERIA,
  REQUEST_STATUSES,
  type RequestStatus,
} from '../../../shared/innovation.ts';
import type { Criterion } from '../../../shared/measures.ts';
import { CACHE_NAMESPACES, type Cache, createMemoryCache } from '../../cache.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, requireOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as timelines from '../audit/status-events.repository.ts';
import { EXPORT_LABELS } from '../exports/exports.labels.ts';
import { deliverEach, notifyOperators, notifyOrganization, notifyUsers } from '../notifications/notify.ts';
import { actorMemberships, orgRoleOf } from '../organizations/org-role.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import { nextRequestStatus, type RequestEvent } from './request-status.ts';
import {
  acceptsExperts,
  allowedEventsFor,
  canActForCustomer,
  canReadDescription,
  canSeeRequest,
  GUEST_VIEWER,
  isEditable,
  isInsider,
  isOpenForSolutions,
  isPublicRequest,
  isPublicStatus,
  type RequestViewer,
  WINNING_SOLUTION_STATUSES,
} from './requests.policy.ts';
import * as repo from './requests.repository.ts';
import type { CreateRequestBody, ListQuery, PatchRequestBody } from './requests.schemas.ts';

export type CreateRequestInput = Static<typeof CreateRequestBody>;
export type PatchRequestInput = Static<typeof PatchRequestBody>;
export type RequestListQuery = Static<typeof ListQuery> & { limit: number; offset: number };

/** What the deadline job writes on the timeline when it closes a request. */
export const DEADLINE_CLOSE_COMMENT = 'Срок приёма решений истёк';

// public lists are the same for every guest and change only when a request changes status (or a deadline passes,
// which the deadline job reports): shared until then, or for a minute
const LIST_TTL_SECONDS = 60;
/** How many ordered ids of a shared question are kept: the first pages people actually turn. */
const ORDERED_IDS_KEPT = 500;

const MOSCOW_OFFSET_MS = 3 * 3600 * 1000;

export function formatRequestNumber(year: number, sequence: number): string {
  return `ЗИ-${year}-${String(sequence).padStart(6, '0')}`;
}

const moscowDateTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toSummary(
  row: Pick<
    repo.RequestRow,
    | 'id'
    | 'number'
    | 'organizationId'
    | 'kind'
    | 'title'
    | 'brief'
    | 'scopes'
    | 'technologies'
    | 'problemTypes'
    | 'minTrl'
    | 'rewardKind'
    | 'budgetKopecks'
    | 'pilotOffered'
    | 'deadline'
    | 'status'
    | 'publishedAt'
    | 'closedAt'
    | 'createdAt'
  > & { ndaRequired: boolean },
  customerName: string,
  now: Date,
) {
  return {
    id: row.id,
    number: row.number,
    organizationId: row.organizationId,
    customer: { id: row.organizationId, shortName: customerName },
    kind: row.kind,
    title: row.title,
    brief: row.brief,
    scopes: row.scopes as never[],
    technologies: row.technologies as never[],
    problemTypes: row.problemTypes as never[],
    minTrl: row.minTrl,
    rewardKind: row.rewardKind,
    budgetKopecks: row.budgetKopecks?.toString() ?? null,
    pilotOffered: row.pilotOffered,
    deadline: row.deadline.toISOString(),
    isOpen: isOpenForSolutions(row, now),
    ndaRequired: row.ndaRequired,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's standing towards a request, with what it took to learn it. */
export interface RequestAccess {
  request: repo.RequestRow;
  viewer: RequestViewer;
  /** the caller's organizations that accepted the current NDA version */
  accepted: Awaited<ReturnType<typeof repo.listNdaAcceptances>>;
  /** the request exists for the caller (404 otherwise) */
  canSee: boolean;
  /** the caller may read the full description (and, for solutions, work past the NDA) */
  canReadDescription: boolean;
}

/**
 * Loads a request with the caller's standing: whether they may see it at all and read it in full. For other modules
 * too (solutions): `canSee` false means 404; `canReadDescription` false means the NDA terms stand between them.
 */
export async function loadRequestAccess(db: DbOrTx, actor: Actor | null, id: string): Promise<RequestAccess | null> {
  const request = await repo.findRequest(db, id);
  if (!request) return null;
  if (!actor) {
    return {
      request,
      viewer: GUEST_VIEWER,
      accepted: [],
      canSee: canSeeRequest(request, GUEST_VIEWER),
      canReadDescription: canReadDescription(request, GUEST_VIEWER),
    };
  }
  const [memberships, expert] = await Promise.all([
    actorMemberships(db, actor),
    repo.isAppointedExpert(db, request.id, actor.userId),
  ]);
  const accepted =
    request.ndaTerms === null
      ? []
      : await repo.listNdaAcceptances(
          db,
          request.id,
          request.ndaVersion,
          memberships.map((m) => m.organizationId),
        );
  const viewer: RequestViewer = {
    operator: isOperator(actor),
    customerRole: memberships.find((m) => m.organizationId === request.organizationId)?.orgRole ?? null,
    expert,
    ndaAccepted: accepted.length > 0,
  };
  return {
    request,
    viewer,
    accepted,
    canSee: canSeeRequest(request, viewer),
    canReadDescription: canReadDescription(request, viewer),
  };
}

interface Change {
  actorId: string | null;
  comment?: string | null;
  set?: Partial<repo.NewRequest>;
  requestId?: string;
  at: Date;
  after?: Record<string, unknown>;
}

/** Who hears of a status change, and what they read. */
function messageFor(event: RequestEvent, row: repo.RequestRow, change: Change) {
  const link = `/requests/${row.id}`;
  const comment = change.comment ? `\nКомментарий: ${change.comment}` : '';
  switch (event) {
    case 'moderate':
      return {
        kind: 'request.moderation',
        title: `Запрос ${row.number} ждёт модерации`,
        body: `Заказчик отправил на модерацию запрос «${row.title}».`,
        link,
      };
    case 'publish':
      return {
        kind: 'request.status',
        title: `Запрос ${row.number} опубликован`,
        body: `Запрос «${row.title}» опубликован: решения принимаются до ${moscowDateTime.format(row.deadline)} (МСК).`,
        link,
      };
    case 'return':
      return {
        kind: 'request.status',
        title: `Запрос ${row.number} возвращён на доработку`,
        body: `Модератор вернул запрос «${row.title}» на доработку.${comment}`,
        link,
      };
    case 'close':
      return change.actorId === null
        ? {
            kind: 'request.status',
            title: `Приём решений по запросу ${row.number} завершён`,
            body: `${DEADLINE_CLOSE_COMMENT}: запрос «${row.title}» закрыт. Оцените решения и выберите победителей.`,
            link,
          }
        : {
            kind: 'request.status',
            title: `Запрос ${row.number} закрыт`,
            body: `Приём решений по запросу «${row.title}» завершён досрочно.`,
            link,
          };
    case 'resolve':
      return {
        kind: 'request.status',
        title: `Запрос ${row.number}: подведены итоги`,
        body: `По запросу «${row.title}» выбраны победители.`,
        link,
      };
    case 'cancel':
      return {
        kind: 'request.status',
        title: `Запрос ${row.number} отменён`,
        body: `Запрос «${row.title}» отменён.${change.comment ? `\nПричина: ${change.comment}` : ''}`,
        link,
      };
  }
}

/**
 * One step of the state machine in the caller's transaction: the status (only if nobody moved it first, else 409),
 * the timeline entry, the audit row and the notification — the operators for a request to moderate, the customer's
 * people for everything else. The deadline job closes requests through here too, with no actor.
 */
export async function applyRequestEvent(tx: DbOrTx, current: repo.RequestRow, event: RequestEvent, change: Change) {
  const to = nextRequestStatus(current.status, event);
  if (!to) throw conflict('request.transition', { event, status: current.status });
  const row = await repo.transitionRequest(tx, {
    id: current.id,
    from: current.status,
    to,
    actorId: change.actorId,
    comment: change.comment ?? null,
    at: change.at,
    set: change.set,
  });
  if (!row) throw conflict('request.stale');
  await recordAudit(tx, {
    actorId: change.actorId,
    action: `request.${event}`,
    entity: 'request',
    entityId: row.id,
    before: { status: current.status },
    after: { status: to, ...change.after },
    reason: change.comment ?? null,
    requestId: change.requestId,
    at: change.at,
  });
  const message = messageFor(event, row, change);
  if (event === 'moderate') await notifyOperators(tx, message, change.at);
  else await notifyOrganization(tx, row.organizationId, message, change.at);
  if (event === 'publish') await notifyMatchingParticipants(tx, row, change.at);
  return row;
}

/**
 * How many organizations hear of a newly published request at most: the best-matching ones (most shared technology
 * areas), so that publishing stays one bounded transaction.
 */
export const MATCHING_FAN_OUT = 500;

/**
 * Tells the people of cluster participants whose technology areas overlap the request's that it is open, with the
 * shared areas as the reason (kind request.matching, category matching_requests: a daily digest by default). Done
 * in the publishing transaction, not through a queue: at most MATCHING_FAN_OUT organizations, one settings query and
 * one insert for all of them, and the notifications exist exactly when the request is published. The customer's
 * own people are never told about their own request.
 */
async function notifyMatchingParticipants(tx: DbOrTx, row: repo.RequestRow, at: Date) {
  const matched = await repo.listMatchingParticipants(tx, row.technologies, row.organizationId, MATCHING_FAN_OUT);
  if (!matched.length) return;
  const sharedOf = new Map(matched.map((m) => [m.organizationId, m.shared]));
  const people = await repo.listPeopleOfOrganizations(tx, [...sharedOf.keys()], row.organizationId);
  const names = EXPORT_LABELS.ru.technology as Record<string, string>;
  await deliverEach(
    tx,
    people.map((person) => {
      const shared = (sharedOf.get(person.organizationId) ?? []).map((t) => names[t] ?? t).sort();
      return {
        userId: person.userId,
        email: person.email,
        message: {
          kind: 'request.matching',
          title: `Новый запрос по вашим направлениям: ${row.title}`,
          body: `Опубликован запрос ${row.number} «${row.title}»; решения принимаются до ${moscowDateTime.format(row.deadline)} (МСК). Совпадают технологические направления вашей организации: ${shared.join(', ')}.`,
          link: `/requests/${row.id}`,
        },
      };
    }),
    at,
  );
}

type Fields = NonNullable<AppError['fields']>;

/** Problems with the parts of a definition that schemas cannot check: the deadline, related requests, criteria. */
async function definitionProblems(
  db: DbOrTx,
  values: { deadline?: Date; relatedRequestIds?: string[]; criteria?: Criterion[] },
  now: Date,
  owner: { organizationId: string; requestId: string | null },
): Promise<Fields> {
  const fields: Fields = {};
  if (values.deadline && values.deadline.getTime() <= now.getTime()) fields.deadline = 'request.deadline_past';
  if (values.relatedRequestIds?.length) {
    // another customer's drafts are as unknown as ids that exist nowhere
    const referable = await repo.findReferableRequestIds(db, values.relatedRequestIds, owner.organizationId);
    values.relatedRequestIds.forEach((id, i) => {
      if (id === owner.requestId) fields[`relatedRequestIds.${i}`] = 'request.related_self';
      else if (!referable.has(id)) fields[`relatedRequestIds.${i}`] = 'request.related_unknown';
    });
  }
  if (values.criteria) {
    const seen = new Set<string>();
    values.criteria.forEach((c, i) => {
      if (seen.has(c.key)) fields[`criteria.${i}.key`] = 'request.criterion_key_duplicate';
      seen.add(c.key);
    });
    const sum = values.criteria.reduce((total, c) => total + c.weight, 0);
    // weights may be fractional (33.3 + 33.3 + 33.4); a rounding error is not a mistake
    if (Math.abs(sum - 100) > 1e-6) {
      fields.criteria = { code: 'request.criteria_weights', params: { sum: Math.round(sum * 1000) / 1000 } };
    }
  }
  return fields;
}

/** API fields to column values: money to bigint, instants to dates. */
function toValues(input: Partial<Omit<CreateRequestInput, 'organizationId'>> | Omit<PatchRequestInput, 'version'>) {
  const { budgetKopecks, deadline, ...rest } = input;
  const values: Partial<repo.NewRequest> = { ...(rest as Partial<repo.NewRequest>) };
  if (budgetKopecks !== undefined) values.budgetKopecks = budgetKopecks === null ? null : BigInt(budgetKopecks);
  if (deadline !== undefined) values.deadline = new Date(deadline);
  return values;
}

/**
 * `cache`: the app's shared cache (Redis with REDIS_URL), so every process forgets the public lists together; without
 * it, a cache of this process alone, whose entries other processes' changes leave stale until they expire.
 */
export function createRequestsService(deps: { db: Db; clock: Clock; cache?: Cache }) {
  const { db, clock } = deps;
  const cache = deps.cache ?? createMemoryCache();

  async function forgetLists() {
    await cache.invalidate(CACHE_NAMESPACES.requests);
  }

  async function visible(actor: Actor | null, id: string) {
    const access = await loadRequestAccess(db, actor, id);
    if (!access?.canSee) throw notFound('request.not_found');
    return access;
  }

  /** The customer's owners and managers; 403 to those who see the request, 404 to those who do not. */
  async function forCustomer(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const access = await visible(user, id);
    if (!canActForCustomer(access.viewer)) throw forbidden();
    return { user, ...access };
  }

  async function forOperator(actor: Actor | null, id: string) {
    const user = requireOperator(actor);
    const access = await visible(user, id);
    return { user, ...access };
  }

  async function forCustomerOrOperator(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const access = await visible(user, id);
    if (!canActForCustomer(access.viewer) && !access.viewer.operator) throw forbidden();
    return { user, ...access };
  }

  /** The whole request as the caller may see it: the description only past the NDA terms. */
  async function detail(access: Omit<RequestAccess, 'canSee'>, now: Date) {
    const { request, viewer } = access;
    const insider = isInsider(viewer);
    const [customer, timeline, related] = await Promise.all([
      repo.findOrganizationName(db, request.organizationId),
      timelines.listStatusEvents(db, 'request', request.id),
      repo.listRequestsByIds(db, request.relatedRequestIds),
    ]);
    // the customer's own and everyone's public ones; the operator sees all
    const shownRelated = related
      .filter(
        (r) =>
          isPublicRequest(r) ||
          viewer.operator ||
          (viewer.customerRole !== null && r.organizationId === request.organizationId),
      )
      .map(({ id, number, title, status }) => ({ id, number, title, status }));
    return {
      ...toSummary({ ...request, ndaRequired: request.ndaTerms !== null }, customer?.shortName ?? '', now),
      // the key itself is left out, not emptied, when the caller may not read it
      ...(access.canReadDescription ? { description: request.description } : {}),
      expectedResult: request.expectedResult,
      relatedRequestIds: shownRelated.map((r) => r.id),
      relatedRequests: shownRelated,
      ndaTerms: request.ndaTerms,
      ndaVersion: request.ndaVersion,
      ndaAcceptedBy: access.accepted.map((a) => ({ ...a, acceptedAt: a.acceptedAt.toISOString() })),
      criteria: request.criteria,
      lastComment: insider ? request.lastComment : null,
      winnerSolutionIds: insider ? request.winnerSolutionIds : [],
      // outsiders see the public life of the request, not its moderation nor who did what
      timeline: timeline
        .filter((e) => insider || isPublicStatus(e.toStatus as RequestStatus))
        .map((e) => ({
          fromStatus: e.fromStatus as RequestStatus | null,
          toStatus: e.toStatus as RequestStatus,
          comment: insider || e.toStatus === 'cancelled' || e.actorName === null ? e.comment : null,
          actorName: insider ? e.actorName : null,
          at: e.at.toISOString(),
        })),
      viewer: {
        customerRole: viewer.customerRole,
        operator: viewer.operator,
        expert: viewer.expert,
        canReadDescription: access.canReadDescription,
        canEdit: canActForCustomer(viewer) && isEditable(request.status),
        allowedEvents: allowedEventsFor(request, viewer, now),
      },
      version: request.version,
      updatedAt: request.updatedAt.toISOString(),
    };
  }

  /** The answer after a change the caller made: read again as the caller. */
  async function detailFor(actor: Actor, id: string) {
    return detail((await loadRequestAccess(db, actor, id))!, clock.now());
  }

  /** A status change by a person, then the public lists are forgotten. */
  async function transition(
    user: Actor,
    current: repo.RequestRow,
    event: RequestEvent,
    change: Omit<Change, 'actorId' | 'at'>,
  ) {
    const now = clock.now();
    await db.transaction((tx) => applyRequestEvent(tx, current, event, { ...change, actorId: user.userId, at: now }));
    await forgetLists();
    return detailFor(user, current.id);
  }

  async function facetsAndTotal(filter: repo.RequestFilter) {
    const facets: Record<'kind' | 'scope' | 'technology' | 'problemType', Array<{ value: string; count: number }>> = {
      kind: [],
      scope: [],
      technology: [],
      problemType: [],
    };
    let total = 0;
    for (const row of await repo.countRequestFacets(db, filter)) {
      if (row.facet === 'total') total = Number(row.n);
      else if (row.value !== null) facets[row.facet].push({ value: row.value, count: Number(row.n) });
    }
    for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { total, facets };
  }

  return {
    /**
     * The catalogue: open requests (or the archive) for everyone; a customer's own requests in every status to its
     * members; any status to the operator.
     */
    async list(actor: Actor | null, query: RequestListQuery) {
      const now = clock.now();
      const own =
        query.organizationId !== undefined &&
        actor !== null &&
        (isOperator(actor) || (await orgRoleOf(db, actor, query.organizationId)) !== undefined);
      // a public view is the same for every caller who is neither the operator nor the customer: shared in the cache
      let visibility: repo.RequestVisibility;
      if (query.status?.length) {
        const statuses = [...new Set(query.status)];
        const insider = own || isOperator(actor);
        if (!insider && !statuses.every(isPublicStatus)) requireOperator(actor);
        visibility = { statuses, publicOnly: !insider };
      } else if (query.archived === true) {
        visibility = { statuses: [...ARCHIVED_REQUEST_STATUSES], expiredBy: now, publicOnly: !own };
      } else if (query.archived === false || !own) {
        visibility = { statuses: own ? ['draft', 'moderation'] : [], openAfter: now, publicOnly: !own };
      } else {
        visibility = { statuses: [...REQUEST_STATUSES] };
      }
      const shared = visibility.publicOnly === true;
      const filter: repo.RequestFilter = {
        visibility,
        q: query.q?.trim() || undefined,
        kind: query.kind,
        organizationId: query.organizationId,
        scope: query.scope,
        technology: query.technology,
        problemType: query.problemType,
      };
      // the archive reads best newest first; open requests by the nearest deadline
      const sort = query.sort ?? (filter.q ? 'relevance' : query.archived ? 'newest' : 'deadline');
      const page = { limit: query.limit, offset: query.offset };
      // the instants in the visibility move with the clock; the key names only which sets they pick
      const key = JSON.stringify({
        ...filter,
        visibility: [visibility.statuses, !!visibility.openAfter, !!visibility.expiredBy],
        q: filter.q?.toLowerCase(),
      });
      const remember = <T>(entry: string, compute: () => Promise<T>) =>
        shared ? cache.remember(CACHE_NAMESPACES.requests, entry, LIST_TTL_SECONDS, compute) : compute();
      // facet counts and the total are shared by every page and order of the same question; a single word full
      // text finds nowhere is looked for again by similarity to the titles (a typo)
      let counted = await remember(`facets:${key}`, () => facetsAndTotal(filter));
      if (counted.total === 0 && repo.mayHaveTypo(filter.q)) {
        filter.fuzzy = true;
        counted = await remember(`facets:fuzzy:${key}`, () => facetsAndTotal(filter));
      }
      const question = `${filter.fuzzy ? 'fuzzy:' : ''}${key}:${sort}`;
      const items = await remember(`page:${question}:${page.limit}:${page.offset}`, async () => {
        // the first pages of a shared question come from its ordered ids, ranked once: another page of the same
        // search costs one read by primary key, not another ranking of every match
        const end = page.offset + page.limit;
        const ids =
          shared && end <= ORDERED_IDS_KEPT
            ? (
                await remember(`ids:${question}`, () =>
                  repo.findRequestPageIds(db, { ...filter, sort, limit: ORDERED_IDS_KEPT, offset: 0 }),
                )
              ).slice(page.offset, end)
            : await repo.findRequestPageIds(db, { ...filter, sort, ...page });
        return (await repo.findRequestRows(db, ids)).map((r) => toSummary(r, r.customerName, now));
      });
      const { total, facets } = counted;
      return { items, total, ...page, facets };
    },

    async get(actor: Actor | null, id: string) {
      return detail(await visible(actor, id), clock.now());
    },

    async create(actor: Actor | null, input: CreateRequestInput, requestId?: string) {
      const user = requireUser(actor);
      const org = await repo.findOrganizationName(db, input.organizationId);
      const orgRole = org ? await orgRoleOf(db, user, org.id) : undefined;
      if (!org || !orgRole) throw org && isOperator(user) ? forbidden() : notFound('organization.not_found');
      if (!canActForCustomer({ customerRole: orgRole })) throw forbidden();
      if (!org.capabilities.includes('customer')) throw new AppError('request.not_customer', 'forbidden');
      const now = clock.now();
      const { organizationId, ...definition } = input;
      const values = toValues(definition);
      values.criteria ??= DEFAULT_REQUEST_CRITERIA;
      const problems = await definitionProblems(db, values, now, { organizationId, requestId: null });
      if (Object.keys(problems).length) throw invalidFields(problems);
      const id = await db.transaction(async (tx) => {
        const moscowYear = new Date(now.getTime() + MOSCOW_OFFSET_MS).getUTCFullYear();
        const number = formatRequestNumber(moscowYear, await repo.nextRequestSequence(tx));
        const row = await repo.insertRequest(tx, {
          ...(values as Omit<repo.NewRequest, 'number' | 'organizationId' | 'authorId'>),
          number,
          organizationId,
          authorId: user.userId,
          status: 'draft',
          createdAt: now,
          updatedAt: now,
        });
        await timelines.insertStatusEvent(tx, 'request', {
          entityId: row.id,
          fromStatus: null,
          toStatus: 'draft',
          actorId: user.userId,
          comment: null,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'request.created',
          entity: 'request',
          entityId: row.id,
          after: { status: 'draft', number, organizationId, kind: row.kind, title: row.title },
          requestId,
          at: now,
        });
        return row.id;
      });
      return detailFor(user, id);
    },

    /** The customer edits a draft; changed NDA terms get the next version; `version` refuses a stale edit. */
    async update(actor: Actor | null, id: string, patch: PatchRequestInput, requestId?: string) {
      const { user, request } = await forCustomer(actor, id);
      if (!isEditable(request.status)) throw conflict('request.not_editable', { status: request.status });
      const { version, ...changes } = patch;
      if (version !== undefined && version !== request.version) throw conflict('request.stale');
      const now = clock.now();
      const values = toValues(changes);
      const problems = await definitionProblems(db, values, now, {
        organizationId: request.organizationId,
        requestId: request.id,
      });
      if (Object.keys(problems).length) throw invalidFields(problems);
      if (changes.ndaTerms !== undefined && changes.ndaTerms !== request.ndaTerms) {
        values.ndaVersion = request.ndaVersion + 1;
      }
      await db.transaction(async (tx) => {
        const updated = await repo.updateDraft(tx, id, version ?? request.version, values, now);
        if (!updated) throw conflict('request.stale');
        const before = request as unknown as Record<string, unknown>;
        const shown = (value: unknown) =>
          value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : value;
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'request.updated',
          entity: 'request',
          entityId: id,
          before: Object.fromEntries(Object.keys(values).map((key) => [key, shown(before[key])])),
          after: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, shown(value)])),
          requestId,
          at: now,
        });
      });
      return detailFor(user, id);
    },

    async moderate(actor: Actor | null, id: string, requestId?: string) {
      const { user, request } = await forCustomer(actor, id);
      if (!nextRequestStatus(request.status, 'moderate'))
        throw conflict('request.transition', { event: 'moderate', status: request.status });
      if (request.deadline.getTime() <= clock.now().getTime()) throw conflict('request.deadline_passed');
      return transition(user, request, 'moderate', { requestId });
    },

    async publish(actor: Actor | null, id: string, requestId?: string) {
      const { user, request } = await forOperator(actor, id);
      if (!nextRequestStatus(request.status, 'publish'))
        throw conflict('request.transition', { event: 'publish', status: request.status });
      const now = clock.now();
      if (request.deadline.getTime() <= now.getTime()) throw conflict('request.deadline_passed');
      return transition(user, request, 'publish', { requestId, set: { publishedAt: now } });
    },

    async returnToDraft(actor: Actor | null, id: string, comment: string, requestId?: string) {
      const { user, request } = await forOperator(actor, id);
      if (!comment.trim()) throw invalidFields({ comment: 'field.comment_required' });
      return transition(user, request, 'return', {
        requestId,
        comment: comment.trim(),
        set: { lastComment: comment.trim() },
      });
    },

    async close(actor: Actor | null, id: string, requestId?: string) {
      const { user, request } = await forCustomerOrOperator(actor, id);
      return transition(user, request, 'close', { requestId, set: { closedAt: clock.now() } });
    },

    /** The customer names the winners among this request's shortlisted, piloted or contracted solutions. */
    async resolve(actor: Actor | null, id: string, winnerSolutionIds: string[], requestId?: string) {
      const { user, request } = await forCustomer(actor, id);
      if (!nextRequestStatus(request.status, 'resolve'))
        throw conflict('request.transition', { event: 'resolve', status: request.status });
      const found = new Map(
        (await repo.findSolutionsOfRequest(db, id, winnerSolutionIds)).map((s) => [s.id, s.status] as const),
      );
      const fields: Fields = {};
      winnerSolutionIds.forEach((solutionId, i) => {
        const status = found.get(solutionId);
        if (!status || !(WINNING_SOLUTION_STATUSES as readonly string[]).includes(status)) {
          fields[`winnerSolutionIds.${i}`] = 'request.winner_invalid';
        }
      });
      if (Object.keys(fields).length) throw invalidFields(fields);
      return transition(user, request, 'resolve', {
        requestId,
        set: { winnerSolutionIds },
        after: { winnerSolutionIds },
      });
    },

    async cancel(actor: Actor | null, id: string, reason: string, requestId?: string) {
      const { user, request } = await forCustomerOrOperator(actor, id);
      if (!reason.trim()) throw invalidFields({ reason: 'field.reason_required' });
      return transition(user, request, 'cancel', {
        requestId,
        comment: reason.trim(),
        set: { lastComment: reason.trim() },
      });
    },

    /** A member accepts the NDA terms for the organization; accepting the same version again answers the first. */
    async acceptNda(actor: Actor | null, id: string, organizationId: string, requestId?: string) {
      const user = requireUser(actor);
      const { request } = await visible(user, id);
      const org = await orgRepo.findOrganization(db, organizationId);
      const orgRole = org ? await orgRoleOf(db, user, organizationId) : undefined;
      if (!org || !orgRole) throw org && isOperator(user) ? forbidden() : notFound('organization.not_found');
      if (request.ndaTerms === null) throw conflict('request.no_nda');
      if (!isPublicRequest(request)) throw conflict('request.not_public');
      const now = clock.now();
      const { row } = await db.transaction(async (tx) => {
        const accepted = await repo.acceptNda(tx, {
          requestId: id,
          organizationId,
          termsVersion: request.ndaVersion,
          userId: user.userId,
          acceptedAt: now,
        });
        if (accepted.created) {
          await recordAudit(tx, {
            actorId: user.userId,
            action: 'request.nda_accepted',
            entity: 'request',
            entityId: id,
            after: { organizationId, termsVersion: request.ndaVersion },
            requestId,
            at: now,
          });
        }
        return accepted;
      });
      return {
        requestId: id,
        organizationId,
        termsVersion: row.termsVersion,
        acceptedAt: row.acceptedAt.toISOString(),
      };
    },

    async listExperts(actor: Actor | null, id: string) {
      await forCustomerOrOperatorOrMember(actor, id);
      return { items: await expertsOf(id) };
    },

    /** Appoints a user of the expert pool; appointing again changes nothing. */
    async appointExpert(actor: Actor | null, id: string, userId: string, requestId?: string) {
      const { user, request } = await forCustomerOrOperator(actor, id);
      if (!acceptsExperts(request.status)) throw conflict('request.experts_closed', { status: request.status });
      const pooled = await repo.findPoolExpert(db, userId);
      if (!pooled?.active) throw invalidFields({ userId: 'request.expert_not_in_pool' });
      const now = clock.now();
      await db.transaction(async (tx) => {
        const appointed = await repo.appointExpert(tx, {
          requestId: id,
          userId,
          appointedBy: user.userId,
          appointedAt: now,
        });
        if (!appointed) return;
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'request.expert_appointed',
          entity: 'request',
          entityId: id,
          after: { userId },
          requestId,
          at: now,
        });
        await notifyUsers(
          tx,
          [userId],
          {
            kind: 'request.expert',
            title: `Вы эксперт запроса ${request.number}`,
            body: `Заказчик назначил вас экспертом запроса «${request.title}»: вы будете оценивать решения.`,
            link: `/requests/${id}`,
          },
          now,
        );
      });
      return { items: await expertsOf(id) };
    },

    async removeExpert(actor: Actor | null, id: string, userId: string, requestId?: string) {
      const { user } = await forCustomerOrOperator(actor, id);
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await repo.removeExpert(tx, id, userId))) throw notFound('request.expert_not_found');
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'request.expert_removed',
          entity: 'request',
          entityId: id,
          before: { userId },
          requestId,
          at: now,
        });
      });
      return { items: await expertsOf(id) };
    },

    /** After the deadline job closed requests: the public lists change. */
    forgetCachedLists: forgetLists,
  };

  async function expertsOf(id: string) {
    return (await repo.listRequestExperts(db, id)).map((e) => ({
      ...e,
      expertise: e.expertise ?? [],
      appointedAt: e.appointedAt.toISOString(),
    }));
  }

  /** The experts list: the customer's members (any role) and the operator. */
  async function forCustomerOrOperatorOrMember(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const access = await visible(user, id);
    if (!access.viewer.customerRole && !access.viewer.operator) throw forbidden();
    return access;
  }
}

export type RequestsService = ReturnType<typeof createRequestsService>;
