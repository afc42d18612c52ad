import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateChannel } from '@/lib/api/schemas/notifications';
import { deleteChannel, updateChannel } from '@/lib/notifications/save-channel';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute(routeAccess('/api/v1/channels/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const input = await parseBody(ZUpdateChannel, req);
  return updateChannel(actor, String(params.id), input);
});

export const DELETE = apiRoute(routeAccess('/api/v1/channels/{id}', 'DELETE'), async ({ actor, params }) => ({
  ok: true,
  ...(await deleteChannel(actor, String(params.id))),
}));
