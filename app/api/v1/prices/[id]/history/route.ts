import { apiRoute } from '@/lib/api/handler';
import { getPriceHistory } from '@/lib/queries/get-price-history';
import { priceIdParam } from '@/lib/queries/get-price-catalogue-view';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/v1/prices/{id}/history', role: 'viewer' }, async ({ params }) => ({
  history: await getPriceHistory(priceIdParam(params.id)),
}));
