import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { listScenarioVersions } from '@/lib/queries/list-scenario-versions';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/scenarios/{id}/versions', 'GET'), async ({ params }) => ({
  versions: await listScenarioVersions(String(params.id)),
}));
