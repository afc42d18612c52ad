import { apiRoute, parseQuery } from '@/lib/api/handler';
import { getResourceMetrics, ZResourceMetricsQuery } from '@/lib/queries/get-resource-metrics';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/v1/resources/{id}/metrics', role: 'viewer' }, async ({ req, params }) =>
  getResourceMetrics({ resourceId: String(params.id), ...parseQuery(ZResourceMetricsQuery, req) }),
);
