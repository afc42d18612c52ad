import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { assertText } from '@/lib/api/safe-input';
import { getPriceHistory } from '@/lib/queries/get-price-history';
import { priceIdParam } from '@/lib/queries/get-price-catalogue-view';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/prices/{id}/history', 'GET'), async ({ params }) => ({
  history: await getPriceHistory(assertText(priceIdParam(params.id), 'id')),
}));
