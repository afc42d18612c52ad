import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZAnomalySeriesQuery } from '@/lib/api/schemas/anomalies';
import { isUuid } from '@/lib/connections/find-connection';
import { AppError } from '@/lib/errors';
import { getAnomalySeries } from '@/lib/queries/get-anomaly-series';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/anomaly-monitors/{id}/series', 'GET'), async ({ req, params }) => {
  const id = String(params.id);
  if (!isUuid(id)) throw new AppError('NOT_FOUND', `no anomaly monitor ${id}`);
  return getAnomalySeries({ monitorId: id, ...parseQuery(ZAnomalySeriesQuery, req) });
});
