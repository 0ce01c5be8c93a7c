import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams, Page } from '../../http/schema-helpers.ts';
import type { MeasureEvent } from './measure-status.ts';
import {
  CreateMeasureBody,
  EligibilityAnswer,
  EligibilityQuery,
  Measure,
  MeasureListQuery,
  MeasureSummary,
  PatchMeasureBody,
} from './measures.schemas.ts';
import type { MeasuresService } from './measures.service.ts';

export function measuresRoutes(app: AppInstance, measures: MeasuresService) {
  const tags = ['measures'];

  app.get(
    '/api/measures',
    {
      schema: {
        tags,
        summary:
          'The support measures catalogue: published measures (any status for the operator); with organizationId, eligible ones first',
        querystring: MeasureListQuery,
        response: { 200: Page(MeasureSummary) },
      },
    },
    (req) => measures.list(req.actor, { ...req.query, limit: req.query.limit ?? 20, offset: req.query.offset ?? 0 }),
  );

  app.get(
    '/api/measures/:id',
    {
      schema: {
        tags,
        summary: 'A support measure with its rules, form and criteria (drafts only for the operator)',
        params: IdParams,
        response: { 200: Measure },
      },
    },
    (req) => measures.get(req.actor, req.params.id),
  );

  app.get(
    '/api/measures/:id/eligibility',
    {
      schema: {
        tags,
        summary: 'Eligibility checklist of an organization for a measure (its members and the operator)',
        params: IdParams,
        querystring: EligibilityQuery,
        response: { 200: EligibilityAnswer },
      },
    },
    (req) => measures.eligibility(req.actor, req.params.id, req.query.organizationId),
  );

  app.post(
    '/api/measures',
    {
      schema: {
        tags,
        summary: 'Create a support measure as a draft (operator)',
        body: CreateMeasureBody,
        response: { 201: Measure },
      },
    },
    async (req, reply) => reply.status(201).send(await measures.create(req.actor, req.body, req.id)),
  );

  app.patch(
    '/api/measures/:id',
    {
      schema: {
        tags,
        summary:
          'Edit a measure (operator): a draft freely, a published one except its form, criteria and eligibility; send `version` to refuse a stale edit',
        params: IdParams,
        body: PatchMeasureBody,
        response: { 200: Measure },
      },
    },
    (req) => measures.update(req.actor, req.params.id, req.body, req.id),
  );

  const transitions: Array<[MeasureEvent, string]> = [
    ['publish', 'Publish a complete draft measure (operator)'],
    ['close', 'Close a published measure to new applications (operator)'],
    ['archive', 'Archive a closed measure or an unpublished draft (operator)'],
  ];
  for (const [event, summary] of transitions) {
    app.post(
      `/api/measures/:id/${event}`,
      { schema: { tags, summary, params: IdParams, response: { 200: Measure } } },
      (req) => measures.transition(req.actor, req.params.id, event, req.id),
    );
  }
}
