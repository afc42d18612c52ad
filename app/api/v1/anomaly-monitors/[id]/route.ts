import { deleteMonitor, updateMonitor } from '@/lib/anomalies/monitor-store';
import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateMonitor } from '@/lib/api/schemas/anomalies';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute(routeAccess('/api/v1/anomaly-monitors/{id}', 'PATCH'), async ({ req, actor, params }) =>
  updateMonitor(String(params.id), await parseBody(ZUpdateMonitor, req), actor),
);

export const DELETE = apiRoute(routeAccess('/api/v1/anomaly-monitors/{id}', 'DELETE'), async ({ actor, params }) => ({
  ok: true,
  ...(await deleteMonitor(String(params.id), actor)),
}));
