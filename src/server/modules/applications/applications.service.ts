import type { Static } from 'typebox';
import { moscowToday } from '../../../shared/calendar-dates.ts';
import type { ApplicationStatus, Kpis } from '../../../shared/measures.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, mayActFor, requireOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { evaluateEligibility } from '../measures/eligibility.ts';
import { notifyOperators, notifyOrganization } from '../notifications/notify.ts';
import { actorOrganizationIds, orgRoleOf } from '../organizations/org-role.ts';
import * as orgRepo from '../organizations/organizations.repository.ts';
import { checkConsortiumProject } from '../projects/consortium.ts';
import {
  type ApplicationEvent,
  allowedApplicationEvents,
  EDITABLE_STATUSES,
  nextApplicationStatus,
  REPORTING_STATUSES,
} from './application-status.ts';
import * as policy from './applications.policy.ts';
import * as repo from './applications.repository.ts';
import type {
  CreateApplicationBody,
  DecisionBody,
  FileReportBody,
  PatchApplicationBody,
  TrancheBody,
} from './applications.schemas.ts';
import { type FieldErrors, fileIdsOf, validateAnswers } from './form-answers.ts';
import { formatRubles, isFullyPaid, remainingKopecks } from './money.ts';

export type CreateApplicationInput = Static<typeof CreateApplicationBody>;
export type PatchApplicationInput = Static<typeof PatchApplicationBody>;

const STATUS_NAMES_RU: Record<ApplicationStatus, string> = {
  draft: 'черновик',
  submitted: 'подана',
  returned: 'возвращена на доработку',
  registered: 'зарегистрирована',
  under_review: 'на экспертизе',
  approved: 'одобрена',
  rejected: 'отклонена',
  agreement_signed: 'соглашение подписано',
  disbursing: 'выплата траншей',
  reporting: 'отчётность',
  completed: 'завершена',
  withdrawn: 'отозвана',
};

