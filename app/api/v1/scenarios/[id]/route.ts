import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateScenario } from '@/lib/api/schemas/scenarios';
import { getScenario } from '@/lib/queries/get-scenario';
import { archiveScenario } from '@/lib/scenarios/archive-scenario';
import { updateScenario } from '@/lib/scenarios/update-scenario';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/scenarios/{id}', 'GET'), async ({ params }) => getScenario(String(params.id)));

export const PATCH = apiRoute(routeAccess('/api/v1/scenarios/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const input = await parseBody(ZUpdateScenario, req);
  return updateScenario(String(params.id), input, actor);
});

export const DELETE = apiRoute(routeAccess('/api/v1/scenarios/{id}', 'DELETE'), async ({ actor, params }) => {
  const archived = await archiveScenario(String(params.id), actor);
  return { ok: true, archived: true, id: archived.id, name: archived.name };
});
