// Prometheus text format. Needs a viewer token (or session) like every route but health.
import { apiRoute } from '@/lib/api/handler';
import { metrics } from '@/lib/metrics';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/metrics', role: 'viewer' }, async () => {
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
});
