import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import { FileContent } from '../files/files.schemas.ts';
import {
  CompanySolutionsAnswer,
  CreateSolutionBody,
  DeclineBody,
  DocumentParams,
  MyListQuery,
  PatchSolutionBody,
  RequestListQuery,
  RequestSolutionsAnswer,
  ScoredAnswer,
  ScoresBody,
  ShortlistBody,
  Solution,
  SolutionDetail,
  WithdrawBody,
} from './solutions.schemas.ts';
import type { SolutionsService } from './solutions.service.ts';

/** `filename*=` keeps a Russian name; the ASCII fallback is for old clients. */
function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\w.-]+/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function solutionsRoutes(app: AppInstance, solutions: SolutionsService) {
  const tags = ['solutions'];
  // bodies that may be left out altogether (every field optional)
  const emptyBody = async (req: { body: unknown }) => {
    req.body ??= {};
  };

  app.post(
    '/api/requests/:id/solutions',
    {
      schema: {
        tags,
        summary: 'Answer a request with a solution (draft): owner or manager of the answering organization',
        description:
          'The request must be published with its deadline ahead (409 `solution.request_closed`). With NDA terms, ' +
          'the organization must have accepted their current version (403 `solution.nda_required`). The customer ' +
          'cannot answer its own request (403). One active solution per organization and request: a second, even ' +
          'a concurrent one, answers 409 `solution.duplicate` with `details.solutionId` of the existing one.',
        params: IdParams,
        body: CreateSolutionBody,
        response: { 201: Solution },
      },
    },
    async (req, reply) => reply.status(201).send(await solutions.create(req.actor, req.params.id, req.body, req.id)),
  );

  app.get(
    '/api/solutions',
    {
      schema: {
        tags,
        summary:
          "The company's own solutions in every status, with the request and its customer (operator: all but drafts)",
        querystring: MyListQuery,
        response: { 200: CompanySolutionsAnswer },
      },
    },
    (req) =>
      solutions.listOwn(req.actor, {
        organizationId: req.query.organizationId,
        statuses: req.query.status,
        limit: req.query.limit ?? 20,
        offset: req.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/requests/:id/solutions',
    {
      schema: {
        tags,
        summary: "A request's submitted solutions: the customer's members, the request's experts, the operator",
        description:
          "Drafts are never listed. Each item carries the average score and the caller's own score; an expert sees " +
          'the average only of solutions it has scored itself.',
        params: IdParams,
        querystring: RequestListQuery,
        response: { 200: RequestSolutionsAnswer },
      },
    },
    (req) =>
      solutions.listForRequest(req.actor, req.params.id, {
        statuses: req.query.status,
        sort: req.query.sort ?? 'submittedAt',
        limit: req.query.limit ?? 20,
        offset: req.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/solutions/:id',
    {
      schema: {
        tags,
        summary: 'One solution with its timeline, documents and scores',
        description:
          "The company's members see their own; the customer's members, the request's experts and the operator see " +
          'it once submitted. Scores: the customer and the operator see all, an expert the others once its own is in, ' +
          'the company none. Everyone else gets 404.',
        params: IdParams,
        response: { 200: SolutionDetail },
      },
    },
    (req) => solutions.get(req.actor, req.params.id),
  );

  app.get(
    '/api/solutions/:id/documents/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a file attached to a solution (whoever may see the solution)',
        description: 'Always as an attachment with its checked type and X-Content-Type-Options: nosniff.',
        params: DocumentParams,
        response: { 200: FileContent },
      },
    },
    async (req, reply) => {
      const file = await solutions.document(req.actor, req.params.id, req.params.fileId);
      return reply
        .header('Content-Disposition', contentDisposition(file.fileName))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .type(file.contentType)
        .send(file.content);
    },
  );

  app.patch(
    '/api/solutions/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft solution (owner, manager); send `version` to refuse a stale edit (409)',
        params: IdParams,
        body: PatchSolutionBody,
        response: { 200: Solution },
      },
    },
    (req) => solutions.update(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/solutions/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the solution to the customer (owner, manager); the customer is notified',
        description:
          'Idempotent: an already submitted solution comes back unchanged. The content is checked again and the ' +
          'request must still be open (409 `solution.request_closed` after its deadline).',
        params: IdParams,
        response: { 200: Solution },
      },
    },
    (req) => solutions.submit(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/solutions/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw the solution before the customer decides, with an optional reason (owner, manager)',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: Solution },
      },
      preValidation: emptyBody,
    },
    (req) => solutions.withdraw(req.actor, req.params.id, req.body.reason, req.id),
  );

  app.post(
    '/api/solutions/:id/shortlist',
    {
      schema: {
        tags,
        summary: "Shortlist a submitted solution (the customer's owner or manager); the company is notified",
        params: IdParams,
        body: ShortlistBody,
        response: { 200: Solution },
      },
      preValidation: emptyBody,
    },
    (req) => solutions.shortlist(req.actor, req.params.id, req.body.version, req.id),
  );

  app.post(
    '/api/solutions/:id/decline',
    {
      schema: {
        tags,
        summary:
          "Decline a submitted or shortlisted solution with a reason the company sees (the customer's owner or manager)",
        params: IdParams,
        body: DeclineBody,
        response: { 200: Solution },
      },
    },
    (req) => solutions.decline(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/solutions/:id/scores',
    {
      schema: {
        tags,
        summary: "Score a solution on the request's criteria, once (the customer's members, the request's experts)",
        description:
          'Every criterion exactly once, a whole number 0..maxScore (400 with `scores.<i>.…` paths). A second ' +
          "scoring by the same person answers 409 `solution.already_scored`. The solution's average is updated in " +
          'the same transaction.',
        params: IdParams,
        body: ScoresBody,
        response: { 200: ScoredAnswer },
      },
    },
    (req) => solutions.score(req.actor, req.params.id, req.body, req.id),
  );
}
