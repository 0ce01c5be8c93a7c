import type { Static } from 'typebox';
import type { SolutionStatus, TeamMember } from '../../../shared/innovation.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as timelines from '../audit/status-events.repository.ts';
import { notifyOrganization } from '../notifications/notify.ts';
import { actorOrganizationIds, orgRoleOf } from '../organizations/org-role.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import { isOpenForSolutions, isPublicRequest } from '../requests/requests.policy.ts';
import { weightedScore } from '../reviews/consensus.ts';
import { allowedSolutionEvents, nextSolutionStatus, SCORABLE_STATUSES, type SolutionEvent } from './solution-status.ts';
import * as policy from './solutions.policy.ts';
import * as repo from './solutions.repository.ts';
import type { CreateSolutionBody, DeclineBody, PatchSolutionBody, ScoresBody } from './solutions.schemas.ts';

export type CreateSolutionInput = Static<typeof CreateSolutionBody>;
export type PatchSolutionInput = Static<typeof PatchSolutionBody>;

type FieldErrors = NonNullable<AppError['fields']>;

export const SOLUTION_STATUS_NAMES_RU: Record<SolutionStatus, string> = {
  draft: 'черновик',
  submitted: 'подан',
  shortlisted: 'в шорт-листе',
  declined: 'отклонён',
  pilot: 'пилотирование',
  contract: 'заключён договор',
  not_adopted: 'не внедрён',
  withdrawn: 'отозван',
};

export function formatSolutionNumber(year: number, sequence: number): string {
  return `РШ-${year}-${String(sequence).padStart(6, '0')}`;
}

export function toSolutionSummary(row: repo.SolutionRow) {
  return {
    id: row.id,
    number: row.number,
    requestId: row.requestId,
    organizationId: row.organizationId,
    authorId: row.authorId,
    summary: row.summary,
    trl: row.trl,
    team: row.team,
    priceKopecks: row.priceKopecks?.toString() ?? null,
    status: row.status,
    lastComment: row.lastComment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedEvents: allowedSolutionEvents(row.status),
  };
}

export function toSolution(row: repo.SolutionRow) {
  return { ...toSolutionSummary(row), description: row.description, novelty: row.novelty, pilotPlan: row.pilotPlan };
}

type ScoreView = Awaited<ReturnType<typeof repo.listScores>>[number];

function toScore(score: Omit<ScoreView, 'scorerName'>, scorerName: string | null) {
  return {
    scorerId: score.scorerId,
    scorerName,
    total: score.total,
    scores: score.scores,
    comment: score.comment,
    scoredAt: score.scoredAt.toISOString(),
  };
}

const trimTeam = (team: TeamMember[]) => team.map((m) => ({ name: m.name.trim(), role: m.role.trim() }));

