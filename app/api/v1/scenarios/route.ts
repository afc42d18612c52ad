import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCreateScenario } from '@/lib/api/schemas/scenarios';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { createScenario } from '@/lib/scenarios/create-scenario';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/scenarios', 'GET'), async () => ({ scenarios: await listScenarios() }));

export const POST = apiRoute(routeAccess('/api/v1/scenarios', 'POST'), async ({ req, actor }) => {
  const input = await parseBody(ZCreateScenario, req);
  const scenario = await createScenario(input, actor);
  return Response.json(scenario, { status: 201 });
});
