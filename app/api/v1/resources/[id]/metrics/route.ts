import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { getResourceMetrics, ZResourceMetricsQuery } from '@/lib/queries/get-resource-metrics';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/resources/{id}/metrics', 'GET'), async ({ req, params }) =>
  getResourceMetrics({ resourceId: String(params.id), ...parseQuery(ZResourceMetricsQuery, req) }),
);
