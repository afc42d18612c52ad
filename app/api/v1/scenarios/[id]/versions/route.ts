import { apiRoute } from '@/lib/api/handler';
import { listScenarioVersions } from '@/lib/queries/list-scenario-versions';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/v1/scenarios/{id}/versions', role: 'viewer' }, async ({ params }) => ({
  versions: await listScenarioVersions(String(params.id)),
}));
