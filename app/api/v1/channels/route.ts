import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCreateChannel } from '@/lib/api/schemas/notifications';
import { createChannel } from '@/lib/notifications/save-channel';
import { listChannels } from '@/lib/queries/list-channels';

export const dynamic = 'force-dynamic';

// Editors read channels to subscribe budgets and monitors to them; no response carries a webhook's
// URL or secret.
export const GET = apiRoute(routeAccess('/api/v1/channels', 'GET'), async () => ({ channels: await listChannels() }));

export const POST = apiRoute(routeAccess('/api/v1/channels', 'POST'), async ({ req, actor }) => {
  const input = await parseBody(ZCreateChannel, req);
  return Response.json(await createChannel(actor, input), { status: 201 });
});
