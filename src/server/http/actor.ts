import type { PlatformRole } from '../db/schema/auth.ts';
import { forbidden, unauthenticated } from './app-error.ts';

/** Who is acting: the signed-in user, or a guest (null). */
export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  role: PlatformRole;
}

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

/** The administrator holds every operator right. */
export function isOperator(actor: Actor | null): boolean {
  return actor?.role === 'operator' || actor?.role === 'admin';
}

export function requireOperator(actor: Actor | null): Actor {
  const user = requireUser(actor);
  if (!isOperator(user)) throw forbidden();
  return user;
}
