import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZSyncRequest } from '@/lib/api/schemas/connections';
import { audit } from '@/lib/audit';
import { enqueueSync } from '@/lib/connections/enqueue-sync';
import { findConnection } from '@/lib/connections/find-connection';

export const dynamic = 'force-dynamic';

// Queues the sync and answers at once (202); the run log shows it when it runs.
export const POST = apiRoute(routeAccess('/api/v1/connections/{id}/sync', 'POST'), async ({ req, actor, params }) => {
  const input = await parseBody(ZSyncRequest, req);
  const connection = await findConnection(String(params.id));
  const queued = await enqueueSync(connection.id, { from: input.from, to: input.to, trigger: 'manual' });
  await audit(actor, 'connection.sync', { type: 'connection', id: connection.id }, { name: connection.name, ...input, ...queued });
  return Response.json(queued, { status: 202 });
});
