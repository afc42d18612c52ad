import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZRecommendationsQuery } from '@/lib/api/schemas/recommendations';
import { env } from '@/lib/env';
import { listRecommendations } from '@/lib/queries/list-recommendations';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/recommendations', 'GET'), async ({ req }) => {
  const query = parseQuery(ZRecommendationsQuery, req);
  return listRecommendations({ ...query, currency: env().DISPLAY_CURRENCY });
});
