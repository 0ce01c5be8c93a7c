import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import {
  ApproveBody,
  CompleteAnswer,
  CompleteBody,
  ContractAnswer,
  ContractBody,
  CreateSiteBody,
  Pilot,
  PilotDetail,
  PilotListQuery,
  PilotSite,
  PilotSiteDetail,
  PilotSitesAnswer,
  PilotsAnswer,
  ProposePilotBody,
  SiteListQuery,
} from './pilots.schemas.ts';
import type { PilotsService } from './pilots.service.ts';

export function pilotsRoutes(app: AppInstance, pilots: PilotsService) {
  const tags = ['pilots'];

  app.get(
    '/api/pilot-sites',
    {
      schema: {
        tags,
        summary: 'Pilot sites of the city (public): by kind, district, owner and words of the name, address or use',
        querystring: SiteListQuery,
        response: { 200: PilotSitesAnswer },
      },
    },
    (req) => pilots.listSites({ ...req.query, limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/api/pilot-sites/:id',
    {
      schema: {
        tags,
        summary: 'One pilot site (public) with the number of its pilots by status',
        params: IdParams,
        response: { 200: PilotSiteDetail },
      },
    },
    (req) => pilots.getSite(req.params.id),
  );

  app.post(
    '/api/pilot-sites',
    {
      schema: {
        tags,
        summary:
          "Register a pilot site: owner or manager of an organization with the 'pilot_site_owner' capability, or the operator",
        body: CreateSiteBody,
        response: { 201: PilotSite },
      },
    },
    async (req, reply) => reply.status(201).send(await pilots.createSite(req.actor, req.body, req.id)),
  );

  app.post(
    '/api/pilots',
    {
      schema: {
        tags,
        summary: "Propose a pilot of a shortlisted solution on a site (the customer's owner or manager)",
        description:
          'TRL at least 6 (409 `pilot.trl_too_low`); endsOn after startsOn and at most 3 calendar months later ' +
          '(400 on `endsOn`); startsOn not in the past; the site active; one open pilot per solution (409 ' +
          '`pilot.already_open`). The site owner and the company are notified.',
        body: ProposePilotBody,
        response: { 201: Pilot },
      },
    },
    async (req, reply) => reply.status(201).send(await pilots.propose(req.actor, req.body, req.id)),
  );

  app.get(
    '/api/pilots',
    {
      schema: {
        tags,
        summary:
          'Pilots the caller takes part in (as the company, the customer or the site owner); all for the operator',
        querystring: PilotListQuery,
        response: { 200: PilotsAnswer },
      },
    },
    (req) =>
      pilots.list(req.actor, {
        statuses: req.query.status,
        organizationId: req.query.organizationId,
        limit: req.query.limit ?? 20,
        offset: req.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/pilots/:id',
    {
      schema: {
        tags,
        summary: 'One pilot with its timeline, site, solution and contract (its three sides and the operator)',
        params: IdParams,
        response: { 200: PilotDetail },
      },
    },
    (req) => pilots.get(req.actor, req.params.id),
  );

  app.post(
    '/api/pilots/:id/approve',
    {
      schema: {
        tags,
        summary: "Approve or reject a proposed pilot (the site owner's owner or manager); a rejection needs a comment",
        description: 'An approval moves the solution from shortlisted to pilot.',
        params: IdParams,
        body: ApproveBody,
        response: { 200: Pilot },
      },
    },
    (req) => pilots.approve(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/pilots/:id/start',
    {
      schema: {
        tags,
        summary: 'Start an approved pilot (the customer or the company: owner or manager)',
        params: IdParams,
        response: { 200: Pilot },
      },
    },
    (req) => pilots.start(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/pilots/:id/complete',
    {
      schema: {
        tags,
        summary: "Complete a running pilot with the outcome and the result report (the customer's owner or manager)",
        description:
          'Success with a contract records it and moves the solution to contract; failure moves the solution to ' +
          'not_adopted; success without a contract leaves the solution in pilot (POST /api/pilots/{id}/contract later).',
        params: IdParams,
        body: CompleteBody,
        response: { 200: CompleteAnswer },
      },
    },
    (req) => pilots.complete(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/pilots/:id/contract',
    {
      schema: {
        tags,
        summary: "Record the contract after a successful pilot (the customer's owner or manager)",
        params: IdParams,
        body: ContractBody,
        response: { 201: ContractAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await pilots.contractAfterPilot(req.actor, req.params.id, req.body, req.id)),
  );

  app.post(
    '/api/solutions/:id/contract',
    {
      schema: {
        tags,
        summary: "Record a contract for a shortlisted solution without a pilot (the customer's owner or manager)",
        params: IdParams,
        body: ContractBody,
        response: { 201: ContractAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await pilots.contractWithoutPilot(req.actor, req.params.id, req.body, req.id)),
  );
}