export function createSolutionsService({ db, clock }: { db: Db; clock: Clock }) {
  /** Who the actor is to this solution's company and request. */
  async function standingOf(actor: Actor, solution: { organizationId: string }, request: repo.RequestForSolutions) {
    const [companyRole, customerRole, expert] = await Promise.all([
      orgRoleOf(db, actor, solution.organizationId),
      orgRoleOf(db, actor, request.organizationId),
      repo.isRequestExpert(db, request.id, actor.userId),
    ]);
    return { companyRole, customerRole, expert, operator: isOperator(actor) } satisfies policy.Standing;
  }

  /** The solution with the actor's standing; 404 for those who may not know it exists. */
  async function load(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const row = await repo.findSolution(db, id);
    const request = row ? await repo.findRequest(db, row.requestId) : undefined;
    if (!row || !request) throw notFound('solution.not_found');
    const standing = await standingOf(user, row, request);
    if (!policy.canSeeSolution(standing, row)) throw notFound('solution.not_found');
    return { user, row, request, standing };
  }

  /** For the company's own actions: its owners and managers. */
  async function loadForCompany(actor: Actor | null, id: string) {
    const loaded = await load(actor, id);
    if (!policy.canActFor(loaded.standing.companyRole)) throw forbidden();
    return loaded;
  }

  /** For the customer's decisions: the owners and managers of the request's organization. */
  async function loadForCustomer(actor: Actor | null, id: string) {
    const loaded = await load(actor, id);
    if (!policy.canActFor(loaded.standing.customerRole)) throw forbidden();
    return loaded;
  }

  /** The NDA of a request with terms must be accepted, in its current version, by the answering organization. */
  async function requireNda(request: repo.RequestForSolutions, organizationId: string) {
    if (request.ndaTerms === null) return;
    if (!(await repo.hasNdaAcceptance(db, request.id, organizationId, request.ndaVersion))) {
      throw new AppError('solution.nda_required', 'forbidden', { ndaVersion: request.ndaVersion });
    }
  }

  /** What is wrong with the content beyond its shape: blank texts, files not of the organization. */
  async function checkContent(
    content: { summary?: string; team?: TeamMember[]; fileIds?: string[]; description?: string },
    organizationId: string,
    options: { complete: boolean },
  ) {
    const fields: FieldErrors = {};
    if (content.summary !== undefined && !content.summary.trim()) fields.summary = 'field.required';
    content.team?.forEach((m, i) => {
      if (!m.name.trim()) fields[`team.${i}.name`] = 'field.required';
      if (!m.role.trim()) fields[`team.${i}.role`] = 'field.required';
    });
    if (options.complete && !content.description?.trim()) fields.description = 'field.required';
    if (content.fileIds?.length) {
      const usable = await repo.findOrganizationFileIds(db, content.fileIds, organizationId);
      content.fileIds.forEach((fileId, i) => {
        if (!usable.has(fileId)) fields[`fileIds.${i}`] = 'field.file_unknown';
      });
    }
    if (Object.keys(fields).length) throw invalidFields(fields);
  }

  /** Audit row and the notice to whoever should hear of the change, in its transaction. */
  async function announce(
    tx: DbOrTx,
    change: {
      row: repo.SolutionRow;
      request: repo.RequestForSolutions;
      from: SolutionStatus;
      event: SolutionEvent;
      actorId: string;
      comment: string | null;
      requestId?: string;
      at: Date;
    },
  ) {
    const { row, request } = change;
    await recordAudit(tx, {
      actorId: change.actorId,
      action: `solution.${change.event}`,
      entity: 'solution',
      entityId: row.id,
      before: { status: change.from },
      after: { status: row.status },
      reason: change.comment,
      requestId: change.requestId,
      at: change.at,
    });
    const statusName = SOLUTION_STATUS_NAMES_RU[row.status];
    const reason = change.comment ? `\nКомментарий: ${change.comment}` : '';
    // the customer hears of what the company does, the company of what the customer decides
    const toCustomer = change.event === 'submit' || (change.event === 'withdraw' && change.from !== 'draft');
    if (toCustomer) {
      const company = (await repo.findOrganizationName(tx, row.organizationId)) ?? '';
      await notifyOrganization(
        tx,
        request.organizationId,
        {
          kind: `solution.${change.event}`,
          title: `Отклик ${row.number} на запрос ${request.number}: ${statusName}`,
          body: `${company} — отклик ${row.number} на запрос «${request.title}»: ${statusName}.${reason}`,
          link: `/solutions/${row.id}`,
        },
        change.at,
      );
    } else if (change.event === 'shortlist' || change.event === 'decline') {
      await notifyOrganization(
        tx,
        row.organizationId,
        {
          kind: `solution.${change.event}`,
          title: `Отклик ${row.number}: ${statusName}`,
          body: `Ваш отклик ${row.number} на запрос «${request.title}»: ${statusName}.${reason}`,
          link: `/solutions/${row.id}`,
        },
        change.at,
      );
    }
  }

  /** One step of the state machine: 409 when the step is not allowed now or someone acted first. */
  async function step(
    tx: DbOrTx,
    current: repo.SolutionRow,
    request: repo.RequestForSolutions,
    event: SolutionEvent,
    how: {
      actorId: string;
      comment?: string | null;
      version?: number;
      set?: Partial<repo.NewSolution>;
      requestId?: string;
      at: Date;
    },
  ) {
    const to = nextSolutionStatus(current.status, event);
    if (!to) throw conflict('solution.transition', { event, status: current.status });
    const row = await repo.transitionSolution(tx, {
      id: current.id,
      from: current.status,
      to,
      version: how.version,
      actorId: how.actorId,
      comment: how.comment ?? null,
      at: how.at,
      set: how.set,
    });
    if (!row) throw conflict('solution.stale');
    await announce(tx, {
      row,
      request,
      from: current.status,
      event,
      actorId: how.actorId,
      comment: how.comment ?? null,
      requestId: how.requestId,
      at: how.at,
    });
    return row;
  }

  return {
    /** A company answers a published request with a draft; one active solution per organization and request. */
    async create(actor: Actor | null, requestId: string, input: CreateSolutionInput, httpRequestId?: string) {
      const user = requireUser(actor);
      const org = await orgRepo.findOrganization(db, input.organizationId);
      const orgRole = org ? await orgRoleOf(db, user, org.id) : undefined;
      if (!org || !orgRole) throw org && isOperator(user) ? forbidden() : notFound('organization.not_found');
      if (!policy.canActFor(orgRole)) throw forbidden();
      const request = await repo.findRequest(db, requestId);
      if (!request || !isPublicRequest(request)) throw notFound('solution.request_not_found');
      if (request.organizationId === org.id) throw new AppError('solution.own_request', 'forbidden');
      const now = clock.now();
      if (!isOpenForSolutions(request, now)) throw conflict('solution.request_closed');
      await requireNda(request, org.id);
      await checkContent(input, org.id, { complete: false });
      const fileIds = input.fileIds ?? [];
      return db.transaction(async (tx) => {
        const number = formatSolutionNumber(now.getUTCFullYear(), await repo.nextSolutionSequence(tx));
        const row = await repo.insertSolution(tx, {
          number,
          requestId,
          organizationId: org.id,
          authorId: user.userId,
          summary: input.summary.trim(),
          description: input.description?.trim() ?? '',
          novelty: input.novelty?.trim() ?? '',
          trl: input.trl,
          team: trimTeam(input.team),
          priceKopecks: input.priceKopecks !== undefined ? BigInt(input.priceKopecks) : null,
          pilotPlan: input.pilotPlan?.trim() ?? '',
          status: 'draft',
          createdAt: now,
          updatedAt: now,
        });
        if (!row) {
          // a double click, or a colleague at the same moment: the partial unique index let only one in
          const existing = await repo.findActiveSolution(tx, requestId, org.id);
          throw conflict('solution.duplicate', { solutionId: existing?.id ?? null });
        }
        await timelines.insertStatusEvent(tx, 'solution', {
          entityId: row.id,
          fromStatus: null,
          toStatus: 'draft',
          actorId: user.userId,
          comment: null,
          at: now,
        });
        await repo.replaceDocuments(tx, row.id, fileIds);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'solution.created',
          entity: 'solution',
          entityId: row.id,
          after: { status: 'draft', number, requestId, organizationId: org.id, trl: input.trl, fileIds },
          requestId: httpRequestId,
          at: now,
        });
        return toSolution(row);
      });
    },

    /** The company's own solutions (its members'), every status; the operator sees all but drafts. */
    async listOwn(
      actor: Actor | null,
      query: { organizationId?: string; statuses?: SolutionStatus[]; limit: number; offset: number },
    ) {
      const user = requireUser(actor);
      let organizationIds: string[] | undefined;
      if (isOperator(user)) {
        organizationIds = query.organizationId ? [query.organizationId] : undefined;
      } else {
        const mine = await actorOrganizationIds(db, user);
        if (query.organizationId && !mine.includes(query.organizationId)) throw notFound('organization.not_found');
        organizationIds = query.organizationId ? [query.organizationId] : mine;
      }
      // a draft is the company's own business until it is submitted, even for the operator
      const page = await repo.listOwnSolutions(db, { ...query, organizationIds, withDrafts: !isOperator(user) });
      return {
        items: page.items.map((i) => ({
          ...toSolutionSummary(i.solution),
          organizationName: i.organizationName,
          requestNumber: i.requestNumber,
          requestTitle: i.requestTitle,
          requestDeadline: i.requestDeadline.toISOString(),
          customerOrganizationId: i.customerOrganizationId,
          customerName: i.customerName,
        })),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    /** A request's submitted solutions for the customer side, each with the average and the caller's own score. */
    async listForRequest(
      actor: Actor | null,
      requestId: string,
      query: { statuses?: SolutionStatus[]; sort: repo.RequestSolutionsSort; limit: number; offset: number },
    ) {
      const user = requireUser(actor);
      const request = await repo.findRequest(db, requestId);
      if (!request) throw notFound('solution.request_not_found');
      const [customerRole, expert] = await Promise.all([
        orgRoleOf(db, user, request.organizationId),
        repo.isRequestExpert(db, requestId, user.userId),
      ]);
      const standing: policy.Standing = { customerRole, expert, operator: isOperator(user) };
      if (!policy.isCustomerSide(standing)) {
        throw isPublicRequest(request) ? forbidden() : notFound('solution.request_not_found');
      }
      // an expert who is nothing more must not learn the others' ranking from the order either
      const expertOnly = !policy.canSeeAllScores(standing, false);
      const page = await repo.listRequestSolutions(db, {
        requestId,
        ...query,
        scoreOrder: expertOnly ? 'own' : 'average',
        scorerId: user.userId,
      });
      return {
        items: page.items.map((i) => {
          const seeAll = policy.canSeeAllScores(standing, i.mine !== null);
          return {
            ...toSolutionSummary(i.solution),
            organizationName: i.organizationName,
            scoreAverage: seeAll ? i.solution.scoreAverage : null,
            scoreCount: seeAll ? i.solution.scoreCount : null,
            myScore: i.mine ? toScore(i.mine, user.fullName) : null,
          };
        }),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
        counts: Object.fromEntries(page.counts.map((c) => [c.status, c.count])),
      };
    },

    /** The whole solution: timeline, documents and the scores the caller may see. */
    async get(actor: Actor | null, id: string) {
      const { user, row, request, standing } = await load(actor, id);
      const [organizationName, customerName, timeline, documents] = await Promise.all([
        repo.findOrganizationName(db, row.organizationId),
        repo.findOrganizationName(db, request.organizationId),
        timelines.listStatusEvents(db, 'solution', id),
        repo.listDocuments(db, id),
      ]);
      let scores: ReturnType<typeof toScore>[] | null = null;
      let myScore: ReturnType<typeof toScore> | null = null;
      let scoreAverage: number | null = null;
      let scoreCount: number | null = null;
      // the company never sees how the customer scores it
      if (policy.isCustomerSide(standing)) {
        const all = await repo.listScores(db, id);
        const mine = all.find((s) => s.scorerId === user.userId);
        myScore = mine ? toScore(mine, mine.scorerName) : null;
        const seeAll = policy.canSeeAllScores(standing, mine !== undefined);
        // scorers' names are the customer's business; experts see only their own
        const showNames = standing.customerRole !== undefined || standing.operator;
        if (seeAll) {
          scores = all.map((s) => toScore(s, showNames || s.scorerId === user.userId ? s.scorerName : null));
          scoreAverage = row.scoreAverage;
          scoreCount = row.scoreCount;
        } else {
          scores = myScore ? [myScore] : [];
        }
      }
      return {
        ...toSolution(row),
        organizationName: organizationName ?? '',
        requestNumber: request.number,
        requestTitle: request.title,
        customerOrganizationId: request.organizationId,
        customerName: customerName ?? '',
        criteria: request.criteria,
        viewerRoles: policy.viewerRoles(standing),
        timeline: timeline.map(({ toStatus, ...e }) => ({ ...e, status: toStatus, at: e.at.toISOString() })),
        documents,
        scoreAverage,
        scoreCount,
        scores,
        myScore,
      };
    },

    /** A file attached to the solution, for whoever may see the solution. */
    async document(actor: Actor | null, id: string, fileId: string) {
      await load(actor, id);
      const file = await repo.findDocumentFile(db, id, fileId);
      if (!file) throw notFound('file.not_found');
      return file;
    },

    /** The company edits its draft; `version` refuses a stale edit. */
    async update(actor: Actor | null, id: string, patch: PatchSolutionInput, httpRequestId?: string) {
      const { user, row } = await loadForCompany(actor, id);
      if (row.status !== 'draft') throw conflict('solution.transition', { event: 'edit', status: row.status });
      await checkContent(patch, row.organizationId, { complete: false });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const updated = await repo.updateDraft(
          tx,
          id,
          patch.version ?? row.version,
          {
            ...(patch.summary !== undefined ? { summary: patch.summary.trim() } : {}),
            ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
            ...(patch.novelty !== undefined ? { novelty: patch.novelty.trim() } : {}),
            ...(patch.trl !== undefined ? { trl: patch.trl } : {}),
            ...(patch.team !== undefined ? { team: trimTeam(patch.team) } : {}),
            ...(patch.priceKopecks !== undefined
              ? { priceKopecks: patch.priceKopecks === null ? null : BigInt(patch.priceKopecks) }
              : {}),
            ...(patch.pilotPlan !== undefined ? { pilotPlan: patch.pilotPlan.trim() } : {}),
          },
          now,
        );
        if (!updated) throw conflict('solution.stale');
        if (patch.fileIds !== undefined) await repo.replaceDocuments(tx, id, patch.fileIds);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'solution.updated',
          entity: 'solution',
          entityId: id,
          before: { version: row.version },
          after: { version: updated.version, fields: Object.keys(patch).filter((k) => k !== 'version') },
          requestId: httpRequestId,
          at: now,
        });
        return toSolution(updated);
      });
    },

    /** Checks the draft again and submits it while the request is open; a submitted one comes back unchanged. */
    async submit(actor: Actor | null, id: string, httpRequestId?: string) {
      const { user, row, request } = await loadForCompany(actor, id);
      if (row.status === 'submitted') return toSolution(row);
      if (!nextSolutionStatus(row.status, 'submit')) {
        throw conflict('solution.transition', { event: 'submit', status: row.status });
      }
      const now = clock.now();
      if (!isOpenForSolutions(request, now)) throw conflict('solution.request_closed');
      await requireNda(request, row.organizationId);
      const documents = await repo.listDocuments(db, id);
      await checkContent(
        { summary: row.summary, team: row.team, description: row.description, fileIds: documents.map((d) => d.fileId) },
        row.organizationId,
        { complete: true },
      );
      return db.transaction(async (tx) => {
        const submitted = await repo.transitionSolution(tx, {
          id,
          from: row.status,
          to: 'submitted',
          actorId: user.userId,
          comment: null,
          at: now,
          set: { submittedAt: now },
        });
        if (!submitted) {
          // a double click: the other request submitted it first
          const current = await repo.findSolution(tx, id);
          if (current?.status === 'submitted') return toSolution(current);
          throw conflict('solution.stale');
        }
        await announce(tx, {
          row: submitted,
          request,
          from: row.status,
          event: 'submit',
          actorId: user.userId,
          comment: null,
          requestId: httpRequestId,
          at: now,
        });
        return toSolution(submitted);
      });
    },

    async withdraw(actor: Actor | null, id: string, reason: string | undefined, httpRequestId?: string) {
      const { user, row, request } = await loadForCompany(actor, id);
      const now = clock.now();
      return db.transaction(async (tx) =>
        toSolution(
          await step(tx, row, request, 'withdraw', {
            actorId: user.userId,
            comment: reason?.trim() || null,
            requestId: httpRequestId,
            at: now,
          }),
        ),
      );
    },

    async shortlist(actor: Actor | null, id: string, version: number | undefined, httpRequestId?: string) {
      const { user, row, request } = await loadForCustomer(actor, id);
      const now = clock.now();
      return db.transaction(async (tx) =>
        toSolution(
          await step(tx, row, request, 'shortlist', {
            actorId: user.userId,
            version,
            requestId: httpRequestId,
            at: now,
            set: { decidedAt: now },
          }),
        ),
      );
    },

    /** The customer declines with a reason, which the company reads on its solution. */
    async decline(actor: Actor | null, id: string, input: Static<typeof DeclineBody>, httpRequestId?: string) {
      const { user, row, request } = await loadForCustomer(actor, id);
      const reason = input.reason.trim();
      if (!reason) throw invalidFields({ reason: 'field.reason_required' });
      const now = clock.now();
      return db.transaction(async (tx) =>
        toSolution(
          await step(tx, row, request, 'decline', {
            actorId: user.userId,
            comment: reason,
            version: input.version,
            requestId: httpRequestId,
            at: now,
            set: { decidedAt: now },
          }),
        ),
      );
    },

    /**
     * One person's scores on every criterion of the request, once. The solution's average and count are updated
     * in the same transaction by a conditional UPDATE on the count: concurrent scorers retry, none is lost.
     */
    async score(actor: Actor | null, id: string, input: Static<typeof ScoresBody>, httpRequestId?: string) {
      const { user, row, request, standing } = await load(actor, id);
      if (!policy.canScore(standing)) throw forbidden();
      if (!SCORABLE_STATUSES.includes(row.status)) throw conflict('solution.scoring_closed', { status: row.status });
      const fields = policy.checkScores(request.criteria, input.scores);
      if (Object.keys(fields).length) throw invalidFields(fields);
      const scores = input.scores.map((s) => ({
        criterion: s.criterion,
        score: s.score,
        comment: s.comment?.trim() ?? '',
      }));
      const total = weightedScore(request.criteria, scores);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const inserted = await repo.insertScore(tx, {
          solutionId: id,
          scorerId: user.userId,
          scores,
          total,
          comment: input.comment?.trim() || null,
          scoredAt: now,
        });
        if (!inserted) throw conflict('solution.already_scored');
        let aggregate = await repo.aggregateScores(tx, id);
        let average = policy.averageOf(aggregate.sum, aggregate.n);
        // each failed attempt means another scorer committed in between; the next aggregate includes them
        for (let attempt = 0; ; attempt++) {
          const stored = await repo.storeScoreAggregate(tx, id, {
            previousCount: aggregate.n - 1,
            count: aggregate.n,
            average,
          });
          if (stored) break;
          if (attempt >= 20) throw conflict('solution.stale');
          aggregate = await repo.aggregateScores(tx, id);
          average = policy.averageOf(aggregate.sum, aggregate.n);
        }
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'solution.scored',
          entity: 'solution',
          entityId: id,
          before: { scoreCount: aggregate.n - 1 },
          after: { total, scores, scoreAverage: average, scoreCount: aggregate.n },
          requestId: httpRequestId,
          at: now,
        });
        return { solutionId: id, total, scoreAverage: average, scoreCount: aggregate.n };
      });
    },
  };
}

export type SolutionsService = ReturnType<typeof createSolutionsService>;
