import { apiRoute, parseBody } from '@/lib/api/handler';
import { ZUpdateScenario } from '@/lib/api/schemas/scenarios';
import { getScenario } from '@/lib/queries/get-scenario';
import { archiveScenario } from '@/lib/scenarios/archive-scenario';
import { updateScenario } from '@/lib/scenarios/update-scenario';

export const dynamic = 'force-dynamic';

const ROUTE = '/api/v1/scenarios/{id}';

export const GET = apiRoute({ route: ROUTE, role: 'viewer' }, async ({ params }) => getScenario(String(params.id)));

export const PATCH = apiRoute({ route: ROUTE, role: 'editor' }, async ({ req, actor, params }) => {
  const input = await parseBody(ZUpdateScenario, req);
  return updateScenario(String(params.id), input, actor);
});

export const DELETE = apiRoute({ route: ROUTE, role: 'editor' }, async ({ actor, params }) => {
  const archived = await archiveScenario(String(params.id), actor);
  return { ok: true, archived: true, id: archived.id, name: archived.name };
});
