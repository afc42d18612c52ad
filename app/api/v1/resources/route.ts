import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { getResources, ZResourcesQuery } from '@/lib/queries/get-resources';
import { windowForDays } from '@/lib/utilisation/window';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/resources', 'GET'), async ({ req }) => {
  const { days } = parseQuery(ZResourcesQuery, req);
  const { from, to } = windowForDays(days, new Date());
  return getResources({ from, to });
});
