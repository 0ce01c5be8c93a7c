import { requireUser } from '../../http/actor.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { Ok } from '../../http/schema-helpers.ts';
import type { SessionCookies } from '../../http/session.ts';
import { LoginBody, MeAnswer, RegisterBody, SessionAnswer } from './auth.schemas.ts';
import type { AuthService } from './auth.service.ts';

export function authRoutes(app: AppInstance, auth: AuthService, cookies: SessionCookies) {
  const tags = ['auth'];

  app.post(
    '/api/auth/register',
    { schema: { tags, summary: 'Register a user and sign in', body: RegisterBody, response: { 201: SessionAnswer } } },
    async (req, reply) => {
      const { user, session } = await auth.register({ ...req.body, locale: req.body.locale ?? req.lang });
      cookies.setSessionCookie(reply, session);
      return reply.status(201).send({ user, csrfToken: session.csrfToken });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Sign in with e-mail and password', body: LoginBody, response: { 200: SessionAnswer } },
    },
    async (req, reply) => {
      const { user, session } = await auth.login(req.body, req.ip);
      cookies.setSessionCookie(reply, session);
      return { user, csrfToken: session.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out', response: { 200: Ok } } }, async (req, reply) => {
    await auth.logout(req.sessionToken);
    cookies.clearSessionCookie(reply);
    return { ok: true };
  });

  app.get(
    '/api/auth/me',
    {
      schema: { tags, summary: 'The signed-in user, their organizations and CSRF token', response: { 200: MeAnswer } },
    },
    async (req) => {
      const me = await auth.me(requireUser(req.actor));
      return { ...me, csrfToken: req.csrfToken ?? '' };
    },
  );
}
