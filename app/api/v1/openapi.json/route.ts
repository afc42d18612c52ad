import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { buildOpenApi } from '@/lib/api/openapi';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/openapi.json', 'GET'), async () => buildOpenApi(env().APP_URL));
