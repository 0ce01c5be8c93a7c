// `Authorization: Bearer <token>`: an organization's API token acts as its creator for that organization only, within
// its scopes, without a session or CSRF token (a browser never sends this header by itself, so there is nothing to
// forge).
import type { FastifyInstance } from 'fastify';
import { checkTokenScope } from '../../shared/integrations.ts';
import type { IntegrationsService } from '../modules/integrations/integrations.service.ts';
import { AppError } from './app-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** the API token the request came with, when it came with one */
    apiToken?: { id: string; organizationId: string; scopes: string[] };
  }
}

/** The token of an `Authorization: Bearer …` header; undefined without one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export function registerApiTokens(app: FastifyInstance, integrations: IntegrationsService) {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header === undefined) return;
    const token = bearerToken(header);
    if (!token) throw new AppError('auth.token_invalid', 'unauthenticated');
    const grant = await integrations.authenticateToken(token);
    if (!grant) throw new AppError('auth.token_invalid', 'unauthenticated');
    // an address no route answers keeps its 404
    if (request.is404) return;
    const check = checkTokenScope(grant.scopes, request.routeOptions.schema?.tags, request.method);
    if (!check.allowed) {
      if (check.reason === 'session_only') throw new AppError('auth.token_session_only', 'forbidden');
      throw new AppError('auth.token_scope', 'forbidden', { scope: check.scope });
    }
    request.actor = grant.actor;
    request.apiToken = { id: grant.tokenId, organizationId: grant.organizationId, scopes: grant.scopes };
  });
}
