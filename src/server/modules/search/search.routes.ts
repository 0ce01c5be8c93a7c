import type { AppInstance } from '../../http/app-instance.ts';
import { SearchAnswer, SearchQuery } from './search.schemas.ts';
import type { SearchService } from './search.service.ts';

export function searchRoutes(app: AppInstance, search: SearchService) {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary: 'One search over everything the caller may read, grouped by kind with counts and marked matches',
        description:
          'Kinds: organizations (the public registry; one’s own), requests (published ones; one’s own in any status; ' +
          'never the text behind an NDA), measures, projects (the showcase; one’s own), investors (public profiles), ' +
          'applications and solutions (one’s own organizations’ only). Russian word forms; the last word also as a ' +
          'prefix; a one-word name with a typo; an INN/OGRN or a record number (ЗП-2026-000123) exactly. Without ' +
          '`type` every kind answers its best 5 (limit=) and its count; with `type` one kind, 20 a page (offset=). ' +
          'Counts stop at 200 (`more`). A guest’s answer is cached for a minute.',
        querystring: SearchQuery,
        response: { 200: SearchAnswer },
      },
    },
    (req) => search.search(req.actor, req.query),
  );
}
