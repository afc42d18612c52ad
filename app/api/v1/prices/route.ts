import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { getPriceCatalogueView } from '@/lib/queries/get-price-catalogue-view';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/prices', 'GET'), async () => getPriceCatalogueView({ now: new Date() }));
