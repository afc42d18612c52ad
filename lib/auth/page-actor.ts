// For server components: the signed-in person, or a redirect to sign-in (or a 403 page for a role).
import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { resolveActor, type TActor } from './actor';
import { hasRole, type TRole } from './roles';

export async function getPageActor(needed: TRole = 'viewer'): Promise<TActor> {
  const actor = await resolveActor(await headers());
  if (!actor) redirect('/sign-in');
  if (!hasRole(actor.role, needed)) forbidden();
  return actor;
}
