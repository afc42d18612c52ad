import { updateAnomalyStatus } from '@/lib/anomalies/update-anomaly-status';
import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateAnomaly } from '@/lib/api/schemas/anomalies';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute(routeAccess('/api/v1/anomalies/{id}', 'PATCH'), async ({ req, actor, params }) =>
  updateAnomalyStatus(String(params.id), await parseBody(ZUpdateAnomaly, req), actor),
);
