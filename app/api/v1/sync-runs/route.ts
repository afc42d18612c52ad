import { apiRoute, parseQuery } from '@/lib/api/handler';
import { ZSyncRunsQuery } from '@/lib/api/schemas/connections';
import { listSyncRuns } from '@/lib/connections/list-sync-runs';

export const dynamic = 'force-dynamic';

// The run log of syncs and imports, newest first.
export const GET = apiRoute({ route: '/api/v1/sync-runs', role: 'viewer' }, async ({ req }) => ({
  runs: await listSyncRuns(parseQuery(ZSyncRunsQuery, req)),
}));
