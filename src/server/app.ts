// buildApp(deps): every plugin and module, no listen — the server and the tests both start here.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { Type } from 'typebox';
import { type Cache, createMemoryCache, createRedisCache } from './cache.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { registerApiTokens } from './http/api-token.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { registerMetrics } from './http/metrics.ts';
import { ErrorResponse } from './http/schema-helpers.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerSession } from './http/session.ts';
import { analyticsRoutes } from './modules/analytics/analytics.routes.ts';
import { createAnalyticsService } from './modules/analytics/analytics.service.ts';
import { applicationsRoutes } from './modules/applications/applications.routes.ts';
import { createApplicationsService } from './modules/applications/applications.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { createExportsService } from './modules/exports/exports.service.ts';
import { filesRoutes } from './modules/files/files.routes.ts';
import { createFilesService } from './modules/files/files.service.ts';
import { integrationsRoutes } from './modules/integrations/integrations.routes.ts';
import { createIntegrationsService } from './modules/integrations/integrations.service.ts';
import { investmentsRoutes } from './modules/investments/investments.routes.ts';
import { createInvestmentsService } from './modules/investments/investments.service.ts';
import { mailRoutes } from './modules/mail/mail.routes.ts';
import { createMailService } from './modules/mail/mail.service.ts';
import { measuresRoutes } from './modules/measures/measures.routes.ts';
import { createMeasuresService } from './modules/measures/measures.service.ts';
import { membershipRoutes } from './modules/membership/membership.routes.ts';
import { createMembershipService } from './modules/membership/membership.service.ts';
import { createRegistryService } from './modules/membership/registry.service.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { createOrganizationsService } from './modules/organizations/organizations.service.ts';
import { pilotsRoutes } from './modules/pilots/pilots.routes.ts';
import { createPilotsService } from './modules/pilots/pilots.service.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { createProjectsService } from './modules/projects/projects.service.ts';
import { requestsRoutes } from './modules/requests/requests.routes.ts';
import { createRequestsService } from './modules/requests/requests.service.ts';
import { reviewsRoutes } from './modules/reviews/reviews.routes.ts';
import { createReviewsService } from './modules/reviews/reviews.service.ts';
import { recommendationsRoutes } from './modules/search/recommendations.routes.ts';
import { createRecommendationsService } from './modules/search/recommendations.service.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { createSearchService } from './modules/search/search.service.ts';
import { solutionsRoutes } from './modules/solutions/solutions.routes.ts';
import { createSolutionsService } from './modules/solutions/solutions.service.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
}

export async function buildApp(deps: AppDeps) {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const db = database.db;

  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: () => randomUUID(),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    ajv: {
      customOptions: {
        removeAdditional: false, // unknown fields are refused, never silently dropped
        coerceTypes: 'array',
        allErrors: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerSecurityHeaders(app);
  registerErrorHandling(app);
  // every documented route also documents the error answer
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    route.schema.response = { ...response, '4xx': ErrorResponse, '5xx': ErrorResponse };
  });
  await app.register(fastifyCookie);
  if (config.rateLimitPerMinute > 0) {
    const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
    if (redis) app.addHook('onClose', async () => redis.disconnect());
    await app.register(fastifyRateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      allowList: (req) => !req.url.startsWith('/api/'),
      ...(redis ? { redis } : {}),
    });
  }
  registerMetrics(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Klaster API',
        version: '0.1.0',
        description:
          'Platform of a city innovation cluster. Errors: { error: { code, message, fields?, requestId } }. ' +
          'Session cookie + X-CSRF-Token for the web app. Money is integer kopecks in fields ending Kopecks.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'klaster_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          bearer: { type: 'http', scheme: 'bearer', description: "an organization's API token, within its scopes" },
        },
      },
      security: [{ session: [], csrf: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const cache: Cache = config.redisUrl ? createRedisCache(config.redisUrl) : createMemoryCache();
  app.addHook('onClose', () => cache.close());
  const auth = createAuthService({ db, clock });
  const cookies = registerSession(app, auth, { secureCookies: config.secureCookies });
  const integrations = createIntegrationsService({ db, clock, allowPrivateWebhooks: config.webhooksAllowPrivate });
  registerApiTokens(app, integrations);
  registerIdempotency(app, { db, clock });
  const organizations = createOrganizationsService({ db, clock, cache });
  const membership = createMembershipService({ db, clock, cache });
  const registry = createRegistryService({ db, cache });
  const audit = createAuditService({ db });
  const mail = createMailService({ db });
  const measures = createMeasuresService({ db, clock });
  const applications = createApplicationsService({ db, clock });
  const reviews = createReviewsService({ db, clock });
  const exportsService = createExportsService({ db, clock });
  const files = createFilesService({ db, clock });
  const notifications = createNotificationsService({ db, clock });
  const requests = createRequestsService({ db, clock, cache });
  const solutions = createSolutionsService({ db, clock });
  const pilots = createPilotsService({ db, clock });
  const projects = createProjectsService({ db, clock, cache });
  const search = createSearchService({ db, cache });
  const investments = createInvestmentsService({ db, clock });
  const recommendations = createRecommendationsService({ db, clock, measures, investments });
  const analytics = createAnalyticsService({ db, clock, cache });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and which database is in use',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, auth, cookies);
  organizationsRoutes(app, organizations);
  membershipRoutes(app, membership, registry);
  auditRoutes(app, audit);
  mailRoutes(app, mail);
  measuresRoutes(app, measures);
  applicationsRoutes(app, applications);
  reviewsRoutes(app, reviews);
  exportsRoutes(app, exportsService);
  filesRoutes(app, files);
  notificationsRoutes(app, notifications);
  requestsRoutes(app, requests);
  solutionsRoutes(app, solutions);
  pilotsRoutes(app, pilots);
  projectsRoutes(app, projects);
  searchRoutes(app, search);
  recommendationsRoutes(app, recommendations);
  investmentsRoutes(app, investments);
  integrationsRoutes(app, integrations);
  analyticsRoutes(app, analytics);

  if (config.webDir && fs.existsSync(path.join(config.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
    // the web app routes on the client: every page address answers index.html
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      const file = req.url.split('?')[0];
      if (file !== '/' && fs.existsSync(path.join(config.webDir!, file))) return reply.sendFile(file);
      return reply.type('text/html').sendFile('index.html');
    });
  }

  return Object.assign(app, {
    services: {
      auth,
      organizations,
      membership,
      registry,
      audit,
      mail,
      measures,
      applications,
      reviews,
      files,
      notifications,
      requests,
      solutions,
      pilots,
      projects,
      investments,
      analytics,
      integrations,
    },
  });
}

export type App = Awaited<ReturnType<typeof buildApp>>;
