import type { Recommendation } from '../../../shared/measures.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type Actor, isOperator, requireOperator, requireUser } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalidFields, notFound } from '../../http/app-error.ts';
import { nextApplicationStatus } from '../applications/application-status.ts';
import { transitionApplication } from '../applications/applications.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findMeasure } from '../measures/measures.repository.ts';
import { notifyOperators, notifyUsers } from '../notifications/notify.ts';
import { orgRoleOf } from '../organizations/org-role.ts';
import { consensusOf, weightedScore } from './consensus.ts';
import { DONE_REVIEW_STATUSES, hasDeclared, nextReviewStatus, OPEN_REVIEW_STATUSES } from './review-status.ts';
import * as policy from './reviews.policy.ts';
import * as repo from './reviews.repository.ts';

/** Applications open to assignment: registered (the first experts start the review) or already under review. */
const ASSIGNABLE_STATUSES = new Set(['registered', 'under_review']);

type ReviewWithApplication = NonNullable<Awaited<ReturnType<typeof repo.findReview>>>;

function toSummary(actor: Actor, row: ReviewWithApplication) {
  const { review, application } = row;
  return {
    id: review.id,
    applicationId: application.id,
    applicationNumber: application.number,
    measureTitle: application.measureTitle,
    organizationName: application.organizationName,
    status: review.status,
    assignedAt: review.assignedAt.toISOString(),
    declaredAt: review.declaredAt?.toISOString() ?? null,
    submittedAt: review.submittedAt?.toISOString() ?? null,
    answers: policy.canSeeFullApplication(actor, { status: review.status, expertUserId: row.expertUserId })
      ? application.answers
      : null,
  };
}

