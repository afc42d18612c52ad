import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { env } from '@/lib/env';
import { getCostClassMapping } from '@/lib/queries/get-cost-class-mapping';
import { updateCostClassMapping, ZCostClassMappingUpdate } from '@/lib/scenarios/update-cost-class-mapping';

export const dynamic = 'force-dynamic';

const view = () => {
  const { DISPLAY_CURRENCY, ORG_TIMEZONE } = env();
  return getCostClassMapping({ now: new Date(), currency: DISPLAY_CURRENCY, timeZone: ORG_TIMEZONE });
};

export const GET = apiRoute(routeAccess('/api/v1/cost-class-mapping', 'GET'), async () => view());

export const PUT = apiRoute(routeAccess('/api/v1/cost-class-mapping', 'PUT'), async ({ req, actor }) => {
  await updateCostClassMapping(await parseBody(ZCostClassMappingUpdate, req), actor);
  return view();
});
