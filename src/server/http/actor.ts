import type { PlatformRole } from '../db/schema/auth.ts';
import { AppError, forbidden, unauthenticated } from './app-error.ts';

/** Who is acting: the signed-in user, or a guest (null). */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  role: PlatformRole;
  /**
   * Set when the request came with an organization's API token: the one organization it acts for. The creator's
   * memberships in other organizations do not count for it.
   */
  onlyOrganizationId?: string;
}

/** Whether the actor may act for the organization at all: an API token only for its own. */
export function mayActFor(actor: Actor, organizationId: string): boolean {
  return actor.onlyOrganizationId === undefined || actor.onlyOrganizationId === organizationId;
}

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** The administrator holds every operator right. */
export function isOperator(actor: Actor | null): boolean {
  return actor?.role === 'operator' || actor?.role === 'admin';
}

/** For what people do for themselves (register an organization, join one): never with an API token. */
export function requirePerson(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (user.onlyOrganizationId !== undefined) throw new AppError('auth.token_session_only', 'forbidden');
  return user;
}

export function requireOperator(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (!isOperator(user)) throw forbidden();
  return user;
}