export function createReviewsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The review if the actor may open it at all: its own expert, or the operator. Others get 404. */
  async function reviewFor(tx: DbOrTx, actor: Actor, id: string) {
    const row = await repo.findReview(tx, id);
    if (!row || (row.expertUserId !== actor.userId && !isOperator(actor))) throw notFound('review.not_found');
    return row;
  }

  /** The expert's own review, in a status that lets `event` happen, while the application is under review. */
  async function ownReviewFor(tx: DbOrTx, actor: Actor, id: string) {
    const row = await repo.findReview(tx, id);
    // the operator may read the review but never declare or score in the expert's name
    if (row && row.expertUserId !== actor.userId && isOperator(actor)) throw forbidden();
    if (!row || row.expertUserId !== actor.userId) throw notFound('review.not_found');
    if (row.application.status !== 'under_review') {
      throw conflict('review.closed', { status: row.application.status });
    }
    return row;
  }

  return {
    async listExperts(actor: Actor | null) {
      requireOperator(actor);
      const rows = await repo.listExpertsWithLoad(db);
      return { items: rows.map(({ createdAt: _createdAt, ...r }) => r) };
    },

    async appointExpert(actor: Actor | null, input: { userId: string; expertise: string[] }, requestId?: string) {
      const user = requireOperator(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const person = await repo.findUser(tx, input.userId);
        if (!person) throw notFound('expert.user_not_found');
        const expert = await repo.insertExpert(tx, { userId: input.userId, expertise: input.expertise, at: now });
        if (!expert) throw conflict('expert.duplicate');
        await repo.promoteToExpert(tx, input.userId);
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'expert.appointed',
          entity: 'expert',
          entityId: expert.id,
          before: { role: person.role },
          after: { userId: input.userId, expertise: input.expertise },
          requestId,
          at: now,
        });
        return { id: expert.id };
      });
    },

    /**
     * Assigns experts by hand or automatically (expertise overlap, then the lowest load). An expert who is a
     * member of the applicant or a linked organization is never assigned; at most expertsPerApplication
     * reviews are open at once. The first assignment starts the review of a registered application.
     */
    async assignExperts(
      actor: Actor | null,
      applicationId: string,
      input: { expertIds: string[] } | { auto: true },
      requestId?: string,
    ) {
      const user = requireOperator(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        // the lock serialises two operators assigning at once, so the quota holds
        const application = await repo.findApplicationForReview(tx, applicationId, { lock: true });
        if (!application) throw notFound('review.application_not_found');
        if (!ASSIGNABLE_STATUSES.has(application.status)) {
          throw conflict('review.application_status', { status: application.status });
        }
        const existing = await repo.listApplicationReviews(tx, applicationId);
        const open = existing.filter((r) => OPEN_REVIEW_STATUSES.includes(r.review.status)).length;
        const room = application.expertsPerApplication - open;
        const linked = await repo.organizationsLinkedTo(tx, application.organizationId);
        const alreadyAssigned = new Set(existing.map((r) => r.review.expertId));

        let chosen: string[];
        if ('expertIds' in input) {
          const pool = await repo.listExpertsWithLoad(tx, { ids: input.expertIds });
          const found = new Map(pool.map((e) => [e.id, e]));
          const missing = input.expertIds.find((id) => !found.get(id)?.active);
          if (missing) throw notFound('expert.not_found');
          const [conflicted] = await repo.expertsInOrganizations(tx, linked, input.expertIds);
          if (conflicted) {
            throw conflict('review.conflict_of_interest', { expert: conflicted.fullName, expertId: conflicted.id });
          }
          const repeated = input.expertIds.find((id) => alreadyAssigned.has(id));
          if (repeated) throw conflict('review.already_assigned', { expert: found.get(repeated)!.fullName });
          if (input.expertIds.length > room) {
            throw conflict('review.too_many_experts', { max: application.expertsPerApplication, open });
          }
          chosen = input.expertIds;
        } else {
          if (room <= 0) throw conflict('review.too_many_experts', { max: application.expertsPerApplication, open });
          const conflicted = new Set((await repo.expertsInOrganizations(tx, linked)).map((e) => e.id));
          const candidates = (await repo.listExpertsWithLoad(tx, { activeOnly: true })).filter(
            (e) => !conflicted.has(e.id) && !alreadyAssigned.has(e.id),
          );
          chosen = policy
            .rankCandidates(candidates, application.technologies)
            .slice(0, room)
            .map((e) => e.id);
          if (!chosen.length) throw conflict('review.no_experts_available');
        }

        const inserted = await repo.insertReviews(
          tx,
          chosen.map((expertId) => ({ applicationId, expertId, at: now })),
        );
        if (inserted.length !== chosen.length) throw conflict('review.already_assigned', { expert: '' });
        if (application.status === 'registered') {
          const to = nextApplicationStatus('registered', 'start_review')!;
          const moved = await transitionApplication(tx, {
            id: applicationId,
            from: 'registered',
            to,
            actorId: user.userId,
            comment: null,
            at: now,
          });
          if (!moved) throw conflict('review.application_status', { status: application.status });
        }
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'review.assigned',
          entity: 'application',
          entityId: applicationId,
          before: { status: application.status, openReviews: open },
          after: { status: 'under_review', expertIds: chosen, auto: 'auto' in input },
          requestId,
          at: now,
        });
        const people = await repo.listExpertsWithLoad(tx, { ids: chosen });
        await notifyUsers(
          tx,
          people.map((p) => p.userId),
          {
            kind: 'review.assigned',
            title: `Новая экспертиза: заявка ${application.number}`,
            body: `Вам назначена экспертиза заявки ${application.number} («${application.measureTitle}», ${application.organizationName}). Подтвердите отсутствие конфликта интересов, чтобы открыть заявку.`,
            link: '/reviews',
          },
          now,
        );
        return { reviews: inserted };
      });
    },

    /** The expert's own reviews: pending (assigned, declared) or done (submitted, recused). */
    async myReviews(actor: Actor | null, state: 'pending' | 'done') {
      const user = requireUser(actor);
      const expert = await repo.findExpertByUser(db, user.userId);
      if (!expert) return { items: [] };
      const rows = await repo.listExpertReviews(
        db,
        expert.id,
        state === 'pending' ? OPEN_REVIEW_STATUSES : DONE_REVIEW_STATUSES,
      );
      return { items: rows.map((row) => toSummary(user, row)) };
    },

    /** One review: the expert sees the full application only after declaring; the operator always. */
    async get(actor: Actor | null, id: string) {
      const user = requireUser(actor);
      const row = await reviewFor(db, user, id);
      const full = policy.canSeeFullApplication(user, { status: row.review.status, expertUserId: row.expertUserId });
      // the questions travel with the answers, so the expert reads labels rather than field keys
      const measure = full ? await findMeasure(db, row.application.measureId) : undefined;
      return {
        ...toSummary(user, row),
        expertId: row.review.expertId,
        criteria: row.application.criteria,
        documents: full ? await repo.listApplicationDocuments(db, row.application.id) : null,
        formFields: measure ? measure.formFields.map(({ key, label, type }) => ({ key, label, type })) : null,
        scores: row.review.scores,
        recommendation: row.review.recommendation,
        weightedScore: row.review.weightedScore,
      };
    },

    /** No conflict of interest → declared (the file opens); a conflict → recused, with the reason, and the operators hear of it. */
    async declare(
      actor: Actor | null,
      id: string,
      input: { noConflict: boolean; reason?: string },
      requestId?: string,
    ) {
      const user = requireUser(actor);
      const reason = input.reason?.trim() || null;
      if (!input.noConflict && !reason) {
        throw new AppError('review.reason_required', 'invalid', {}, { reason: 'review.reason_required' });
      }
      const event = input.noConflict ? 'declare' : 'recuse';
      const now = clock.now();
      return db.transaction(async (tx) => {
        const current = await ownReviewFor(tx, user, id);
        const to = nextReviewStatus(current.review.status, event);
        if (!to) throw conflict('review.transition', { status: current.review.status });
        const row = await repo.transitionReview(tx, {
          id,
          from: current.review.status,
          to,
          set: to === 'declared' ? { declaredAt: now } : {},
        });
        if (!row) throw conflict('review.transition', { status: current.review.status });
        await recordAudit(tx, {
          actorId: user.userId,
          action: `review.${event}`,
          entity: 'review',
          entityId: id,
          before: { status: current.review.status },
          after: { status: to },
          reason,
          requestId,
          at: now,
        });
        if (to === 'recused') {
          const { number } = current.application;
          await notifyOperators(
            tx,
            {
              kind: 'review.recused',
              title: `Самоотвод эксперта по заявке ${number}`,
              body: `Эксперт ${user.fullName} заявил о конфликте интересов по заявке ${number} и отказался от экспертизы.\nПричина: ${reason}\nНазначьте другого эксперта.`,
              link: `/applications/${current.application.id}`,
            },
            now,
          );
        }
        return { status: to };
      });
    },

    /** Scores on every criterion of the measure, with comments and a recommendation: once, after the declaration. */
    async submitScores(
      actor: Actor | null,
      id: string,
      input: { scores: Array<{ criterion: string; score: number; comment: string }>; recommendation: Recommendation },
      requestId?: string,
    ) {
      const user = requireUser(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const current = await ownReviewFor(tx, user, id);
        if (current.review.status === 'assigned') throw conflict('review.declare_first');
        const to = nextReviewStatus(current.review.status, 'submit');
        if (!to) throw conflict('review.transition', { status: current.review.status });
        const { criteria } = current.application;
        const fields = policy.checkScores(criteria, input.scores);
        if (Object.keys(fields).length) throw invalidFields(fields);
        const scores = input.scores.map((s) => ({ criterion: s.criterion, score: s.score, comment: s.comment.trim() }));
        const weighted = weightedScore(criteria, scores);
        const row = await repo.transitionReview(tx, {
          id,
          from: current.review.status,
          to,
          set: { scores, recommendation: input.recommendation, weightedScore: weighted, submittedAt: now },
        });
        if (!row) throw conflict('review.transition', { status: current.review.status });
        await recordAudit(tx, {
          actorId: user.userId,
          action: 'review.submit',
          entity: 'review',
          entityId: id,
          before: { status: current.review.status },
          after: { status: to, weightedScore: weighted, recommendation: input.recommendation },
          requestId,
          at: now,
        });
        return { status: to };
      });
    },

    /**
     * The reviews of one application with the consensus and the divergence flag. The operator sees all; an
     * expert who declared sees the list, and the others' scores only once their own are submitted.
     */
    async forApplication(actor: Actor | null, applicationId: string) {
      const user = requireUser(actor);
      const application = await repo.findApplicationForReview(db, applicationId);
      if (!application) throw notFound('review.application_not_found');
      const rows = await repo.listApplicationReviews(db, applicationId);
      const own = rows.find((r) => r.expertUserId === user.userId);
      if (!isOperator(user) && (!own || !hasDeclared(own.review.status))) {
        // those who know the application exists (its expert before declaring, its own company) are refused, not
        // told it is missing
        if (own || (await orgRoleOf(db, user, application.organizationId))) throw forbidden();
        throw notFound('review.application_not_found');
      }
      const seeAll = policy.canSeeOthersScores(user, own?.review.status);
      const submitted = rows.filter((r) => r.review.status === 'submitted' && r.review.weightedScore !== null);
      const consensus = seeAll
        ? consensusOf(submitted.map((r) => r.review.weightedScore!))
        : { consensus: null, spread: null, divergent: false };
      return {
        applicationId,
        expertsPerApplication: application.expertsPerApplication,
        ...consensus,
        reviews: rows.map((r) => {
          const mine = r.expertUserId === user.userId;
          const visible = mine || seeAll;
          return {
            id: r.review.id,
            expertId: r.review.expertId,
            expertName: mine || isOperator(user) ? r.expertName : null,
            status: r.review.status,
            assignedAt: r.review.assignedAt.toISOString(),
            submittedAt: r.review.submittedAt?.toISOString() ?? null,
            scores: visible ? r.review.scores : null,
            recommendation: visible ? r.review.recommendation : null,
            weightedScore: visible ? r.review.weightedScore : null,
          };
        }),
      };
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
