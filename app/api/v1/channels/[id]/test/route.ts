import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { sendChannelTest } from '@/lib/notifications/send-test';

export const dynamic = 'force-dynamic';

// Always 200 for a channel that exists: the status says whether the test got through and, if not,
// why (credentials redacted). The attempt is in the delivery log too.
export const POST = apiRoute(routeAccess('/api/v1/channels/{id}/test', 'POST'), async ({ actor, params }) => {
  const result = await sendChannelTest(actor, String(params.id));
  return { notificationId: result.notificationId, status: result.status, error: result.error };
});
