import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import {
  AcceptNdaAnswer,
  AcceptNdaBody,
  AppointExpertBody,
  CancelBody,
  CreateRequestBody,
  ExpertParams,
  ExpertsAnswer,
  ListAnswer,
  ListQuery,
  PatchRequestBody,
  RequestDetail,
  ResolveBody,
  ReturnBody,
} from './requests.schemas.ts';
import type { RequestsService } from './requests.service.ts';

export function requestsRoutes(app: AppInstance, requests: RequestsService) {
  const tags = ['requests'];

  app.get(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Requests for innovative solutions: search in Russian, filters, facets; open ones or the archive',
        description:
          'Everyone sees published requests (archived=true: closed, resolved and cancelled). With the organizationId ' +
          "of the caller's own organization, all its requests in any status. The operator may ask for any status " +
          '(status=moderation is the moderation queue). Items never carry the description.',
        querystring: ListQuery,
        response: { 200: ListAnswer },
      },
    },
    (req) => requests.list(req.actor, { ...req.query, limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }),
  );

  app.post(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Write a request as a draft: owner or manager of a customer organization',
        description:
          'The organization must have the `customer` capability (403 `request.not_customer`); the deadline must be in ' +
          'the future and related requests must exist (400 naming the field). Criteria default to K1–K5.',
        body: CreateRequestBody,
        response: { 201: RequestDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await requests.create(req.actor, req.body, req.id)),
  );

  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags,
        summary: 'One request: brief always, the description only to those allowed past its NDA terms',
        description:
          'Drafts and requests in moderation exist only for the customer, its appointed experts and the operator (404 ' +
          'to others). `description` is absent from the answer unless the request has no NDA terms, or the caller ' +
          'is a member of the customer, the operator, an appointed expert, or a member of an organization that ' +
          'accepted the current NDA version.',
        params: IdParams,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.get(req.actor, req.params.id),
  );

  app.patch(
    '/api/requests/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft request (customer owner or manager); send `version` to refuse a stale edit',
        description: 'Changed NDA terms get the next NDA version.',
        params: IdParams,
        body: PatchRequestBody,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.update(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/requests/:id/moderate',
    {
      schema: {
        tags,
        summary: 'Send a draft to moderation (customer owner or manager); the operators are notified',
        params: IdParams,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.moderate(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/requests/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a request in moderation (operator); refused when its deadline has passed',
        params: IdParams,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.publish(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/requests/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a request in moderation to the customer as a draft, with a comment (operator)',
        params: IdParams,
        body: ReturnBody,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.returnToDraft(req.actor, req.params.id, req.body.comment, req.id),
  );

  app.post(
    '/api/requests/:id/close',
    {
      schema: {
        tags,
        summary: 'Stop accepting solutions before the deadline (customer owner or manager, or the operator)',
        params: IdParams,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.close(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/requests/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Name the winning solutions of a closed request (customer owner or manager)',
        description: 'Each winner must be a solution of this request in status shortlisted, pilot or contract.',
        params: IdParams,
        body: ResolveBody,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.resolve(req.actor, req.params.id, req.body.winnerSolutionIds, req.id),
  );

  app.post(
    '/api/requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a request before it is resolved, with the reason (customer owner or manager, or the operator)',
        params: IdParams,
        body: CancelBody,
        response: { 200: RequestDetail },
      },
    },
    (req) => requests.cancel(req.actor, req.params.id, req.body.reason, req.id),
  );

  app.post(
    '/api/requests/:id/accept-nda',
    {
      schema: {
        tags,
        summary:
          "Accept the request's NDA terms for an organization (a member of it); its members then read the description",
        description:
          'Records who accepted, for which organization, which version of the terms and when. Accepting the same ' +
          'version again answers the first acceptance.',
        params: IdParams,
        body: AcceptNdaBody,
        response: { 200: AcceptNdaAnswer },
      },
    },
    (req) => requests.acceptNda(req.actor, req.params.id, req.body.organizationId, req.id),
  );

  app.get(
    '/api/requests/:id/experts',
    {
      schema: {
        tags,
        summary: "The request's appointed experts (the customer's members and the operator)",
        params: IdParams,
        response: { 200: ExpertsAnswer },
      },
    },
    (req) => requests.listExperts(req.actor, req.params.id),
  );

  app.post(
    '/api/requests/:id/experts',
    {
      schema: {
        tags,
        summary: 'Appoint an expert of the pool to score the solutions (customer owner or manager, or the operator)',
        description: 'A user outside the expert pool is refused (400 `userId`); appointing twice changes nothing.',
        params: IdParams,
        body: AppointExpertBody,
        response: { 200: ExpertsAnswer },
      },
    },
    (req) => requests.appointExpert(req.actor, req.params.id, req.body.userId, req.id),
  );

  app.delete(
    '/api/requests/:id/experts/:userId',
    {
      schema: {
        tags,
        summary: 'Remove an appointed expert (customer owner or manager, or the operator)',
        params: ExpertParams,
        response: { 200: ExpertsAnswer },
      },
    },
    (req) => requests.removeExpert(req.actor, req.params.id, req.params.userId, req.id),
  );
}
