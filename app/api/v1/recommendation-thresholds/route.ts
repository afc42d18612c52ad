import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZThresholdsUpdate } from '@/lib/api/schemas/recommendation-thresholds';
import { getRecommendationThresholds } from '@/lib/queries/get-recommendation-thresholds';
import { updateRecommendationThresholds } from '@/lib/recommendations/update-thresholds';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/recommendation-thresholds', 'GET'), async () => getRecommendationThresholds());

export const PUT = apiRoute(routeAccess('/api/v1/recommendation-thresholds', 'PUT'), async ({ req, actor }) => {
  await updateRecommendationThresholds(await parseBody(ZThresholdsUpdate, req), actor);
  return getRecommendationThresholds();
});
