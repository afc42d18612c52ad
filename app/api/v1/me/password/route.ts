import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZChangePassword } from '@/lib/api/schemas/account';
import { changeOwnPassword } from '@/lib/account/change-own-password';
import { requirePerson } from '@/lib/account/person-actor';
import { auth } from '@/lib/auth/auth';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(routeAccess('/api/v1/me/password', 'POST'), async ({ req, actor }) => {
  const person = requirePerson(actor);
  const input = await parseBody(ZChangePassword, req);
  // this session stays signed in; the person's others end
  const session = await auth().api.getSession({ headers: req.headers });
  await changeOwnPassword(person, { ...input, sessionId: session?.session.id ?? null });
  return { ok: true };
});
