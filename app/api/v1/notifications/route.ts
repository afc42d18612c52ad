import { apiRoute, parseQuery } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZNotificationsQuery } from '@/lib/api/schemas/notifications';
import { listNotifications } from '@/lib/queries/list-notifications';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/notifications', 'GET'), async ({ req }) => ({
  notifications: await listNotifications(parseQuery(ZNotificationsQuery, req)),
}));
