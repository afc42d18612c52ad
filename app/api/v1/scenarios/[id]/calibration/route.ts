import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZAdoptCalibration } from '@/lib/api/schemas/scenarios';
import { adoptCalibration } from '@/lib/scenarios/adopt-calibration';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(routeAccess('/api/v1/scenarios/{id}/calibration', 'POST'), async ({ req, actor, params }) => {
  const what = await parseBody(ZAdoptCalibration, req);
  return adoptCalibration(String(params.id), what, actor, new Date());
});
