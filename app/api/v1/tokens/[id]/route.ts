import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { audit } from '@/lib/audit';
import { revokeApiToken } from '@/lib/auth/tokens';
import { prisma } from '@/lib/db';
import { isUuid } from '@/lib/connections/find-connection';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute(routeAccess('/api/v1/tokens/{id}', 'DELETE'), async ({ actor, params }) => {
  const id = String(params.id);
  const token = isUuid(id) ? await prisma.apiToken.findUnique({ where: { id } }) : null;
  if (!token) throw new AppError('NOT_FOUND', `no API token ${id}`);
  await revokeApiToken(id);
  await audit(actor, 'token.revoke', { type: 'api_token', id }, { name: token.name });
  return { ok: true };
});
