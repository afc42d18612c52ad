import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { getUnitCosts, ZUnitCostQuery } from '@/lib/queries/get-unit-costs';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/unit-costs', 'GET'), async ({ req }) => getUnitCosts(parseQuery(ZUnitCostQuery, req)));
