import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCalibrationQuery } from '@/lib/api/schemas/scenarios';
import { getCalibration } from '@/lib/queries/get-calibration';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/calibration', 'GET'), async ({ req }) => {
  const q = parseQuery(ZCalibrationQuery, req);
  return getCalibration({ now: new Date(), scenarioId: q.scenarioId, days: q.days });
});
