import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams } from '../../http/schema-helpers.ts';
import {
  ApplyBody,
  CurrentMembership,
  DecisionAnswer,
  DecisionBody,
  MembershipDetail,
  MembershipWithTimeline,
  QueueAnswer,
  QueueQuery,
  RegistryAnswer,
  RegistryQuery,
} from './membership.schemas.ts';
import type { MembershipService } from './membership.service.ts';
import type { RegistryService } from './registry.service.ts';

export function membershipRoutes(app: AppInstance, membership: MembershipService, registry: RegistryService) {
  const tags = ['membership'];

  app.post(
    '/api/organizations/:id/membership',
    {
      schema: {
        tags,
        summary: 'Apply to join the cluster as participant (Moscow, region 77) or partner',
        params: IdParams,
        body: ApplyBody,
        response: { 201: MembershipWithTimeline },
      },
    },
    async (req, reply) => reply.status(201).send(await membership.apply(req.actor, req.params.id, req.body, req.id)),
  );

  app.get(
    '/api/organizations/:id/membership',
    {
      schema: {
        tags,
        summary: "The organization's current cluster application with its timeline",
        params: IdParams,
        response: { 200: CurrentMembership },
      },
    },
    (req) => membership.currentForOrganization(req.actor, req.params.id),
  );

  app.get(
    '/api/membership/applications',
    {
      schema: {
        tags,
        summary: 'Operator queue of cluster applications, oldest first, with counts by status',
        querystring: QueueQuery,
        response: { 200: QueueAnswer },
      },
    },
    (req) =>
      membership.queue(req.actor, {
        statuses: req.query.status,
        q: req.query.q,
        limit: req.query.limit ?? 20,
        offset: req.query.offset ?? 0,
      }),
  );

  app.get(
    '/api/membership/applications/:id',
    {
      schema: {
        tags,
        summary: 'One cluster application with the organization and the timeline',
        params: IdParams,
        response: { 200: MembershipDetail },
      },
    },
    (req) => membership.get(req.actor, req.params.id),
  );

  app.post(
    '/api/membership/applications/:id/review',
    {
      schema: {
        tags,
        summary: 'Take an application into review (operator)',
        params: IdParams,
        response: { 200: DecisionAnswer },
      },
    },
    (req) => membership.decide(req.actor, req.params.id, { decision: 'review' }, req.id),
  );

  app.post(
    '/api/membership/applications/:id/decision',
    {
      schema: {
        tags,
        summary: 'Decide with a reason: approve, reject, suspend, reinstate or exclude (operator)',
        description: 'Two operators deciding at once: one succeeds, the other gets 409.',
        params: IdParams,
        body: DecisionBody,
        response: { 200: DecisionAnswer },
      },
    },
    (req) => membership.decide(req.actor, req.params.id, req.body, req.id),
  );

  app.get(
    '/api/registry',
    {
      schema: {
        tags: ['registry'],
        summary: 'Public registry of cluster participants and partners: search in Russian, filters, facets',
        querystring: RegistryQuery,
        response: { 200: RegistryAnswer },
      },
    },
    (req) => registry.search({ ...req.query, limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }),
  );
}
