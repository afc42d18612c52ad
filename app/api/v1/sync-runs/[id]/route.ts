import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { isUuid } from '@/lib/connections/find-connection';
import { getSyncRun } from '@/lib/connections/list-sync-runs';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/sync-runs/{id}', 'GET'), async ({ params }) => {
  const id = String(params.id);
  const run = isUuid(id) ? await getSyncRun(id) : null;
  if (!run) throw new AppError('NOT_FOUND', `no sync run ${id}`);
  return run;
});
