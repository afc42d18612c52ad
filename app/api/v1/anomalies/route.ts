import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZAnomalyListQuery } from '@/lib/api/schemas/anomalies';
import { listAnomalies } from '@/lib/queries/list-anomalies';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/anomalies', 'GET'), async ({ req }) => ({
  rows: await listAnomalies(parseQuery(ZAnomalyListQuery, req)),
}));
