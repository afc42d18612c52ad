import { createMonitor } from '@/lib/anomalies/monitor-store';
import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCreateMonitor } from '@/lib/api/schemas/anomalies';
import { listAnomalyMonitors } from '@/lib/queries/list-anomaly-monitors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/anomaly-monitors', 'GET'), async () => ({ monitors: await listAnomalyMonitors() }));

export const POST = apiRoute(routeAccess('/api/v1/anomaly-monitors', 'POST'), async ({ req, actor }) => {
  const monitor = await createMonitor(await parseBody(ZCreateMonitor, req), actor);
  return Response.json(monitor, { status: 201 });
});
