import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateConnection } from '@/lib/api/schemas/connections';
import { deleteConnection } from '@/lib/connections/delete-connection';
import { getConnection } from '@/lib/connections/list-connections';
import { updateConnection } from '@/lib/connections/update-connection';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/connections/{id}', 'GET'), async ({ params }) => getConnection(String(params.id)));

export const PATCH = apiRoute(routeAccess('/api/v1/connections/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const input = await parseBody(ZUpdateConnection, req);
  return updateConnection(actor, String(params.id), input);
});

export const DELETE = apiRoute(routeAccess('/api/v1/connections/{id}', 'DELETE'), async ({ actor, params }) => ({
  ok: true,
  ...(await deleteConnection(actor, String(params.id))),
}));
