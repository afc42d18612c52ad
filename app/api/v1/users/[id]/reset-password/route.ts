import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { resetPassword } from '@/lib/account/reset-password';

export const dynamic = 'force-dynamic';

// the one-time password is in this answer only: never cached by anything on the way
export const POST = apiRoute(routeAccess('/api/v1/users/{id}/reset-password', 'POST'), async ({ actor, params }) => {
  const { password } = await resetPassword(actor, { id: String(params.id) });
  return Response.json({ password }, { headers: { 'cache-control': 'no-store' } });
});
