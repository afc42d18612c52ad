import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZEvaluateScenario } from '@/lib/api/schemas/scenarios';
import { env } from '@/lib/env';
import { evaluateStoredScenario } from '@/lib/scenarios/evaluate-stored-scenario';

export const dynamic = 'force-dynamic';

// A read: viewers evaluate too, and drivers in the body never change the stored scenario.
export const POST = apiRoute(routeAccess('/api/v1/scenarios/{id}/evaluate', 'POST'), async ({ req, params }) => {
  const body = await parseBody(ZEvaluateScenario, req);
  return evaluateStoredScenario(String(params.id), { ...body, currency: env().DISPLAY_CURRENCY, now: new Date() });
});
