import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { testConnection } from '@/lib/connections/test-connection';

export const dynamic = 'force-dynamic';

// Always 200: the status field says whether the connection works and, if not, what to fix.
export const POST = apiRoute(routeAccess('/api/v1/connections/{id}/test', 'POST'), async ({ actor, params }) => {
  const result = await testConnection(String(params.id), { actor });
  return { status: result.status, message: result.message };
});
