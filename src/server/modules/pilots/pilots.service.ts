import type { Static } from 'typebox';
import { addCalendarMonths, isCalendarDate, moscowToday } from '../../../shared/calendar-dates.ts';
import { PILOT_MAX_MONTHS, PILOT_MIN_TRL, type PilotStatus } from '../../../shared/innovation.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import { formatRubles } from '../applications/money.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as timelines from '../audit/status-events.repository.ts';
import { listOrganizationPeople } from '../notifications/notifications.repository.ts';
import { type Message, notifyUsers } from '../notifications/notify.ts';
import { actorOrganizationIds, orgRoleOf } from '../organizations/org-role.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import { nextSolutionStatus, type SolutionEvent } from '../solutions/solution-status.ts';
import * as solutionPolicy from '../solutions/solutions.policy.ts';
import * as solutionRepo from '../solutions/solutions.repository.ts';
import { allowedPilotEvents, nextPilotStatus, type PilotEvent } from './pilot-status.ts';
import * as policy from './pilots.policy.ts';
import * as repo from './pilots.repository.ts';
import type { ApproveBody, CompleteBody, ContractBody, CreateSiteBody, ProposePilotBody } from './pilots.schemas.ts';

type FieldErrors = NonNullable<AppError['fields']>;
type ContractInput = Static<typeof ContractBody>;

const PILOT_STATUS_NAMES_RU: Record<PilotStatus, string> = {
  proposed: 'предложен',
  approved: 'одобрен площадкой',
  rejected: 'отклонён площадкой',
  running: 'идёт',
  completed: 'завершён',
  cancelled: 'отменён',
};

export function formatPilotNumber(year: number, sequence: number): string {
  return `ПИ-${year}-${String(sequence).padStart(6, '0')}`;
}

function toPilot(row: repo.PilotRow) {
  return {
    id: row.id,
    number: row.number,
    solutionId: row.solutionId,
    requestId: row.requestId,
    siteId: row.siteId,
    organizationId: row.organizationId,
    customerOrganizationId: row.customerOrganizationId,
    proposedBy: row.proposedBy,
    plan: row.plan,
    trl: row.trl,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    lastComment: row.lastComment,
    resultReport: row.resultReport,
    outcome: row.outcome,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedEvents: allowedPilotEvents(row.status),
  };
}

function toContract(row: repo.ContractRow) {
  return {
    id: row.id,
    solutionId: row.solutionId,
    pilotId: row.pilotId,
    requestId: row.requestId,
    organizationId: row.organizationId,
    customerOrganizationId: row.customerOrganizationId,
    amountKopecks: row.amountKopecks.toString(),
    signedOn: row.signedOn,
    createdAt: row.createdAt.toISOString(),
  };
}

