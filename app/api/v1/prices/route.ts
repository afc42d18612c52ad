import { apiRoute } from '@/lib/api/handler';
import { getPriceCatalogueView } from '@/lib/queries/get-price-catalogue-view';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ route: '/api/v1/prices', role: 'viewer' }, async () => getPriceCatalogueView({ now: new Date() }));
