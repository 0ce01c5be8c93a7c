import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import {
  CloseDealBody,
  ConfirmAnswer,
  ConfirmDealBody,
  CreateDealBody,
  CreateInvestorBody,
  Deal,
  DealList,
  DealListQuery,
  DisputeDealBody,
  DropDealBody,
  InvestorList,
  InvestorListQuery,
  InvestorMatchList,
  InvestorProfile,
  MatchQuery,
  OrganizationParams,
  PatchDealBody,
  PutInvestorBody,
  PutNeedsBody,
  StartupMatchList,
  StartupNeeds,
  TotalsAnswer,
} from './investments.schemas.ts';
import type { InvestmentsService } from './investments.service.ts';

export function investmentsRoutes(app: AppInstance, investments: InvestmentsService) {
  const tags = ['investments'];
  const page = (q: { limit?: number; offset?: number }) => ({ limit: q.limit ?? 20, offset: q.offset ?? 0 });
  // bodies that may be left out altogether (every field optional)
  const emptyBody = async (req: { body: unknown }) => {
    req.body ??= {};
  };

  // ---- investor profiles

  app.get(
    '/api/investors',
    {
      schema: {
        tags,
        summary: 'Public investor profiles: type, stages, technologies, markets, ticket range, fund size',
        description:
          'Only profiles their organizations chose to make public. Filters by type, stage, technology, market.',
        querystring: InvestorListQuery,
        response: { 200: InvestorList },
      },
    },
    (req) => investments.listInvestors({ ...req.query, ...page(req.query) }),
  );

  app.post(
    '/api/investors',
    {
      schema: {
        tags,
        summary: 'Create the investor profile of an organization (owner or manager; the organization is an investor)',
        description:
          'The organization needs the `investor` capability (403 `investor.not_investor`). 409 `investor.exists` when ' +
          'it already has a profile: replace it with PUT. ticketMinKopecks ≤ ticketMaxKopecks (400 naming the field).',
        body: CreateInvestorBody,
        response: { 201: InvestorProfile },
      },
    },
    async (req, reply) => {
      const { organizationId, ...profile } = req.body;
      return reply.status(201).send(await investments.createInvestor(req.actor, organizationId, profile, req.id));
    },
  );

  app.get(
    '/api/investors/:organizationId',
    {
      schema: {
        tags,
        summary: "One investor's profile: public ones for everyone, any for its members and the operator",
        params: OrganizationParams,
        response: { 200: InvestorProfile },
      },
    },
    (req) => investments.getInvestor(req.actor, req.params.organizationId),
  );

  app.put(
    '/api/investors/:organizationId',
    {
      schema: {
        tags,
        summary: 'Create or replace the investor profile (owner or manager of an investor organization)',
        description:
          'Answers 201 when it creates the profile, 200 when it replaces it. Send the `version` read to refuse a ' +
          'stale replacement (409 `investor.stale`).',
        params: OrganizationParams,
        body: PutInvestorBody,
        response: { 200: InvestorProfile, 201: InvestorProfile },
      },
    },
    async (req, reply) => {
      const { profile, created } = await investments.putInvestor(
        req.actor,
        req.params.organizationId,
        req.body,
        req.id,
      );
      return reply.status(created ? 201 : 200).send(profile);
    },
  );

  app.get(
    '/api/investors/:organizationId/matches',
    {
      schema: {
        tags,
        summary: "Startups matching the investor's profile, best first, each with the reasons (its members, operator)",
        description:
          'Startups of the public registry whose stage is one of the profile’s stages and which share a technology ' +
          'with it; ranked by the score (stage, shared technologies, the amount sought within the ticket range, ' +
          'shared markets). Only registry data and the startup’s needs are shown.',
        params: OrganizationParams,
        querystring: MatchQuery,
        response: { 200: StartupMatchList },
      },
    },
    (req) => investments.investorMatches(req.actor, req.params.organizationId, page(req.query)),
  );

  // ---- startups

  app.get(
    '/api/startups/:organizationId/needs',
    {
      schema: {
        tags,
        summary: 'What a startup seeks: rounds, instruments, markets, amount, pitch',
        description: 'Public for startups of the registry; any startup for its members and the operator.',
        params: OrganizationParams,
        response: { 200: StartupNeeds },
      },
    },
    (req) => investments.getNeeds(req.actor, req.params.organizationId),
  );

  app.put(
    '/api/startups/:organizationId/needs',
    {
      schema: {
        tags,
        summary: 'Write what the startup seeks (owner or manager of a startup organization)',
        description:
          'The stage itself is the organization profile’s `startupStage` (PATCH /api/organizations/:id). An ' +
          'organization that is not a startup is refused (403 `startup.not_startup`).',
        params: OrganizationParams,
        body: PutNeedsBody,
        response: { 200: StartupNeeds },
      },
    },
    (req) => investments.putNeeds(req.actor, req.params.organizationId, req.body, req.id),
  );

  app.get(
    '/api/startups/:organizationId/matches',
    {
      schema: {
        tags,
        summary: 'Investors whose public profile matches the startup, best first, each with the reasons (its members)',
        params: OrganizationParams,
        querystring: MatchQuery,
        response: { 200: InvestorMatchList },
      },
    },
    (req) => investments.startupMatches(req.actor, req.params.organizationId, page(req.query)),
  );

  // ---- deals

  app.get(
    '/api/deals',
    {
      schema: {
        tags,
        summary: "Deals of the caller's organizations, as investor or as company; every deal for the operator",
        querystring: DealListQuery,
        response: { 200: DealList },
      },
    },
    (req) => investments.listDeals(req.actor, { ...req.query, ...page(req.query) }),
  );

  app.post(
    '/api/deals',
    {
      schema: {
        tags,
        summary: 'Open a deal at the intro stage (owner or manager of either side); the other side is notified',
        description:
          'The investor side must have an investor profile or the `investor` capability; the two sides differ; the ' +
          'amount is integer kopecks above zero (400 naming the field); a project must be one the company leads or ' +
          'is a confirmed partner of.',
        body: CreateDealBody,
        response: { 201: Deal },
      },
    },
    async (req, reply) => reply.status(201).send(await investments.createDeal(req.actor, req.body, req.id)),
  );

  app.get(
    '/api/deals/:id',
    {
      schema: {
        tags,
        summary: 'One deal with its timeline: the members of its two sides and the operator (404 to others)',
        params: IdParams,
        response: { 200: Deal },
      },
    },
    (req) => investments.getDeal(req.actor, req.params.id),
  );

  app.patch(
    '/api/deals/:id',
    {
      schema: {
        tags,
        summary: 'Change the terms of an open deal (owner or manager of either side); closed deals only get disputed',
        description: 'A closed or dropped deal answers 409 `deal.not_editable`; a stale `version` 409 `deal.stale`.',
        params: IdParams,
        body: PatchDealBody,
        response: { 200: Deal },
      },
    },
    (req) => investments.updateDeal(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/deals/:id/advance',
    {
      schema: {
        tags,
        summary: 'Move the deal on: intro → due diligence → term sheet (owner or manager of either side)',
        params: IdParams,
        response: { 200: Deal },
      },
    },
    (req) => investments.advance(req.actor, req.params.id, req.id),
  );

  app.post(
    '/api/deals/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the deal, with the final amount and date when they differ (owner or manager of either side)',
        description: 'Both sides then confirm it (or dispute it); it counts as investment once both have confirmed.',
        params: IdParams,
        body: CloseDealBody,
        response: { 200: Deal },
      },
      preValidation: emptyBody,
    },
    (req) => investments.close(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/deals/:id/drop',
    {
      schema: {
        tags,
        summary: 'Record that the deal fell through, with the reason (owner or manager of either side)',
        params: IdParams,
        body: DropDealBody,
        response: { 200: Deal },
      },
    },
    (req) => investments.drop(req.actor, req.params.id, req.body.reason, req.id),
  );

  app.post(
    '/api/deals/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a closed deal for one side (owner or manager of that side); confirming twice changes nothing',
        description:
          'When the second side confirms, `confirmedByBoth` is true and both sides are notified. Two sides confirming ' +
          'at the same moment both succeed. A disputed deal takes no confirmation (409 `deal.disputed`).',
        params: IdParams,
        body: ConfirmDealBody,
        response: { 200: ConfirmAnswer },
      },
    },
    (req) => investments.confirm(req.actor, req.params.id, req.body.organizationId, req.id),
  );

  app.post(
    '/api/deals/:id/dispute',
    {
      schema: {
        tags,
        summary: 'Dispute a closed deal for a side that has not confirmed it (owner or manager of that side)',
        description: 'A disputed deal never counts as investment; the other side and the operator are notified.',
        params: IdParams,
        body: DisputeDealBody,
        response: { 200: Deal },
      },
    },
    (req) => investments.dispute(req.actor, req.params.id, req.body.organizationId, req.body.reason, req.id),
  );

  app.get(
    '/api/investments/totals',
    {
      schema: {
        tags,
        summary: 'Investment attracted through the platform: the sum and number of deals that count (public)',
        response: { 200: TotalsAnswer },
      },
    },
    () => investments.totals(),
  );
}
