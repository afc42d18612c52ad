import { apiRoute, parseBody } from '@/lib/api/handler';
import { ZUpdateConnection } from '@/lib/api/schemas/connections';
import { deleteConnection } from '@/lib/connections/delete-connection';
import { getConnection } from '@/lib/connections/list-connections';
import { updateConnection } from '@/lib/connections/update-connection';

export const dynamic = 'force-dynamic';

const route = '/api/v1/connections/{id}';

export const GET = apiRoute({ route, role: 'viewer' }, async ({ params }) => getConnection(String(params.id)));

export const PATCH = apiRoute({ route, role: 'admin' }, async ({ req, actor, params }) => {
  const input = await parseBody(ZUpdateConnection, req);
  return updateConnection(actor, String(params.id), input);
});

export const DELETE = apiRoute({ route, role: 'admin' }, async ({ actor, params }) => ({
  ok: true,
  ...(await deleteConnection(actor, String(params.id))),
}));
