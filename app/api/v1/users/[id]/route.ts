import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZUpdateUser } from '@/lib/api/schemas/access';
import { audit } from '@/lib/audit';
import { setPassword } from '@/lib/auth/users';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute(routeAccess('/api/v1/users/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const id = String(params.id);
  const input = await parseBody(ZUpdateUser, req);
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) throw new AppError('NOT_FOUND', `no user ${id}`);
  if (id === actor.id && (input.role !== undefined && input.role !== 'admin' || input.disabled)) {
    throw new AppError('BAD_REQUEST', 'you cannot demote or disable yourself', [{ field: input.disabled ? 'disabled' : 'role', message: 'not on your own account' }]);
  }
  await prisma.user.update({
    where: { id },
    data: { name: input.name, role: input.role, disabled: input.disabled },
  });
  if (input.disabled) await prisma.session.deleteMany({ where: { userId: id } });
  // a password an admin chose for someone else is theirs to replace at the next sign-in
  if (input.password) await setPassword(id, input.password, { mustChange: id !== actor.id });
  const { password: _password, ...changes } = input;
  await audit(actor, 'user.update', { type: 'user', id }, { ...changes, passwordReset: Boolean(input.password) });
  return { ok: true };
});
