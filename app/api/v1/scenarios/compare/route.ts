import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCompareQuery } from '@/lib/api/schemas/scenarios';
import { env } from '@/lib/env';
import { compareStoredScenarios } from '@/lib/scenarios/compare-stored-scenarios';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/scenarios/compare', 'GET'), async ({ req }) => {
  const q = parseQuery(ZCompareQuery, req);
  return compareStoredScenarios(q.ids, { now: new Date(), samples: q.samples, currency: env().DISPLAY_CURRENCY });
});
