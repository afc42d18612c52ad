import { apiRoute, parseBody } from '@/lib/api/handler';
import { ZCreateScenario } from '@/lib/api/schemas/scenarios';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { createScenario } from '@/lib/scenarios/create-scenario';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/v1/scenarios', role: 'viewer' }, async () => ({ scenarios: await listScenarios() }));

export const POST = apiRoute({ route: '/api/v1/scenarios', role: 'editor' }, async ({ req, actor }) => {
  const input = await parseBody(ZCreateScenario, req);
  const scenario = await createScenario(input, actor);
  return Response.json(scenario, { status: 201 });
});
