import { redirect } from '@tanstack/react-router';
import { sessionQueryOptions } from '../features/auth/api/session.ts';
import type { RouterContext } from './root.tsx';

/** Pages for signed-in people send guests to the sign-in page and bring them back afterwards. */
export async function requireSignedIn({ context, location }: { context: RouterContext; location: { href: string } }) {
  const user = await context.queryClient.ensureQueryData(sessionQueryOptions);
  if (!user) throw redirect({ to: '/login', search: { redirect: location.href } });
  return { user };
}

/** Only same-site paths are followed after sign-in, never another site's address. */
export function safeRedirectTarget(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/cabinet';
}
