import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { describeProviders } from '@/lib/connections/provider-fields';

export const dynamic = 'force-dynamic';

// The connection form of each provider: setting and credential fields, defaults, descriptions.
export const GET = apiRoute(routeAccess('/api/v1/providers', 'GET'), async () => ({ providers: describeProviders() }));
