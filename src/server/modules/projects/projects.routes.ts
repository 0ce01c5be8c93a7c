import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import {
  CancelBody,
  ConfirmBody,
  CreateProjectBody,
  DeclineBody,
  ImplementedBody,
  InviteAnswer,
  InviteBody,
  ListAnswer,
  ListQuery,
  PartnerDecisionAnswer,
  PatchProjectBody,
  ProjectDetail,
} from './projects.schemas.ts';
import type { ProjectsService } from './projects.service.ts';

export function projectsRoutes(app: AppInstance, projects: ProjectsService) {
  const tags = ['projects'];
  // bodies that may be left out altogether (every field optional)
  const emptyBody = async (req: { body: unknown }) => {
    req.body ??= {};
  };

  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'The project showcase: implemented projects, search in Russian, filters, facets',
        description:
          'Everyone sees implemented projects; q searches titles and descriptions in Russian (word forms, a typo in a ' +
          'single word, the exact number ПР-…). Filters: technology, joint, year (of implementation), district (of the ' +
          "lead). With the organizationId of the caller's own organization: every project it leads or is invited to " +
          'or confirmed in, in any status (status= narrows); the operator may ask for any status.',
        querystring: ListQuery,
        response: { 200: ListAnswer },
      },
    },
    (req) => projects.list(req.actor, { ...req.query, limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }),
  );

  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Record an innovative project: owner or manager of the lead organization',
        description:
          "Each origin (originSolutionId, originPilotId, originApplicationId, originDealId) must be the lead's own " +
          'record — its solution, a pilot of its solution, its support application, a deal in which it is a side — ' +
          'else 400 naming the field. The lead counts as a confirmed participant when it is a cluster participant.',
        body: CreateProjectBody,
        response: { 201: ProjectDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await projects.create(req.actor, req.body, req.id)),
  );

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'One project: its lead, partners, origins and timeline',
        description:
          "Implemented projects are public; others exist only for the lead's and the partners' members and the " +
          'operator (404 to others). Invited and declined partners are shown to those insiders only.',
        params: IdParams,
        response: { 200: ProjectDetail },
      },
    },
    (req) => projects.get(req.actor, req.params.id),
  );

  app.patch(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'Edit a planned or active project (lead owner or manager); send `version` to refuse a stale edit',
        params: IdParams,
        body: PatchProjectBody,
        response: { 200: ProjectDetail },
      },
    },
    (req) => projects.update(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/projects/:id/partners',
    {
      schema: {
        tags,
        summary: 'Invite a partner organization (lead owner or manager); its people are notified',
        description:
          'The lead itself is refused (400), an organization already listed answers 409 project.partner_duplicate, ' +
          'an unknown one 400. The partner counts once one of its owners or managers confirms.',
        params: IdParams,
        body: InviteBody,
        response: { 201: InviteAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await projects.invitePartner(req.actor, req.params.id, req.body, req.id)),
  );

  app.post(
    '/api/projects/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm participation for a partner organization (an owner or manager of that organization)',
        description:
          'Recounts the distinct cluster participants and the joint flag in the same transaction; answering again the ' +
          'same way changes nothing. The lead is notified.',
        params: IdParams,
        body: ConfirmBody,
        response: { 200: PartnerDecisionAnswer },
      },
    },
    (req) => projects.confirmPartner(req.actor, req.params.id, req.body.organizationId, req.id),
  );

  app.post(
    '/api/projects/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline the invitation for a partner organization (an owner or manager of that organization)',
        params: IdParams,
        body: DeclineBody,
        response: { 200: PartnerDecisionAnswer },
      },
    },
    (req) => projects.declinePartner(req.actor, req.params.id, req.body.organizationId, req.body.reason, req.id),
  );

  app.post(
    '/api/projects/:id/start',
    {
      schema: {
        tags,
        summary: 'Start a planned project (lead owner or manager)',
        params: IdParams,
        response: { 200: ProjectDetail },
      },
    },
    (req) => projects.start(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/projects/:id/implemented',
    {
      schema: {
        tags,
        summary: 'Mark a planned or active project implemented (lead owner or manager); it joins the showcase',
        description:
          'implementedOn is today (UTC) unless an earlier day is given, which may not be before startedOn. The ' +
          'partners are notified.',
        params: IdParams,
        body: ImplementedBody,
        response: { 200: ProjectDetail },
      },
      preValidation: emptyBody,
    },
    (req) => projects.implement(req.actor, req.params.id, req.body.implementedOn, req.id),
  );

  app.post(
    '/api/projects/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a planned or active project with the reason (lead owner or manager)',
        params: IdParams,
        body: CancelBody,
        response: { 200: ProjectDetail },
      },
    },
    (req) => projects.cancel(req.actor, req.params.id, req.body.reason, req.id),
  );
}
