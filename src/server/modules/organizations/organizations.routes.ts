import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams, Ok, Page } from '../../http/schema-helpers.ts';
import {
  AccessRequestBody,
  CreateOrganizationBody,
  Invitation,
  InviteBody,
  MemberParams,
  MembersAnswer,
  Organization,
  OrganizationListQuery,
  OrganizationSummary,
  PatchOrganizationBody,
  PublicOrganization,
} from './organizations.schemas.ts';
import type { OrganizationsService } from './organizations.service.ts';

export function organizationsRoutes(app: AppInstance, organizations: OrganizationsService) {
  const tags = ['organizations'];

  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Register an organization; the caller becomes its owner',
        body: CreateOrganizationBody,
        response: { 201: Organization },
      },
    },
    async (req, reply) => reply.status(201).send(await organizations.register(req.actor, req.body, req.id)),
  );

  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'My organizations (all organizations for the operator)',
        querystring: OrganizationListQuery,
        response: { 200: Page(OrganizationSummary) },
      },
    },
    (req) =>
      organizations.list(req.actor, { q: req.query.q, limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'An organization: full profile for its members and the operator, public profile for others',
        params: IdParams,
        response: { 200: Type.Union([Organization, PublicOrganization]) },
      },
    },
    async (req) => {
      const view = await organizations.get(req.actor, req.params.id);
      return view.full ?? view.public;
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Edit the profile (owner, manager); send `version` to refuse a stale edit',
        params: IdParams,
        body: PatchOrganizationBody,
        response: { 200: Organization },
      },
    },
    (req) => organizations.update(req.actor, req.params.id, req.body, req.id),
  );

  app.get(
    '/api/organizations/:id/members',
    {
      schema: { tags, summary: 'Members and pending invitations', params: IdParams, response: { 200: MembersAnswer } },
    },
    (req) => organizations.members(req.actor, req.params.id),
  );

  app.post(
    '/api/organizations/:id/members',
    {
      schema: {
        tags,
        summary: 'Invite a person by e-mail with an org role',
        params: IdParams,
        body: InviteBody,
        response: { 201: Invitation },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await organizations.invite(req.actor, req.params.id, req.body, req.id)),
  );

  app.delete(
    '/api/organizations/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member (owner), or leave', params: MemberParams, response: { 200: Ok } } },
    (req) => organizations.removeMember(req.actor, req.params.id, req.params.userId, req.id),
  );

  app.post(
    '/api/organizations/:id/access-requests',
    {
      schema: {
        tags,
        summary: "Ask an organization's owners for access (when its INN is already registered)",
        params: IdParams,
        body: AccessRequestBody,
        response: { 200: Ok },
      },
    },
    (req) => organizations.requestAccess(req.actor, req.params.id, req.body.message, req.id),
  );

  app.get(
    '/api/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations waiting for the signed-in user',
        response: { 200: Type.Object({ items: Type.Array(Invitation) }) },
      },
    },
    (req) => organizations.myInvitations(req.actor),
  );

  app.post(
    '/api/invitations/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation addressed to my e-mail',
        params: IdParams,
        response: { 200: Type.Object({ organizationId: Type.String(), orgRole: Type.String() }) },
      },
    },
    (req) => organizations.acceptInvitation(req.actor, req.params.id, req.id),
  );
}
