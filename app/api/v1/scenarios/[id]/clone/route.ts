import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCloneScenario } from '@/lib/api/schemas/scenarios';
import { cloneScenario } from '@/lib/scenarios/clone-scenario';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(routeAccess('/api/v1/scenarios/{id}/clone', 'POST'), async ({ req, actor, params }) => {
  const input = await parseBody(ZCloneScenario, req);
  return Response.json(await cloneScenario(String(params.id), input, actor), { status: 201 });
});
