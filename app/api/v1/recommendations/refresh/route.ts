import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { env } from '@/lib/env';
import { getRecommendationRun } from '@/lib/queries/list-recommendations';
import { refreshRecommendations } from '@/lib/recommendations/engine/refresh-recommendations';

export const dynamic = 'force-dynamic';

// Runs the refresh now (a few seconds) and answers with its run; 409 while another refresh runs.
export const POST = apiRoute(routeAccess('/api/v1/recommendations/refresh', 'POST'), async ({ actor }) => {
  const run = await refreshRecommendations({ currency: env().DISPLAY_CURRENCY, trigger: 'api', actor, wait: false });
  return getRecommendationRun(run.runId);
});
