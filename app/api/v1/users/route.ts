import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCreateUser } from '@/lib/api/schemas/access';
import { audit } from '@/lib/audit';
import { createUser } from '@/lib/auth/users';
import { listUsers } from '@/lib/queries/list-access';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/users', 'GET'), async () => ({ users: await listUsers() }));

export const POST = apiRoute(routeAccess('/api/v1/users', 'POST'), async ({ req, actor }) => {
  const input = await parseBody(ZCreateUser, req);
  const user = await createUser(input);
  await audit(actor, 'user.create', { type: 'user', id: user.id }, { email: user.email, role: user.role });
  return Response.json({ id: user.id, email: user.email, role: user.role }, { status: 201 });
});
