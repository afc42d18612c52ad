import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCreateConnection } from '@/lib/api/schemas/connections';
import { createConnection } from '@/lib/connections/create-connection';
import { listConnections } from '@/lib/connections/list-connections';

export const dynamic = 'force-dynamic';

// Everyone may see connections; no response carries a credential (only its last 4 characters).
export const GET = apiRoute(routeAccess('/api/v1/connections', 'GET'), async () => ({ connections: await listConnections() }));

export const POST = apiRoute(routeAccess('/api/v1/connections', 'POST'), async ({ req, actor }) => {
  const input = await parseBody(ZCreateConnection, req);
  return Response.json(await createConnection(actor, input), { status: 201 });
});
