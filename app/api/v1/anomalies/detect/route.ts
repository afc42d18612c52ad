import { runAnomalyDetection } from '@/lib/anomalies/run-detection';
import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZDetectRequest } from '@/lib/api/schemas/anomalies';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(routeAccess('/api/v1/anomalies/detect', 'POST'), async ({ req }) => {
  const text = await req.clone().text();
  const input = text.trim() ? await parseBody(ZDetectRequest, req) : {};
  return runAnomalyDetection(input);
});
