import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZConnectionRunsQuery } from '@/lib/api/schemas/connections';
import { findConnection } from '@/lib/connections/find-connection';
import { listSyncRuns } from '@/lib/connections/list-sync-runs';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/connections/{id}/runs', 'GET'), async ({ req, params }) => {
  const { limit } = parseQuery(ZConnectionRunsQuery, req);
  const connection = await findConnection(String(params.id));
  return { runs: await listSyncRuns({ connectionId: connection.id, limit }) };
});
