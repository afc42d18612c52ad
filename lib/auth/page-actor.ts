// For server components: the signed-in person, or a redirect to sign-in (or a 403 page for a role).
import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { resolveActor, type TActor } from './actor';
import { hasRole, type TRole } from './roles';

// once per request: the layout and the page both ask, and each ask is a session lookup
const requestActor = cache(async () => resolveActor(await headers()));

export async function getPageActor(needed: TRole = 'viewer'): Promise<TActor> {
  const actor = await requestActor();
  if (!actor) redirect('/sign-in');
  if (!hasRole(actor.role, needed)) forbidden();
  return actor;
}
