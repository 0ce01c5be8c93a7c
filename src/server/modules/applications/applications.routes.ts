import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import {
  Application,
  ApplicationDetail,
  CreateApplicationBody,
  DecisionBody,
  FileReportBody,
  ListAnswer,
  ListQuery,
  PatchApplicationBody,
  ReportAnswer,
  ReportParams,
  ReturnBody,
  TrancheAnswer,
  TrancheBody,
  WithdrawBody,
} from './applications.schemas.ts';
import type { ApplicationsService } from './applications.service.ts';

export function applicationsRoutes(app: AppInstance, applications: ApplicationsService) {
  const tags = ['applications'];

  app.post(
    '/api/applications',
    {
      schema: {
        tags,
        summary: 'Start an application (draft) for a measure: owner or manager of an eligible organization',
        description:
          'The measure must be published with its window open; the organization must meet its eligibility rules ' +
          '(409 `application.not_eligible` with the failing checks in `details`); the requested amount is capped ' +
          'by the measure maximum; one open application per organization and measure (409).',
        body: CreateApplicationBody,
        response: { 201: Application },
      },
    },
    async (req, reply) => reply.status(201).send(await applications.create(req.actor, req.body, req.id)),
  );

  app.get(
    '/api/applications',
    {
      schema: {
        tags,
        summary: "Applications: the company's own (by organizationId), all for the operator; with counts by status",
        querystring: ListQuery,
        response: { 200: ListAnswer },
      },
    },
    (req) =>
      applications.list(req.actor, {
        organizationId: req.query.organizationId,
        statuses: req.query.status,
        measureId: req.query.measureId,
        q: req.query.q,
        sort: req.query.sort ?? 'newest',
        limit: req.query.limit ?? 20,
        offset: req.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'One application with its timeline, tranches, reports (overdue flagged) and the remaining budget',
        params: IdParams,
        response: { 200: ApplicationDetail },
      },
    },
    (req) => applications.get(req.actor, req.params.id),
  );

  app.patch(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft or returned application (answers, amount, KPIs); send `version` to refuse a stale edit',
        params: IdParams,
        body: PatchApplicationBody,
        response: { 200: Application },
      },
    },
    (req) => applications.update(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the application; answers are checked against the form (400 with `answers.<key>` paths)',
        description: 'Idempotent: submitting an already submitted application answers it unchanged.',
        params: IdParams,
        response: { 200: Application },
      },
    },
    (req) => applications.submit(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw the application before a decision, with an optional reason',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: Application },
      },
      // the reason is optional, so the whole body may be left out
      preValidation: async (req) => {
        req.body ??= {};
      },
    },
    (req) => applications.withdraw(req.actor, req.params.id, req.body.reason, req.id),
  );

  app.post(
    '/api/applications/:id/register',
    {
      schema: {
        tags,
        summary: 'Register a complete file (operator)',
        params: IdParams,
        response: { 200: Application },
      },
    },
    (req) => applications.register(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/applications/:id/return',
    {
      schema: {
        tags,
        summary: 'Return an incomplete file to the company with a comment (operator)',
        params: IdParams,
        body: ReturnBody,
        response: { 200: Application },
      },
    },
    (req) => applications.returnForFixes(req.actor, req.params.id, req.body.comment, req.id),
  );

  app.post(
    '/api/applications/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve with an amount or reject, with a reason (operator)',
        description:
          "An approval commits the amount to the measure's budget; when the remaining budget does not cover it, " +
          '409 `application.budget_exhausted` and nothing changes, however many approvals race.',
        params: IdParams,
        body: DecisionBody,
        response: { 200: Application },
      },
    },
    (req) => applications.decide(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/applications/:id/agreement',
    {
      schema: {
        tags,
        summary: 'Sign the agreement (owner, manager); the report schedule is created',
        params: IdParams,
        response: { 200: Application },
      },
    },
    (req) => applications.signAgreement(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/applications/:id/tranches',
    {
      schema: {
        tags,
        summary: 'Record a tranche paid for a milestone (operator); the total never exceeds the approved amount',
        params: IdParams,
        body: TrancheBody,
        response: { 201: TrancheAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await applications.payTranche(req.actor, req.params.id, req.body, req.id)),
  );

  app.post(
    '/api/applications/:id/reports',
    {
      schema: {
        tags,
        summary: 'File a due or returned report with the KPIs reached (owner, manager)',
        params: IdParams,
        body: FileReportBody,
        response: { 200: ReportAnswer },
      },
    },
    (req) => applications.fileReport(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/applications/:id/reports/:reportId/accept',
    {
      schema: {
        tags,
        summary: 'Accept a filed report (operator); accepting the last one completes the application',
        params: ReportParams,
        response: { 200: ReportAnswer },
      },
    },
    (req) => applications.reviewReport(req.actor, req.params.id, req.params.reportId, { accept: true }, req.id),
  );

  app.post(
    '/api/applications/:id/reports/:reportId/return',
    {
      schema: {
        tags,
        summary: 'Return a filed report to the company with a comment (operator)',
        params: ReportParams,
        body: ReturnBody,
        response: { 200: ReportAnswer },
      },
    },
    (req) =>
      applications.reviewReport(
        req.actor,
        req.params.id,
        req.params.reportId,
        { accept: false, comment: req.body.comment },
        req.id,
      ),
  );
}
