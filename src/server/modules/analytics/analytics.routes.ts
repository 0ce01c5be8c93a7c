import type { FastifyReply } from 'fastify';
import type { AppInstance } from '../../http/app-instance.ts';
import type { Lang } from '../../http/messages.ts';
import {
  BreakdownAnswer,
  BreakdownQuery,
  CsvText,
  FunnelsAnswer,
  FunnelsQuery,
  OpenDataQuery,
  OpenKpisAnswer,
  OpenSeriesAnswer,
  OpenSeriesQuery,
  RefreshAnswer,
  SeriesAnswer,
  SeriesQuery,
  StatsAnswer,
  StatsQuery,
} from './analytics.schemas.ts';
import type { AnalyticsService } from './analytics.service.ts';

const langOf = (query: { lang?: Lang }, lang: Lang) => query.lang ?? lang;

/**
 * Answers through `reply`: at once when the text is in memory (a promise only on a process's first request); a
 * failure goes to the error handler like any other.
 */
function answer(reply: FastifyReply, text: string | Promise<string>, send: (text: string) => void): void {
  if (typeof text === 'string') send(text);
  else text.then(send, (error: unknown) => reply.send(error));
}

export function analyticsRoutes(app: AppInstance, analytics: AnalyticsService) {
  /**
   * The public answers are rendered once per snapshot and sent as text: Fastify passes a string with a JSON content
   * type through untouched, while the response schema still documents the shape.
   */
  const sendJson = (reply: FastifyReply, text: string | Promise<string>) =>
    answer(reply, text, (ready) => reply.type('application/json; charset=utf-8').send(ready));
  const sendCsv = (reply: FastifyReply, text: string | Promise<string>, fileName: string) =>
    answer(reply, text, (ready) =>
      reply.type('text/csv; charset=utf-8').header('content-disposition', `inline; filename="${fileName}"`).send(ready),
    );

  const tags = ['analytics'];
  const openTags = ['open data'];

  app.get(
    '/api/stats',
    {
      schema: {
        tags,
        summary: 'The ecosystem in figures, each with its counting rule (public)',
        description:
          'Served from the newest pre-computed snapshot (recomputed within a minute of a change). Money in kopecks as ' +
          'strings. `rules` gives the counting rule of each figure in the user language (Accept-Language or ?lang=). ' +
          '`durationMs` (how long the computation took) is shown to the operator only.',
        querystring: StatsQuery,
        response: { 200: StatsAnswer },
      },
    },
    (req, reply) => {
      sendJson(reply, analytics.statsJson(req.actor, langOf(req.query, req.lang)));
    },
  );

  app.get(
    '/api/stats/series',
    {
      schema: {
        tags,
        summary: 'Monthly or yearly series of the figures (public)',
        description:
          'period=month (default; YYYY-MM, Moscow time, every month from the first with data to now) or year. Without ' +
          '`figure`, every series. Counts in `value`, money in `valueKopecks`.',
        querystring: SeriesQuery,
        response: { 200: SeriesAnswer },
      },
    },
    (req, reply) => {
      sendJson(reply, analytics.seriesJson(req.query, langOf(req.query, req.lang)));
    },
  );

  app.get(
    '/api/stats/breakdowns',
    {
      schema: {
        tags,
        summary: 'Participants or implemented projects by technology area, OKVED section, SME category or district',
        description: 'of=participants (default) or projects. Largest first; `value` null means not given.',
        querystring: BreakdownQuery,
        response: { 200: BreakdownAnswer },
      },
    },
    (req, reply) => {
      sendJson(reply, analytics.breakdownJson(req.query, langOf(req.query, req.lang)));
    },
  );

  app.get(
    '/api/stats/funnels',
    {
      schema: {
        tags,
        summary: 'Funnels with conversion and median days between steps (operator)',
        description:
          'Counted live. from/to (YYYY-MM-DD, inclusive, Moscow days) narrow the entry step of every funnel; measureId ' +
          'narrows the support funnel, customerId (the requesting organization) the requests funnel, technology every ' +
          'funnel (the organization’s areas; the request’s areas for requests). Each funnel lists the filters it took.',
        querystring: FunnelsQuery,
        response: { 200: FunnelsAnswer },
      },
    },
    (req) => analytics.funnels(req.actor, req.query, req.lang),
  );

  app.post(
    '/api/stats/refresh',
    {
      schema: {
        tags,
        summary: 'Recompute the figures now (operator)',
        response: { 200: RefreshAnswer },
      },
    },
    (req) => analytics.refreshNow(req.actor),
  );

  app.get(
    '/api/open-data/kpis.json',
    {
      schema: {
        tags: openTags,
        summary: 'Open data: the headline figures with their counting rules and the date computed',
        description:
          'Stable URL. Money in rubles with kopecks as decimal strings (unit RUB). ?lang=ru|en for the texts.',
        querystring: OpenDataQuery,
        response: { 200: OpenKpisAnswer },
      },
    },
    (req, reply) => {
      sendJson(reply, analytics.openKpis('json', langOf(req.query, req.lang)));
    },
  );

  app.get(
    '/api/open-data/kpis.csv',
    {
      schema: {
        tags: openTags,
        summary: 'Open data: the headline figures as CSV',
        description:
          'Stable URL. UTF-8 with a BOM, comma-separated, columns figure,value,unit,rule,computedAt; money in rubles with ' +
          'kopecks and a decimal point (unit RUB).',
        querystring: OpenDataQuery,
        response: { 200: CsvText },
        produces: ['text/csv'],
      },
    },
    (req, reply) => {
      sendCsv(reply, analytics.openKpis('csv', langOf(req.query, req.lang)), 'kpis.csv');
    },
  );

  app.get(
    '/api/open-data/series.json',
    {
      schema: {
        tags: openTags,
        summary: 'Open data: monthly (default) or yearly series of the figures with their counting rules',
        querystring: OpenSeriesQuery,
        response: { 200: OpenSeriesAnswer },
      },
    },
    (req, reply) => {
      sendJson(reply, analytics.openSeries('json', req.query.period ?? 'month', langOf(req.query, req.lang)));
    },
  );

  app.get(
    '/api/open-data/series.csv',
    {
      schema: {
        tags: openTags,
        summary: 'Open data: the series as CSV',
        description: 'UTF-8 with a BOM; columns figure,period,value,unit,rule,computedAt.',
        querystring: OpenSeriesQuery,
        response: { 200: CsvText },
        produces: ['text/csv'],
      },
    },
    (req, reply) => {
      sendCsv(
        reply,
        analytics.openSeries('csv', req.query.period ?? 'month', langOf(req.query, req.lang)),
        'series.csv',
      );
    },
  );
}
