import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { PlatformRole } from '../../db/schema/auth.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, unauthenticated } from '../../http/app-error.ts';
import { listUserMemberships } from '../organizations/organizations.repository.ts';
import * as repo from './auth.repository.ts';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
// failed sign-ins: at most 5 per e-mail and 30 per address in 15 minutes
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function hashPassword(password: string) {
  return hash(password); // argon2id with the library's OWASP-level defaults
}

export interface SessionGrant {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export function createAuthService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function openSession(userId: string): Promise<SessionGrant> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(clock.now().getTime() + SESSION_TTL_MS);
    await repo.insertSession(db, { tokenHash: sha256(token), userId, csrfToken, expiresAt });
    return { token, csrfToken, expiresAt };
  }

  async function describeUser(userId: string) {
    const user = await repo.findUserById(db, userId);
    if (!user) throw unauthenticated();
    const memberships = await listUserMemberships(db, userId);
    const organizations = memberships.map((m) => ({ id: m.organizationId, orgRole: m.orgRole }));
    return { id: user.id, email: user.email, fullName: user.fullName, role: user.role, organizations };
  }

  return {
    async register(input: { email: string; password: string; fullName: string; locale?: string }) {
      const email = input.email.trim().toLowerCase();
      const user = await repo.insertUser(db, {
        email,
        passwordHash: await hashPassword(input.password),
        fullName: input.fullName.trim(),
        locale: input.locale ?? 'ru',
      });
      if (!user) throw conflict('auth.email_taken');
      const session = await openSession(user.id);
      return { user: await describeUser(user.id), session };
    },

    async login(input: { email: string; password: string }, ip: string) {
      const email = input.email.trim().toLowerCase();
      const now = clock.now();
      const failures = await repo.countLoginFailures(db, email, ip, new Date(now.getTime() - THROTTLE_WINDOW_MS));
      if (failures.byEmail >= MAX_FAILURES_PER_EMAIL || failures.byIp >= MAX_FAILURES_PER_IP) {
        throw new AppError('auth.throttled', 'too_many', { minutes: THROTTLE_WINDOW_MS / 60_000 });
      }
      const user = await repo.findUserByEmail(db, email);
      // verify against a dummy hash when the user is unknown, so timing does not tell which e-mails exist
      const ok = await verify(user?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
      if (!user || !ok) {
        await repo.recordLoginFailure(db, email, ip, now);
        throw new AppError('auth.invalid_credentials', 'unauthenticated');
      }
      await repo.clearLoginFailures(db, email, new Date(now.getTime() - THROTTLE_WINDOW_MS));
      const session = await openSession(user.id);
      return { user: await describeUser(user.id), session };
    },

    async logout(token: string | undefined) {
      if (token) await repo.deleteSession(db, sha256(token));
    },

    me(actor: Actor) {
      return describeUser(actor.userId);
    },

    /** Resolves a session cookie to the acting user and the CSRF token the session was given. */
    async resolveSession(token: string) {
      const row = await repo.findSession(db, sha256(token), clock.now());
      if (!row) return undefined;
      const actor: Actor = { userId: row.userId, email: row.email, fullName: row.fullName, role: row.role };
      return { actor, csrfToken: row.csrfToken };
    },

    /** Makes sure a user with this e-mail exists with this role and password (ADMIN_EMAIL, demo accounts). */
    async ensureUser(input: { email: string; password: string; fullName: string; role: PlatformRole }) {
      const email = input.email.toLowerCase();
      const passwordHash = await hashPassword(input.password);
      const existing = await repo.findUserByEmail(db, email);
      if (existing) {
        await repo.setUserRoleAndPassword(db, existing.id, input.role, passwordHash);
        return existing.id;
      }
      const created = await repo.insertUser(db, { email, passwordHash, fullName: input.fullName, role: input.role });
      if (created) return created.id;
      return (await repo.findUserByEmail(db, email))!.id;
    },
  };
}

// argon2id hash of a random string nobody knows, for constant-time refusals
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$u1Ijm2TuoBaTzBHhW4cyjXgD8s3vFsMdN0cmWDxqCY0';

export type AuthService = ReturnType<typeof createAuthService>;
