import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCommitmentPlanQuery } from '@/lib/api/schemas/recommendations';
import { env } from '@/lib/env';
import { getCommitmentPlan } from '@/lib/queries/get-commitment-plan';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/commitments/plan', 'GET'), async ({ req }) => {
  const query = parseQuery(ZCommitmentPlanQuery, req);
  return getCommitmentPlan({ ...query, currency: env().DISPLAY_CURRENCY });
});
