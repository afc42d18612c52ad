import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateRecommendation } from '@/lib/api/schemas/recommendations';
import { env } from '@/lib/env';
import { getRecommendation } from '@/lib/queries/get-recommendation';
import { updateRecommendationStatus } from '@/lib/recommendations/update-recommendation-status';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/recommendations/{id}', 'GET'), async ({ params }) =>
  getRecommendation(String(params.id), { currency: env().DISPLAY_CURRENCY }),
);

export const PATCH = apiRoute(routeAccess('/api/v1/recommendations/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const input = await parseBody(ZUpdateRecommendation, req);
  await updateRecommendationStatus(String(params.id), input, actor);
  return getRecommendation(String(params.id), { currency: env().DISPLAY_CURRENCY });
});
