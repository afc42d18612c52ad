import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZCreateToken } from '@/lib/api/schemas/access';
import { audit } from '@/lib/audit';
import { createApiToken } from '@/lib/auth/tokens';
import { listApiTokens } from '@/lib/queries/list-access';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/tokens', 'GET'), async () => ({ tokens: await listApiTokens() }));

// The token itself is in this response only: it is stored hashed.
export const POST = apiRoute(routeAccess('/api/v1/tokens', 'POST'), async ({ req, actor }) => {
  const input = await parseBody(ZCreateToken, req);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const created = await createApiToken({ name: input.name, role: input.role, createdById: actor.type === 'user' ? actor.id : null, expiresAt });
  await audit(actor, 'token.create', { type: 'api_token', id: created.id }, { name: input.name, role: input.role });
  return Response.json({ id: created.id, token: created.token, prefix: created.prefix }, { status: 201 });
});
