import { apiRoute, parseBody } from '@/lib/api/handler';
import { ZPricePatch } from '@/lib/api/schemas/scenarios';
import { updatePrice } from '@/lib/scenarios/update-price';
import { priceIdParam } from '@/lib/queries/get-price-catalogue-view';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute({ route: '/api/v1/prices/{id}', role: 'editor' }, async ({ req, actor, params }) => {
  const patch = await parseBody(ZPricePatch, req);
  return updatePrice(priceIdParam(params.id), patch, actor);
});
