// For server components: the signed-in person, or a redirect to sign-in (or a 403 page for a role).
import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { resolveActor, type TActor } from './actor';
import { hasRole, type TRole } from './roles';

// once per request: the layout, the page and the locale (lib/i18n/request.ts) all ask, and each ask
// is a session lookup
export const requestActor = cache(async () => resolveActor(await headers()));

// A person whose password an admin reset signs in with a one-time password and is sent to their
// account page until they choose their own (that page passes allowPasswordChange).
export async function getPageActor(needed: TRole = 'viewer', options: { allowPasswordChange?: boolean } = {}): Promise<TActor> {
  const actor = await requestActor();
  if (!actor) redirect('/sign-in');
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect('/account');
  if (!hasRole(actor.role, needed)) forbidden();
  return actor;
}
