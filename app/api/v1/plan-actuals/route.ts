import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZPlanActualsQuery } from '@/lib/api/schemas/plan-actuals';
import { env } from '@/lib/env';
import { getPlanActuals } from '@/lib/queries/get-plan-actuals';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/plan-actuals', 'GET'), async ({ req }) => {
  const query = parseQuery(ZPlanActualsQuery, req);
  const { DISPLAY_CURRENCY, ORG_TIMEZONE } = env();
  return getPlanActuals({ now: new Date(), currency: query.currency ?? DISPLAY_CURRENCY, timeZone: ORG_TIMEZONE });
});
