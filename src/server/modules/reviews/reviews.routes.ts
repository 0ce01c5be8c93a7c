import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-instance.ts';
import { IdParams, Uuid } from '../../http/schema-helpers.ts';
import {
  ApplicationReviewsAnswer,
  AppointExpertBody,
  AssignAnswer,
  AssignExpertsBody,
  DeclareBody,
  ExpertsAnswer,
  ReviewDetail,
  ReviewListAnswer,
  ReviewListQuery,
  ScoresBody,
  StatusAnswer,
} from './reviews.schemas.ts';
import type { ReviewsService } from './reviews.service.ts';

export function reviewsRoutes(app: AppInstance, reviews: ReviewsService) {
  const tags = ['reviews'];

  app.get(
    '/api/experts',
    {
      schema: {
        tags: ['experts'],
        summary: 'The expert pool with expertise areas and current load (operator)',
        response: { 200: ExpertsAnswer },
      },
    },
    (req) => reviews.listExperts(req.actor),
  );

  app.post(
    '/api/experts',
    {
      schema: {
        tags: ['experts'],
        summary: 'Appoint a user to the expert pool with expertise areas (operator)',
        description: 'An ordinary user becomes an expert; a person already in the pool answers 409.',
        body: AppointExpertBody,
        response: { 201: Type.Object({ id: Uuid }) },
      },
    },
    async (req, reply) => reply.status(201).send(await reviews.appointExpert(req.actor, req.body, req.id)),
  );

  app.post(
    '/api/applications/:id/assign-experts',
    {
      schema: {
        tags,
        summary: 'Assign experts to an application, by hand or automatically by expertise and load (operator)',
        description:
          'At most expertsPerApplication open reviews. An expert who is a member of the applicant (or a linked) ' +
          'organization is refused with 409 review.conflict_of_interest. The first assignment moves a registered ' +
          'application to under_review.',
        params: IdParams,
        body: AssignExpertsBody,
        response: { 200: AssignAnswer },
      },
    },
    (req) => reviews.assignExperts(req.actor, req.params.id, req.body, req.id),
  );

  app.get(
    '/api/reviews',
    {
      schema: {
        tags,
        summary: "The expert's own reviews: pending (to declare or score) or done (submitted, recused)",
        querystring: ReviewListQuery,
        response: { 200: ReviewListAnswer },
      },
    },
    (req) => reviews.myReviews(req.actor, req.query.state),
  );

  app.get(
    '/api/reviews/:id',
    {
      schema: {
        tags,
        summary: 'One review; the full application only after the expert declares no conflict of interest',
        params: IdParams,
        response: { 200: ReviewDetail },
      },
    },
    (req) => reviews.get(req.actor, req.params.id),
  );

  app.post(
    '/api/reviews/:id/declare',
    {
      schema: {
        tags,
        summary: 'Declare no conflict of interest, or recuse with the reason (the operators are told)',
        params: IdParams,
        body: DeclareBody,
        response: { 200: StatusAnswer },
      },
    },
    (req) => reviews.declare(req.actor, req.params.id, req.body, req.id),
  );

  app.post(
    '/api/reviews/:id/scores',
    {
      schema: {
        tags,
        summary: 'Score every criterion of the measure with a comment, and recommend (once, after declaring)',
        params: IdParams,
        body: ScoresBody,
        response: { 200: StatusAnswer },
      },
    },
    (req) => reviews.submitScores(req.actor, req.params.id, req.body, req.id),
  );

  app.get(
    '/api/applications/:id/reviews',
    {
      schema: {
        tags,
        summary: "An application's reviews with the consensus and the divergence flag",
        description: "Operator: everything. An expert: other experts' scores only after submitting their own.",
        params: IdParams,
        response: { 200: ApplicationReviewsAnswer },
      },
    },
    (req) => reviews.forApplication(req.actor, req.params.id),
  );
}