function toSite(row: NonNullable<Awaited<ReturnType<typeof repo.findSite>>>) {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** The people of the given organizations, each once, leaving out the one who acted (who knows already). */
async function notifyOrganizations(
  tx: DbOrTx,
  organizationIds: string[],
  exceptUserId: string,
  message: Message,
  at: Date,
) {
  const people = new Set<string>();
  for (const id of new Set(organizationIds)) {
    for (const person of await listOrganizationPeople(tx, id)) people.add(person.userId);
  }
  people.delete(exceptUserId);
  await notifyUsers(tx, [...people], message, at);
}

export function createPilotsService({ db, clock }: { db: Db; clock: Clock }) {
  /** What is wrong with a contract's amount and date: 400 with the field paths under `prefix`. */
  function contractFields(input: ContractInput, prefix: string, now: Date): FieldErrors {
    const fields: FieldErrors = {};
    if (BigInt(input.amountKopecks) <= 0n) fields[`${prefix}amountKopecks`] = 'pilot.amount_positive';
    if (!isCalendarDate(input.signedOn)) fields[`${prefix}signedOn`] = 'pilot.date_invalid';
    else if (input.signedOn > moscowToday(now)) fields[`${prefix}signedOn`] = 'pilot.signed_in_future';
    return fields;
  }

  /** The pilot with the actor's standing towards it; 404 for those who may not know it exists. */
  async function load(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const found = await repo.findPilot(db, id);
    if (!found) throw notFound('pilot.not_found');
    const { pilot } = found;
    const [companyRole, customerRole, siteOwnerRole] = await Promise.all([
      orgRoleOf(db, user, pilot.organizationId),
      orgRoleOf(db, user, pilot.customerOrganizationId),
      orgRoleOf(db, user, found.siteOwnerOrganizationId),
    ]);
    const standing: policy.PilotStanding = { companyRole, customerRole, siteOwnerRole, operator: isOperator(user) };
    if (!policy.canSeePilot(standing)) throw notFound('pilot.not_found');
    return { user, pilot, siteOwnerOrganizationId: found.siteOwnerOrganizationId, standing };
  }

  async function loadAs(actor: Actor | null, id: string, allowed: (s: policy.PilotStanding) => boolean) {
    const loaded = await load(actor, id);
    if (!allowed(loaded.standing)) throw forbidden();
    return loaded;
  }

  /** The solution moves with its pilot: shortlisted → pilot → contract | not_adopted, conditionally. */
  async function moveSolution(
    tx: DbOrTx,
    solutionId: string,
    event: SolutionEvent,
    how: { actorId: string; comment?: string | null; requestId?: string; at: Date },
  ) {
    const current = await solutionRepo.findSolution(tx, solutionId, { lock: true });
    if (!current) throw notFound('solution.not_found');
    const to = nextSolutionStatus(current.status, event);
    if (!to) {
      throw event === 'pilot'
        ? conflict('pilot.solution_not_shortlisted', { status: current.status })
        : conflict('solution.transition', { event, status: current.status });
    }
    const row = await solutionRepo.transitionSolution(tx, {
      id: solutionId,
      from: current.status,
      to,
      actorId: how.actorId,
      comment: how.comment ?? null,
      at: how.at,
      set: event === 'contract' || event === 'not_adopt' ? { decidedAt: how.at } : undefined,
    });
    if (!row) throw conflict('solution.stale');
    await recordAudit(tx, {
      actorId: how.actorId,
      action: `solution.${event}`,
      entity: 'solution',
      entityId: solutionId,
      before: { status: current.status },
      after: { status: to },
      reason: how.comment ?? null,
      requestId: how.requestId,
      at: how.at,
    });
    return row;
  }

  /** One step of the pilot's state machine, with its audit row: 409 when not allowed now or someone acted first. */
  async function step(
    tx: DbOrTx,
    current: repo.PilotRow,
    event: PilotEvent,
    how: {
      actorId: string;
      comment?: string | null;
      version?: number;
      set?: Partial<repo.NewPilot>;
      requestId?: string;
      at: Date;
      after?: Record<string, unknown>;
    },
  ) {
    const to = nextPilotStatus(current.status, event);
    if (!to) throw conflict('pilot.transition', { event, status: current.status });
    const row = await repo.transitionPilot(tx, {
      id: current.id,
      from: current.status,
      to,
      version: how.version,
      actorId: how.actorId,
      comment: how.comment ?? null,
      at: how.at,
      set: how.set,
    });
    if (!row) throw conflict('pilot.stale');
    await recordAudit(tx, {
      actorId: how.actorId,
      action: `pilot.${event}`,
      entity: 'pilot',
      entityId: row.id,
      before: { status: current.status },
      after: { status: to, ...how.after },
      reason: how.comment ?? null,
      requestId: how.requestId,
      at: how.at,
    });
    return row;
  }

  /** A status notice about the pilot to the given sides. */
  async function tell(
    tx: DbOrTx,
    pilot: repo.PilotRow,
    organizationIds: string[],
    actorId: string,
    at: Date,
    extra?: string | null,
  ) {
    const statusName = PILOT_STATUS_NAMES_RU[pilot.status];
    await notifyOrganizations(
      tx,
      organizationIds,
      actorId,
      {
        kind: `pilot.${pilot.status}`,
        title: `Пилот ${pilot.number}: ${statusName}`,
        body: `Пилот ${pilot.number} (${pilot.startsOn} — ${pilot.endsOn}): ${statusName}.${extra ? `\n${extra}` : ''}`,
        link: `/pilots/${pilot.id}`,
      },
      at,
    );
  }

  /** Records a contract and moves the solution to contract, in the caller's transaction. */
  async function recordContract(
    tx: DbOrTx,
    solution: { id: string; requestId: string; organizationId: string; number: string },
    customerOrganizationId: string,
    pilotId: string | null,
    input: ContractInput,
    how: { actorId: string; requestId?: string; at: Date },
  ) {
    const amount = BigInt(input.amountKopecks);
    const contract = await repo.insertContract(tx, {
      solutionId: solution.id,
      pilotId,
      requestId: solution.requestId,
      organizationId: solution.organizationId,
      customerOrganizationId,
      amountKopecks: amount,
      signedOn: input.signedOn,
      recordedBy: how.actorId,
      createdAt: how.at,
    });
    if (!contract) throw conflict('pilot.contract_exists');
    const comment = `Договор от ${input.signedOn} на ${formatRubles(amount)}`;
    const moved = await moveSolution(tx, solution.id, 'contract', { ...how, comment });
    await recordAudit(tx, {
      actorId: how.actorId,
      action: 'contract.recorded',
      entity: 'contract',
      entityId: contract.id,
      after: { solutionId: solution.id, pilotId, amountKopecks: input.amountKopecks, signedOn: input.signedOn },
      requestId: how.requestId,
      at: how.at,
    });
    await notifyOrganizations(
      tx,
      [solution.organizationId],
      how.actorId,
      {
        kind: 'solution.contract',
        title: `Отклик ${solution.number}: заключён договор`,
        body: `По отклику ${solution.number} заключён договор от ${input.signedOn} на ${formatRubles(amount)}.`,
        link: `/solutions/${solution.id}`,
      },
      how.at,
    );
    return { contract: toContract(contract), solutionStatus: moved.status };
  }

  return {
    // ---- sites

    async listSites(query: {
      kind?: Static<typeof CreateSiteBody>['kind'];
      district?: string;
      q?: string;
      ownerOrganizationId?: string;
      limit: number;
      offset: number;
    }) {
      const page = await repo.listSites(db, query);
      return { items: page.items.map(toSite), total: page.total, limit: query.limit, offset: query.offset };
    },

    async getSite(id: string) {
      const site = await repo.findSite(db, id);
      if (!site) throw notFound('pilot.site_not_found');
      const counts = await repo.countPilotsBySite(db, id);
      return { ...toSite(site), pilotCounts: Object.fromEntries(counts.map((c) => [c.status, c.count])) };
    },

    /** An organization that owns sites registers one (its owners and managers), or the operator for it. */
    async createSite(actor: Actor | null, input: Static<typeof CreateSiteBody>, httpRequestId?: string) {
      const user = requireUser(actor);
      const org = await orgRepo.findOrganization(db, input.ownerOrganizationId);
      const orgRole = org ? await orgRoleOf(db, user, org.id) : undefined;
      if (!org || (!orgRole && !isOperator(user))) throw notFound('organization.not_found');
      if (!isOperator(user)) {
        if (!solutionPolicy.canActFor(orgRole)) throw forbidden();
        if (!org.capabilities.includes('pilot_site_owner')) {
          throw new AppError('pilot.site_owner_capability', 'forbidden');
        }
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const { id } = await repo.insertSite(tx, {
          name: input.name.trim(),
          kind: input.kind,
          ownerOrganizationId: org.id,
          address: input.address.trim(),
          district: input.district,
          testable: input.testable.trim(),
          description: input.description?.trim() ?? '',
          createdAt: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'pilot_site.created',
          entity: 'pilot_site',
          entityId: id,
          after: { name: input.name, kind: input.kind, ownerOrganizationId: org.id, district: input.district },
          requestId: httpRequestId,
          at: now,
        });
        return toSite((await repo.findSite(tx, id))!);
      });
    },

    // ---- pilots

    /**
     * The customer proposes a pilot of a shortlisted solution at TRL 6 or more, for at most three calendar
     * months from a date not in the past, on an active site; one pilot in progress per solution.
     */
    async propose(actor: Actor | null, input: Static<typeof ProposePilotBody>, httpRequestId?: string) {
      const user = requireUser(actor);
      const solution = await solutionRepo.findSolution(db, input.solutionId);
      const request = solution ? await solutionRepo.findRequest(db, solution.requestId) : undefined;
      if (!solution || !request) throw notFound('solution.not_found');
      const [companyRole, customerRole, expert] = await Promise.all([
        orgRoleOf(db, user, solution.organizationId),
        orgRoleOf(db, user, request.organizationId),
        solutionRepo.isRequestExpert(db, request.id, user.userId),
      ]);
      const standing = { companyRole, customerRole, expert, operator: isOperator(user) };
      if (!solutionPolicy.canSeeSolution(standing, solution)) throw notFound('solution.not_found');
      if (!solutionPolicy.canActFor(customerRole)) throw forbidden();

      const now = clock.now();
      const fields: FieldErrors = {};
      const today = moscowToday(now);
      const startIsDate = isCalendarDate(input.startsOn);
      if (!startIsDate) fields.startsOn = 'pilot.date_invalid';
      else if (input.startsOn < today) fields.startsOn = 'pilot.starts_in_past';
      if (!isCalendarDate(input.endsOn)) fields.endsOn = 'pilot.date_invalid';
      else if (startIsDate) {
        const latest = addCalendarMonths(input.startsOn, PILOT_MAX_MONTHS);
        if (input.endsOn <= input.startsOn) fields.endsOn = 'pilot.ends_before_start';
        else if (input.endsOn > latest) {
          fields.endsOn = { code: 'pilot.too_long', params: { months: PILOT_MAX_MONTHS, latest } };
        }
      }
      if (!input.plan.trim()) fields.plan = 'field.required';
      if (Object.keys(fields).length) throw invalidFields(fields);

      if (solution.status !== 'shortlisted') {
        throw conflict('pilot.solution_not_shortlisted', { status: solution.status });
      }
      if (solution.trl < PILOT_MIN_TRL) {
        const params = { minTrl: PILOT_MIN_TRL, trl: solution.trl };
        throw new AppError('pilot.trl_too_low', 'conflict', params, { trl: { code: 'pilot.trl_too_low', params } });
      }
      const site = await repo.findSite(db, input.siteId);
      if (!site) throw notFound('pilot.site_not_found');
      if (!site.active) throw conflict('pilot.site_inactive');

      return db.transaction(async (tx) => {
        // the solution's row lock orders this against a contract without a pilot signed at the same moment
        const locked = await solutionRepo.findSolution(tx, solution.id, { lock: true });
        if (locked?.status !== 'shortlisted') {
          throw conflict('pilot.solution_not_shortlisted', { status: locked?.status ?? solution.status });
        }
        const number = formatPilotNumber(now.getUTCFullYear(), await repo.nextPilotSequence(tx));
        const pilot = await repo.insertPilot(tx, {
          number,
          solutionId: solution.id,
          requestId: request.id,
          siteId: site.id,
          organizationId: solution.organizationId,
          customerOrganizationId: request.organizationId,
          proposedBy: user.userId,
          plan: input.plan.trim(),
          trl: solution.trl,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          status: 'proposed',
          createdAt: now,
          updatedAt: now,
        });
        if (!pilot) {
          const open = await repo.findOpenPilot(tx, solution.id);
          throw conflict('pilot.already_open', { pilotId: open?.id ?? null, number: open?.number ?? '' });
        }
        await timelines.insertStatusEvent(tx, 'pilot', {
          entityId: pilot.id,
          fromStatus: null,
          toStatus: 'proposed',
          actorId: user.userId,
          comment: null,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'pilot.proposed',
          entity: 'pilot',
          entityId: pilot.id,
          after: {
            status: 'proposed',
            number,
            solutionId: solution.id,
            siteId: site.id,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
          },
          requestId: httpRequestId,
          at: now,
        });
        await notifyOrganizations(
          tx,
          [site.ownerOrganizationId, solution.organizationId],
          user.userId,
          {
            kind: 'pilot.proposed',
            title: `Предложен пилот ${number} на площадке «${site.name}»`,
            body:
              `Заказчик запроса «${request.title}» предлагает пилот решения ${solution.number} на площадке ` +
              `«${site.name}» с ${input.startsOn} по ${input.endsOn}. Площадка подтверждает или отклоняет пилот.`,
            link: `/pilots/${pilot.id}`,
          },
          now,
        );
        return toPilot(pilot);
      });
    },

    /** Pilots the caller takes part in through one of its organizations; the operator sees all. */
    async list(
      actor: Actor | null,
      query: { statuses?: PilotStatus[]; organizationId?: string; limit: number; offset: number },
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
      const page = await repo.listPilots(db, { ...query, organizationIds });
      return {
        items: page.items.map((i) => toListItem(i)),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    async get(actor: Actor | null, id: string) {
      const { standing } = await load(actor, id);
      const view = (await repo.findPilotView(db, id))!;
      const [timeline, contract] = await Promise.all([
        timelines.listStatusEvents(db, 'pilot', id),
        repo.findContractBySolution(db, view.pilot.solutionId),
      ]);
      return {
        ...toListItem(view),
        solutionStatus: view.solutionStatus,
        siteAddress: view.siteAddress,
        siteDistrict: view.siteDistrict,
        siteOwnerName: view.siteOwnerName,
        viewerRoles: policy.viewerRoles(standing),
        timeline: timeline.map(({ toStatus, ...e }) => ({ ...e, status: toStatus, at: e.at.toISOString() })),
        contract: contract && contract.pilotId === id ? toContract(contract) : null,
      };
    },

    /** The site's owner approves (the solution goes to pilot) or rejects with a comment. */
    async approve(actor: Actor | null, id: string, input: Static<typeof ApproveBody>, httpRequestId?: string) {
      const { user, pilot } = await loadAs(actor, id, policy.canActAsSiteOwner);
      const comment = input.comment?.trim() || null;
      if (!input.approve && !comment) throw invalidFields({ comment: 'field.comment_required' });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await step(tx, pilot, input.approve ? 'approve' : 'reject', {
          actorId: user.userId,
          comment,
          version: input.version,
          requestId: httpRequestId,
          at: now,
        });
        if (input.approve) {
          await moveSolution(tx, pilot.solutionId, 'pilot', {
            actorId: user.userId,
            comment: `Пилот ${pilot.number} одобрен площадкой`,
            requestId: httpRequestId,
            at: now,
          });
        }
        await tell(
          tx,
          row,
          [pilot.organizationId, pilot.customerOrganizationId],
          user.userId,
          now,
          comment && `Комментарий площадки: ${comment}`,
        );
        return toPilot(row);
      });
    },

    /** The customer or the company starts an approved pilot. */
    async start(actor: Actor | null, id: string, httpRequestId?: string) {
      const { user, pilot, siteOwnerOrganizationId } = await loadAs(actor, id, policy.canStart);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await step(tx, pilot, 'start', {
          actorId: user.userId,
          requestId: httpRequestId,
          at: now,
          set: { startedAt: now },
        });
        await tell(
          tx,
          row,
          [pilot.organizationId, pilot.customerOrganizationId, siteOwnerOrganizationId],
          user.userId,
          now,
        );
        return toPilot(row);
      });
    },

    /**
     * The customer completes a running pilot with the outcome and the report. Failure: the solution is not
     * adopted. Success with a contract: the contract is recorded and the solution goes to contract. Success
     * without one: the solution stays in pilot until POST /api/pilots/{id}/contract.
     */
    async complete(actor: Actor | null, id: string, input: Static<typeof CompleteBody>, httpRequestId?: string) {
      const { user, pilot, siteOwnerOrganizationId } = await loadAs(actor, id, policy.canActAsCustomer);
      const now = clock.now();
      const report = input.resultReport.trim();
      const fields: FieldErrors = {};
      if (!report) fields.resultReport = 'field.required';
      if (input.contract) {
        if (input.outcome === 'failure') fields.contract = 'pilot.contract_needs_success';
        else Object.assign(fields, contractFields(input.contract, 'contract.', now));
      }
      if (Object.keys(fields).length) throw invalidFields(fields);
      return db.transaction(async (tx) => {
        const row = await step(tx, pilot, 'complete', {
          actorId: user.userId,
          comment: input.outcome === 'success' ? 'Пилот успешен' : 'Пилот неуспешен',
          version: input.version,
          requestId: httpRequestId,
          at: now,
          set: { outcome: input.outcome, resultReport: report, completedAt: now },
          after: { outcome: input.outcome },
        });
        let solutionStatus: string;
        let contract: ReturnType<typeof toContract> | null = null;
        if (input.outcome === 'failure') {
          solutionStatus = (
            await moveSolution(tx, pilot.solutionId, 'not_adopt', {
              actorId: user.userId,
              comment: `Пилот ${pilot.number} неуспешен`,
              requestId: httpRequestId,
              at: now,
            })
          ).status;
        } else if (input.contract) {
          const solution = (await solutionRepo.findSolution(tx, pilot.solutionId))!;
          const recorded = await recordContract(tx, solution, pilot.customerOrganizationId, pilot.id, input.contract, {
            actorId: user.userId,
            requestId: httpRequestId,
            at: now,
          });
          solutionStatus = recorded.solutionStatus;
          contract = recorded.contract;
        } else {
          solutionStatus = (await solutionRepo.findSolution(tx, pilot.solutionId))!.status;
        }
        await tell(
          tx,
          row,
          [pilot.organizationId, pilot.customerOrganizationId, siteOwnerOrganizationId],
          user.userId,
          now,
          `Итог: ${input.outcome === 'success' ? 'успех' : 'неуспех'}.`,
        );
        return { pilot: toPilot(row), solutionStatus, contract };
      });
    },

    /** The contract after a successful pilot completed without one. */
    async contractAfterPilot(actor: Actor | null, id: string, input: ContractInput, httpRequestId?: string) {
      const { user, pilot } = await loadAs(actor, id, policy.canActAsCustomer);
      const now = clock.now();
      const fields = contractFields(input, '', now);
      if (Object.keys(fields).length) throw invalidFields(fields);
      if (pilot.status !== 'completed' || pilot.outcome !== 'success') throw conflict('pilot.not_successful');
      return db.transaction(async (tx) => {
        const solution = (await solutionRepo.findSolution(tx, pilot.solutionId))!;
        const recorded = await recordContract(tx, solution, pilot.customerOrganizationId, pilot.id, input, {
          actorId: user.userId,
          requestId: httpRequestId,
          at: now,
        });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'pilot.contract',
          entity: 'pilot',
          entityId: pilot.id,
          after: { contractId: recorded.contract.id, amountKopecks: input.amountKopecks },
          requestId: httpRequestId,
          at: now,
        });
        return recorded;
      });
    },

    /** A contract straight from the shortlist, when the customer needs no pilot. */
    async contractWithoutPilot(actor: Actor | null, solutionId: string, input: ContractInput, httpRequestId?: string) {
      const user = requireUser(actor);
      const solution = await solutionRepo.findSolution(db, solutionId);
      const request = solution ? await solutionRepo.findRequest(db, solution.requestId) : undefined;
      if (!solution || !request) throw notFound('solution.not_found');
      const [companyRole, customerRole, expert] = await Promise.all([
        orgRoleOf(db, user, solution.organizationId),
        orgRoleOf(db, user, request.organizationId),
        solutionRepo.isRequestExpert(db, request.id, user.userId),
      ]);
      const standing = { companyRole, customerRole, expert, operator: isOperator(user) };
      if (!solutionPolicy.canSeeSolution(standing, solution)) throw notFound('solution.not_found');
      if (!solutionPolicy.canActFor(customerRole)) throw forbidden();
      const now = clock.now();
      const fields = contractFields(input, '', now);
      if (Object.keys(fields).length) throw invalidFields(fields);
      if (solution.status !== 'shortlisted') {
        throw conflict('solution.transition', { event: 'contract', status: solution.status });
      }
      return db.transaction(async (tx) => {
        const recorded = await recordContract(tx, solution, request.organizationId, null, input, {
          actorId: user.userId,
          requestId: httpRequestId,
          at: now,
        });
        // after the solution's row lock: a pilot proposed at the same moment is either seen here or refused there
        const open = await repo.findOpenPilot(tx, solution.id);
        if (open) throw conflict('solution.pilot_open', { pilotId: open.id, number: open.number });
        return recorded;
      });
    },
  };
}

type PilotListRow = NonNullable<Awaited<ReturnType<typeof repo.findPilotView>>>;

function toListItem(row: PilotListRow) {
  return {
    ...toPilot(row.pilot),
    solutionNumber: row.solutionNumber,
    solutionSummary: row.solutionSummary,
    requestTitle: row.requestTitle,
    siteName: row.siteName,
    siteOwnerOrganizationId: row.siteOwnerOrganizationId,
    organizationName: row.organizationName,
    customerName: row.customerName,
  };
}

export type PilotsService = ReturnType<typeof createPilotsService>;
