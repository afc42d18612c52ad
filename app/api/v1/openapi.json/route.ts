import { apiRoute } from '@/lib/api/handler';
import { buildOpenApi } from '@/lib/api/openapi';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/v1/openapi.json', role: 'viewer' }, async () => buildOpenApi(env().APP_URL));
