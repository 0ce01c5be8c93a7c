import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-instance.ts';
import { Ok } from '../../http/schema-helpers.ts';
import {
  HideBody,
  RecommendationParams,
  RecommendationQuerySchema,
  RecommendationsAnswer,
  UnhideBody,
} from './recommendations.schemas.ts';
import type { RecommendationsService } from './recommendations.service.ts';

export function recommendationsRoutes(app: AppInstance, recommendations: RecommendationsService) {
  const tags = ['search'];
  app.get(
    '/api/recommendations/:kind',
    {
      schema: {
        tags,
        summary: 'Suggestions with their reasons (members of the organization or the request’s customer; operator)',
        description:
          'requests?organizationId= (published requests the company might answer: shared technology areas, areas ' +
          'of requests it answered, words of its description); organizations?requestId= (participants that could ' +
          'answer the request: shared areas, solutions in those areas, words); measures?organizationId= (open ' +
          'measures it is eligible for and has not applied to, closing soon first); startups?organizationId= (for ' +
          'an investor) and investors?organizationId= (for a startup), as in investor matching. What the person hid ' +
          'never comes back.',
        params: RecommendationParams,
        querystring: RecommendationQuerySchema,
        response: { 200: RecommendationsAnswer },
      },
    },
    (req) => recommendations.recommend(req.actor, req.params.kind, req.query),
  );

  app.post(
    '/api/recommendations/:kind/hide',
    {
      schema: {
        tags,
        summary: 'Hide one suggestion for good (for the caller only)',
        params: RecommendationParams,
        body: HideBody,
        response: { 200: Ok },
      },
    },
    (req) => recommendations.hide(req.actor, req.params.kind, req.body),
  );

  app.post(
    '/api/recommendations/:kind/unhide',
    {
      schema: {
        tags,
        summary: 'Show again every suggestion the caller hid for this organization or request',
        params: RecommendationParams,
        body: UnhideBody,
        response: { 200: Type.Object({ restored: Type.Integer({ minimum: 0 }) }) },
      },
    },
    (req) => recommendations.unhideAll(req.actor, req.params.kind, req.body),
  );
}
