import { apiRoute, parseQuery } from '@/lib/api/handler';
import { getCosts, ZCostQuery } from '@/lib/queries/get-costs';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/v1/costs', role: 'viewer' }, async ({ req }) => getCosts(parseQuery(ZCostQuery, req)));
