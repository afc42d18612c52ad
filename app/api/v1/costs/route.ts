import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { getCosts, ZCostQuery } from '@/lib/queries/get-costs';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/costs', 'GET'), async ({ req }) => getCosts(parseQuery(ZCostQuery, req)));
