import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZSyncRunsQuery } from '@/lib/api/schemas/connections';
import { listSyncRuns } from '@/lib/connections/list-sync-runs';

export const dynamic = 'force-dynamic';

// The run log of syncs and imports, newest first.
export const GET = apiRoute(routeAccess('/api/v1/sync-runs', 'GET'), async ({ req }) => ({
  runs: await listSyncRuns(parseQuery(ZSyncRunsQuery, req)),
}));
