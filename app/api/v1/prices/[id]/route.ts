import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { assertText } from '@/lib/api/safe-input';
import { ZPricePatch } from '@/lib/api/schemas/scenarios';
import { updatePrice } from '@/lib/scenarios/update-price';
import { priceIdParam } from '@/lib/queries/get-price-catalogue-view';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute(routeAccess('/api/v1/prices/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const patch = await parseBody(ZPricePatch, req);
  return updatePrice(assertText(priceIdParam(params.id), 'id'), patch, actor);
});