export function formatApplicationNumber(year: number, sequence: number): string {
  return `ЗП-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Adds whole months to a UTC date, keeping the day or the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Report due dates: `count` reports, one every `intervalMonths`, the first `intervalMonths` after signing. */
export function reportDueDates(signedAt: Date, count: number, intervalMonths: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(signedAt, intervalMonths * (i + 1)));
}

export function toApplication(row: repo.ApplicationRow) {
  return {
    id: row.id,
    number: row.number,
    measureId: row.measureId,
    organizationId: row.organizationId,
    applicantId: row.applicantId,
    status: row.status,
    requestedAmountKopecks: row.requestedAmountKopecks.toString(),
    approvedAmountKopecks: row.approvedAmountKopecks?.toString() ?? null,
    paidKopecks: row.paidKopecks.toString(),
    answers: row.answers,
    promisedKpis: row.promisedKpis,
    projectId: row.projectId,
    lastComment: row.lastComment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedEvents: allowedApplicationEvents(row.status),
  };
}

function toReport(row: repo.ReportRow, today: string) {
  return {
    id: row.id,
    sequence: row.sequence,
    dueOn: row.dueOn,
    status: row.status,
    kpis: row.kpis ?? null,
    comment: row.comment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    overdue: (row.status === 'due' || row.status === 'returned') && row.dueOn < today,
  };
}

const isOpenWindow = (measure: repo.MeasureRow, now: Date) =>
  measure.status === 'published' && measure.opensAt <= now && now < measure.closesAt;

export function createApplicationsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The application with the actor's role in its organization; 404 for those who may not know it exists. */
  async function load(actor: Actor, id: string) {
    const found = await repo.findApplicationWithOrgRole(db, id, actor.userId);
    // another organization's API token does not act through its creator's membership
    if (found && !mayActFor(actor, found.row.organizationId)) found.orgRole = undefined;
    if (!found || !policy.canSeeApplication(actor, found.orgRole)) throw notFound('application.not_found');
    return found;
  }

  /** For the company's own actions: its owners and managers. */
  async function loadForCompany(actor: Actor | null, id: string) {
    const user = requireUser(actor);
    const { row, orgRole } = await load(user, id);
    if (!policy.canActForCompany(orgRole)) throw forbidden();
    return { user, row };
  }

  async function loadForOperator(actor: Actor | null, id: string) {
    const user = requireOperator(actor);
    const row = await repo.findApplication(db, id);
    if (!row) throw notFound('application.not_found');
    return { user, row };
  }

  /** What is wrong with the amount and the answers for this measure; file answers must be the company's files. */
  async function checkContent(
    measure: repo.MeasureRow,
    content: { requestedAmountKopecks?: bigint; answers?: Record<string, unknown> },
    owner: { organizationId: string; userId: string },
    complete: boolean,
  ) {
    const fields: FieldErrors = {};
    if (content.requestedAmountKopecks !== undefined && content.requestedAmountKopecks > measure.maxAmountKopecks) {
      fields.requestedAmountKopecks = {
        code: 'field.amount_above_max',
        params: { limit: measure.maxAmountKopecks.toString() },
      };
    }
    const documents: Array<{ fieldKey: string; fileId: string }> = [];
    if (content.answers) {
      Object.assign(fields, validateAnswers(measure.formFields, content.answers, { complete }));
      for (const field of measure.formFields) {
        if (field.type !== 'file' || fields[`answers.${field.key}`]) continue;
        for (const fileId of fileIdsOf(content.answers[field.key])) documents.push({ fieldKey: field.key, fileId });
      }
      const usable = await repo.findUsableFileIds(
        db,
        documents.map((d) => d.fileId),
        owner.organizationId,
        owner.userId,
      );
      for (const d of documents) if (!usable.has(d.fileId)) fields[`answers.${d.fieldKey}`] = 'field.file_unknown';
    }
    if (Object.keys(fields).length) throw invalidFields(fields);
    return documents;
  }

  /** Audit row and notification of the organization's people for a status change, in its transaction. */
  async function announce(
    tx: DbOrTx,
    change: {
      row: repo.ApplicationRow;
      from: ApplicationStatus;
      event: ApplicationEvent;
      actorId: string;
      comment: string | null;
      requestId?: string;
      at: Date;
      after?: Record<string, unknown>;
      /** the application's measure, when the caller has it already */
      measure?: repo.MeasureRow;
    },
  ) {
    const { row } = change;
    const measure = change.measure ?? (await repo.findMeasure(tx, row.measureId));
    await recordAudit(tx, {
      actorId: change.actorId,
      action: `application.${change.event}`,
      entity: 'application',
      entityId: row.id,
      before: { status: change.from },
      after: { status: row.status, ...change.after },
      reason: change.comment,
      requestId: change.requestId,
      at: change.at,
    });
    const statusName = STATUS_NAMES_RU[row.status];
    await notifyOrganization(
      tx,
      row.organizationId,
      {
        kind: 'application.status',
        title: `Заявка ${row.number}: ${statusName}`,
        body: `Заявка ${row.number} на меру «${measure?.title ?? ''}»: ${statusName}.${change.comment ? `\nКомментарий: ${change.comment}` : ''}`,
        link: `/applications/${row.id}`,
      },
      change.at,
    );
  }

  /** One step of the state machine: 409 when the step is not allowed now or someone acted first. */
  async function step(
    tx: DbOrTx,
    current: repo.ApplicationRow,
    event: ApplicationEvent,
    how: {
      actorId: string;
      comment?: string | null;
      version?: number;
      set?: Partial<repo.NewApplication>;
      requestId?: string;
      at: Date;
      after?: Record<string, unknown>;
    },
  ) {
    const to = nextApplicationStatus(current.status, event);
    if (!to) throw conflict('application.transition', { event, status: current.status });
    const row = await repo.transitionApplication(tx, {
      id: current.id,
      from: current.status,
      to,
      version: how.version,
      actorId: how.actorId,
      comment: how.comment ?? null,
      at: how.at,
      set: how.set,
    });
    if (!row) throw conflict('application.stale');
    await announce(tx, {
      row,
      from: current.status,
      event,
      actorId: how.actorId,
      comment: how.comment ?? null,
      requestId: how.requestId,
      at: how.at,
      after: how.after,
    });
    return row;
  }

  return {
    async create(actor: Actor | null, input: CreateApplicationInput, requestId?: string) {
      const user = requireUser(actor);
      const org = await orgRepo.findOrganization(db, input.organizationId);
      const orgRole = org ? await orgRoleOf(db, user, org.id) : undefined;
      if (!org || !orgRole) throw org && isOperator(user) ? forbidden() : notFound('organization.not_found');
      if (!policy.canActForCompany(orgRole)) throw forbidden();
      const measure = await repo.findMeasure(db, input.measureId);
      if (!measure || measure.status === 'draft') throw notFound('application.measure_not_found');
      const now = clock.now();
      if (!isOpenWindow(measure, now)) throw conflict('application.measure_closed');
      const eligibility = evaluateEligibility(measure.eligibility, org, now);
      if (!eligibility.eligible) {
        const failing = eligibility.checks.filter((c) => !c.met);
        throw new AppError('application.not_eligible', 'conflict', {
          failed: failing.map((c) => c.reason).join('; '),
          checks: failing,
        });
      }
      const requested = BigInt(input.requestedAmountKopecks);
      const documents = await checkContent(
        measure,
        { requestedAmountKopecks: requested, answers: input.answers },
        { organizationId: org.id, userId: user.userId },
        false,
      );
      // a consortium grant names the project the applicant leads, with enough confirmed participants
      const project = await checkConsortiumProject(db, measure.eligibility, org.id, input.projectId);
      return db.transaction(async (tx) => {
        const number = formatApplicationNumber(now.getUTCFullYear(), await repo.nextApplicationSequence(tx));
        const row = await repo.insertApplication(tx, {
          number,
          measureId: measure.id,
          organizationId: org.id,
          applicantId: user.userId,
          status: 'draft',
          requestedAmountKopecks: requested,
          answers: input.answers,
          promisedKpis: (input.promisedKpis ?? {}) as Kpis,
          createdAt: now,
          updatedAt: now,
        });
        if (!row) throw conflict('application.already_open');
        const created = project ? (await repo.setApplicationProject(tx, row.id, project.id))! : row;
        await repo.insertEvent(tx, {
          applicationId: row.id,
          status: 'draft',
          comment: null,
          actorId: user.userId,
          at: now,
        });
        // a new application has no documents to replace
        if (documents.length) await repo.replaceDocuments(tx, row.id, documents, now);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'application.created',
          entity: 'application',
          entityId: row.id,
          after: {
            status: 'draft',
            number,
            measureId: measure.id,
            organizationId: org.id,
            requestedAmountKopecks: input.requestedAmountKopecks,
            ...(project ? { projectId: project.id, consortiumParticipants: project.confirmedParticipants } : {}),
          },
          requestId,
          at: now,
        });
        return toApplication(created);
      });
    },

    async list(
      actor: Actor | null,
      query: {
        organizationId?: string;
        statuses?: ApplicationStatus[];
        measureId?: string;
        q?: string;
        sort: repo.ApplicationSort;
        limit: number;
        offset: number;
      },
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
      const { organizationId: _, ...filter } = query;
      const page = await repo.listApplications(db, { ...filter, organizationIds });
      return {
        items: page.items.map((i) => ({
          ...toApplication(i.application),
          measureTitle: i.measureTitle,
          organizationName: i.organizationName,
        })),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
        counts: Object.fromEntries(page.counts.map((c) => [c.status, c.count])),
      };
    },

    /** The whole file: timeline, tranches, reports (overdue flagged), documents and the measure's remaining budget. */
    async get(actor: Actor | null, id: string) {
      const user = requireUser(actor);
      const { row } = await load(user, id);
      const [measure, org, timeline, tranches, reports, documents] = await Promise.all([
        repo.findMeasure(db, row.measureId),
        orgRepo.findOrganization(db, row.organizationId),
        repo.listEvents(db, id),
        repo.listTranches(db, id),
        repo.listReports(db, id),
        repo.listDocuments(db, id),
      ]);
      const today = moscowToday(clock.now());
      return {
        ...toApplication(row),
        measureTitle: measure!.title,
        organizationName: org!.shortName,
        maxAmountKopecks: measure!.maxAmountKopecks.toString(),
        remainingBudgetKopecks: remainingKopecks(measure!).toString(),
        timeline: timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
        tranches: tranches.map((t) => ({
          id: t.id,
          amountKopecks: t.amountKopecks.toString(),
          milestone: t.milestone,
          paidAt: t.paidAt.toISOString(),
        })),
        reports: reports.map((r) => toReport(r, today)),
        documents: documents.map((d) => ({ ...d, attachedAt: d.attachedAt.toISOString() })),
      };
    },

    /** The company edits a draft or a returned file; `version` refuses a stale edit. */
    async update(actor: Actor | null, id: string, patch: PatchApplicationInput, requestId?: string) {
      const { user, row } = await loadForCompany(actor, id);
      if (!EDITABLE_STATUSES.includes(row.status))
        throw conflict('application.transition', { event: 'edit', status: row.status });
      const measure = (await repo.findMeasure(db, row.measureId))!;
      const requested = patch.requestedAmountKopecks !== undefined ? BigInt(patch.requestedAmountKopecks) : undefined;
      const documents = await checkContent(
        measure,
        { requestedAmountKopecks: requested, answers: patch.answers },
        { organizationId: row.organizationId, userId: user.userId },
        false,
      );
      const projectId = patch.projectId === undefined ? row.projectId : patch.projectId;
      if (patch.projectId !== undefined) {
        await checkConsortiumProject(db, measure.eligibility, row.organizationId, patch.projectId);
      }
      const now = clock.now();
      return db.transaction(async (tx) => {
        const updated = await repo.updateEditable(
          tx,
          id,
          patch.version ?? row.version,
          {
            ...(patch.answers !== undefined ? { answers: patch.answers } : {}),
            ...(requested !== undefined ? { requestedAmountKopecks: requested } : {}),
            ...(patch.promisedKpis !== undefined ? { promisedKpis: patch.promisedKpis as Kpis } : {}),
          },
          now,
        );
        if (!updated) throw conflict('application.stale');
        // new answers replace the old ones whole: the consortium project kept beside them is named again
        const saved =
          patch.answers !== undefined || patch.projectId !== undefined
            ? (await repo.setApplicationProject(tx, id, projectId))!
            : updated;
        if (patch.answers !== undefined) await repo.replaceDocuments(tx, id, documents, now);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'application.updated',
          entity: 'application',
          entityId: id,
          before: { version: row.version, requestedAmountKopecks: row.requestedAmountKopecks.toString() },
          after: { version: updated.version, fields: Object.keys(patch).filter((k) => k !== 'version') },
          requestId,
          at: now,
        });
        return toApplication(saved);
      });
    },

    /** Checks the file against the form and submits it; an already submitted application comes back unchanged. */
    async submit(actor: Actor | null, id: string, requestId?: string) {
      const { user, row } = await loadForCompany(actor, id);
      if (row.status === 'submitted') return toApplication(row);
      const measure = (await repo.findMeasure(db, row.measureId))!;
      const now = clock.now();
      if (!nextApplicationStatus(row.status, 'submit')) {
        throw conflict('application.transition', { event: 'submit', status: row.status });
      }
      if (!isOpenWindow(measure, now)) throw conflict('application.measure_closed');
      await checkContent(
        measure,
        { requestedAmountKopecks: row.requestedAmountKopecks, answers: row.answers },
        { organizationId: row.organizationId, userId: user.userId },
        true,
      );
      // the partners may have changed since the draft: the consortium is counted again as it is submitted
      await checkConsortiumProject(db, measure.eligibility, row.organizationId, row.projectId);
      return db.transaction(async (tx) => {
        const submitted = await repo.transitionApplication(tx, {
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
          const current = await repo.findApplication(tx, id);
          if (current?.status === 'submitted') return toApplication(current);
          throw conflict('application.stale');
        }
        await announce(tx, {
          row: submitted,
          measure,
          from: row.status,
          event: 'submit',
          actorId: user.userId,
          comment: null,
          requestId,
          at: now,
        });
        return toApplication(submitted);
      });
    },

    async withdraw(actor: Actor | null, id: string, reason: string | undefined, requestId?: string) {
      const { user, row } = await loadForCompany(actor, id);
      const now = clock.now();
      return db.transaction(async (tx) =>
        toApplication(
          await step(tx, row, 'withdraw', {
            actorId: user.userId,
            comment: reason?.trim() || null,
            requestId,
            at: now,
          }),
        ),
      );
    },

    async register(actor: Actor | null, id: string, requestId?: string) {
      const { user, row } = await loadForOperator(actor, id);
      const now = clock.now();
      return db.transaction(async (tx) =>
        toApplication(await step(tx, row, 'register', { actorId: user.userId, requestId, at: now })),
      );
    },

    async returnForFixes(actor: Actor | null, id: string, comment: string, requestId?: string) {
      const { user, row } = await loadForOperator(actor, id);
      if (!comment.trim()) throw invalidFields({ comment: 'field.comment_required' });
      const now = clock.now();
      return db.transaction(async (tx) =>
        toApplication(
          await step(tx, row, 'return', { actorId: user.userId, comment: comment.trim(), requestId, at: now }),
        ),
      );
    },

    /**
     * Approve with an amount or reject with a reason. An approval commits the amount to the measure's budget
     * with a conditional UPDATE in the same transaction: when it does not fit, 409 and nothing changes.
     */
    async decide(actor: Actor | null, id: string, input: Static<typeof DecisionBody>, requestId?: string) {
      const { user, row } = await loadForOperator(actor, id);
      const reason = input.reason.trim();
      const fields: FieldErrors = {};
      if (!reason) fields.reason = 'field.reason_required';
      const amount = input.amountKopecks !== undefined ? BigInt(input.amountKopecks) : undefined;
      if (input.decision === 'approve') {
        if (amount === undefined) fields.amountKopecks = 'field.required';
        else if (amount > row.requestedAmountKopecks) {
          fields.amountKopecks = {
            code: 'field.amount_above_requested',
            params: { limit: row.requestedAmountKopecks.toString() },
          };
        }
      }
      if (Object.keys(fields).length) throw invalidFields(fields);
      const now = clock.now();
      return db.transaction(async (tx) => {
        if (input.decision === 'reject') {
          return toApplication(
            await step(tx, row, 'reject', {
              actorId: user.userId,
              comment: reason,
              version: input.version,
              requestId,
              at: now,
              set: { decidedAt: now },
            }),
          );
        }
        const approved = await step(tx, row, 'approve', {
          actorId: user.userId,
          comment: reason,
          version: input.version,
          requestId,
          at: now,
          set: { decidedAt: now, approvedAmountKopecks: amount! },
          after: { approvedAmountKopecks: amount!.toString() },
        });
        const committed = await repo.commitBudget(tx, row.measureId, amount!);
        if (!committed) {
          const measure = (await repo.findMeasure(tx, row.measureId))!;
          throw conflict('application.budget_exhausted', { remainingKopecks: remainingKopecks(measure).toString() });
        }
        return toApplication(approved);
      });
    },

    /** The company signs the agreement; its report schedule starts one interval after signing. */
    async signAgreement(actor: Actor | null, id: string, requestId?: string) {
      const { user, row } = await loadForCompany(actor, id);
      const measure = (await repo.findMeasure(db, row.measureId))!;
      const now = clock.now();
      return db.transaction(async (tx) => {
        const dueDates = reportDueDates(now, measure.reportCount, measure.reportIntervalMonths);
        const signed = await step(tx, row, 'sign_agreement', {
          actorId: user.userId,
          requestId,
          at: now,
          after: { reportsDue: dueDates },
        });
        await repo.insertReports(tx, id, dueDates);
        return toApplication(signed);
      });
    },

    /**
     * Records a tranche: the paid total grows only while it stays within the approved amount (conditional UPDATE,
     * so concurrent tranches cannot overpay). When everything is paid, the application moves on to reporting.
     */
    async payTranche(actor: Actor | null, id: string, input: Static<typeof TrancheBody>, requestId?: string) {
      const { user } = await loadForOperator(actor, id);
      const amount = BigInt(input.amountKopecks);
      const milestone = input.milestone.trim();
      const now = clock.now();
      return db.transaction(async (tx) => {
        const paid = await repo.addPaid(tx, id, amount, now);
        if (!paid) {
          const current = (await repo.findApplication(tx, id))!;
          if (current.status !== 'agreement_signed' && current.status !== 'disbursing') {
            throw conflict('application.transition', { event: 'pay', status: current.status });
          }
          const left = (current.approvedAmountKopecks ?? 0n) - current.paidKopecks;
          throw conflict('application.tranche_exceeds_approved', { leftKopecks: left.toString() });
        }
        const tranche = await repo.insertTranche(tx, {
          applicationId: id,
          amountKopecks: amount,
          milestone,
          paidAt: now,
          recordedBy: user.userId,
        });
        let row = await step(tx, paid, 'pay', {
          actorId: user.userId,
          comment: `Транш ${formatRubles(amount)}: ${milestone}`,
          requestId,
          at: now,
          after: { trancheId: tranche.id, amountKopecks: amount.toString(), paidKopecks: paid.paidKopecks.toString() },
        });
        if (isFullyPaid({ approvedKopecks: row.approvedAmountKopecks ?? 0n, paidKopecks: row.paidKopecks })) {
          row = await step(tx, row, 'start_reporting', { actorId: user.userId, requestId, at: now });
          // a measure without reports is complete once paid
          if ((await repo.countOpenReports(tx, id)) === 0)
            row = await step(tx, row, 'complete', { actorId: user.userId, requestId, at: now });
        }
        return {
          id: tranche.id,
          amountKopecks: amount.toString(),
          paidTotalKopecks: row.paidKopecks.toString(),
          status: row.status,
        };
      });
    },

    /** The company files a due (or returned) report with the KPIs it reached. */
    async fileReport(actor: Actor | null, id: string, input: Static<typeof FileReportBody>, requestId?: string) {
      const { user, row } = await loadForCompany(actor, id);
      if (!REPORTING_STATUSES.includes(row.status))
        throw conflict('application.transition', { event: 'report', status: row.status });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const report = await repo.transitionReport(tx, {
          applicationId: id,
          reportId: input.reportId,
          from: ['due', 'returned'],
          to: 'submitted',
          set: { kpis: input.kpis as Kpis, comment: input.comment?.trim() || null, submittedAt: now },
        });
        if (!report) throw await reportRefusal(tx, id, input.reportId);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'application.report_submitted',
          entity: 'application',
          entityId: id,
          after: { reportId: report.id, sequence: report.sequence, kpis: input.kpis },
          requestId,
          at: now,
        });
        await notifyOperators(
          tx,
          {
            kind: 'report.submitted',
            title: `Отчёт №${report.sequence} по заявке ${row.number} сдан`,
            body: `Компания сдала отчёт №${report.sequence} по заявке ${row.number}. Примите его или верните с комментарием.`,
            link: `/operator/applications/${id}`,
          },
          now,
        );
        return { report: toReport(report, moscowToday(now)), applicationStatus: row.status };
      });
    },

    /** The operator accepts a filed report (the last one completes the application) or returns it with a comment. */
    async reviewReport(
      actor: Actor | null,
      id: string,
      reportId: string,
      verdict: { accept: true } | { accept: false; comment: string },
      requestId?: string,
    ) {
      const { user, row } = await loadForOperator(actor, id);
      const comment = verdict.accept ? null : verdict.comment.trim();
      if (comment === '') throw invalidFields({ comment: 'field.comment_required' });
      const now = clock.now();
      return db.transaction(async (tx) => {
        const report = await repo.transitionReport(tx, {
          applicationId: id,
          reportId,
          from: ['submitted'],
          to: verdict.accept ? 'accepted' : 'returned',
          set: verdict.accept ? { acceptedAt: now } : { comment },
        });
        if (!report) throw await reportRefusal(tx, id, reportId);
        await recordAudit(tx, {
          actorId: user.userId,
          action: verdict.accept ? 'application.report_accepted' : 'application.report_returned',
          entity: 'application',
          entityId: id,
          before: { reportId, status: 'submitted' },
          after: { reportId, status: report.status },
          reason: comment,
          requestId,
          at: now,
        });
        await notifyOrganization(
          tx,
          row.organizationId,
          {
            kind: 'application.report',
            title: `Заявка ${row.number}: отчёт №${report.sequence} ${verdict.accept ? 'принят' : 'возвращён на доработку'}`,
            body: `Отчёт №${report.sequence} по заявке ${row.number} ${verdict.accept ? 'принят' : `возвращён на доработку.\nКомментарий: ${comment}`}`,
            link: `/applications/${id}`,
          },
          now,
        );
        let status = row.status;
        if (verdict.accept && (await repo.countOpenReports(tx, id)) === 0) {
          const current = (await repo.findApplication(tx, id))!;
          if (current.status === 'reporting') {
            status = (await step(tx, current, 'complete', { actorId: user.userId, requestId, at: now })).status;
          }
        }
        return { report: toReport(report, moscowToday(now)), applicationStatus: status };
      });
    },
  };
}

/** Why a report could not move: it does not exist (404) or is not in a status that allows it (409). */
async function reportRefusal(tx: DbOrTx, applicationId: string, reportId: string) {
  const existing = (await repo.listReports(tx, applicationId)).find((r) => r.id === reportId);
  return existing
    ? conflict('application.report_transition', { status: existing.status })
    : notFound('application.report_not_found');
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
