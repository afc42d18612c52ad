import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { listBusinessMetrics } from '@/lib/queries/list-business-metrics';
import { createMetric } from '@/lib/unit-costs/metric-store';
import { ZCreateMetric } from '@/lib/unit-costs/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/business-metrics', 'GET'), async () => ({ metrics: await listBusinessMetrics() }));

export const POST = apiRoute(routeAccess('/api/v1/business-metrics', 'POST'), async ({ req, actor }) => {
  const metric = await createMetric(await parseBody(ZCreateMetric, req), actor);
  const view = (await listBusinessMetrics()).find((m) => m.name === metric.name);
  return Response.json(view, { status: 201 });
});
