import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateProfile } from '@/lib/api/schemas/account';
import { getProfile } from '@/lib/account/get-profile';
import { localeCookie } from '@/lib/account/locale-cookie';
import { requirePerson } from '@/lib/account/person-actor';
import { updateProfile } from '@/lib/account/update-profile';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/me', 'GET'), async ({ actor }) => getProfile(requirePerson(actor).id));

export const PATCH = apiRoute(routeAccess('/api/v1/me', 'PATCH'), async ({ req, actor }) => {
  const person = requirePerson(actor);
  const input = await parseBody(ZUpdateProfile, req);
  const profile = await updateProfile(person, input);
  const headers = new Headers();
  // the sign-in page speaks the chosen language next time, before anyone has signed in
  if (input.locale !== undefined) headers.append('set-cookie', localeCookie(input.locale));
  return Response.json(profile, { headers });
});
