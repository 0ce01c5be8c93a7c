// Resolves the session cookie to req.actor and guards state-changing requests with the CSRF token.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AuthService, SessionGrant } from '../modules/auth/auth.service.ts';
import type { Actor } from './actor.ts';
import { AppError } from './app-error.ts';
import { type Lang, pickLang } from './messages.ts';

export const SESSION_COOKIE = 'klaster_session';
export const LANG_COOKIE = 'klaster_lang';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    sessionToken?: string;
    csrfToken?: string;
  }
}

export function registerSession(app: FastifyInstance, auth: AuthService, options: { secureCookies: boolean }) {
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'ru');

  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.headers['accept-language'], request.cookies[LANG_COOKIE]);
    const token = request.cookies[SESSION_COOKIE];
    // a request with an Authorization header is an API token's (http/api-token.ts), never the cookie's session
    if (!token || !request.url.startsWith('/api/') || request.headers.authorization !== undefined) return;
    const session = await auth.resolveSession(token);
    if (!session) return;
    request.actor = session.actor;
    request.sessionToken = token;
    request.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('auth.csrf', 'forbidden');
    }
  });

  return {
    setSessionCookie(reply: FastifyReply, grant: SessionGrant) {
      reply.setCookie(SESSION_COOKIE, grant.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        expires: grant.expiresAt,
      });
    },
    clearSessionCookie(reply: FastifyReply) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  };
}

export type SessionCookies = ReturnType<typeof registerSession>;
