// Prometheus text format. Needs a viewer token (or session) like every route but health.
import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { metrics } from '@/lib/metrics';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/metrics', 'GET'), async () => {
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
});
