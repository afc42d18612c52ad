import { apiRoute } from '@/lib/api/handler';
import { describeProviders } from '@/lib/connections/provider-fields';

export const dynamic = 'force-dynamic';

// The connection form of each provider: setting and credential fields, defaults, descriptions.
export const GET = apiRoute({ route: '/api/v1/providers', role: 'viewer' }, async () => ({ providers: describeProviders() }));
