// Who is calling: a signed-in person (session cookie) or an API token (Authorization: Bearer).
import { AppError } from '../errors';
import { auth } from './auth';
import { bearerToken } from './bearer';
import { hasRole, ZRole, type TRole } from './roles';
import { verifyApiToken } from './tokens';

// locale: the person's chosen language and formats (null: the organisation's LOCALE)
export type TActor = { type: 'user' | 'token'; id: string; label: string; role: TRole; email?: string; name?: string; locale?: string | null; mustChangePassword?: boolean };

export async function resolveActor(headers: Headers): Promise<TActor | null> {
  const token = bearerToken(headers);
  if (token !== null) {
    const row = await verifyApiToken(token);
    if (!row) return null;
    return { type: 'token', id: row.id, label: `token:${row.name}`, role: ZRole.parse(row.role) };
  }
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string; disabled?: boolean; locale?: string | null; mustChangePassword?: boolean };
  if (user.disabled) return null;
  return {
    type: 'user',
    id: user.id,
    label: user.email,
    role: ZRole.catch('viewer').parse(user.role),
    email: user.email,
    name: user.name,
    locale: user.locale ?? null,
    mustChangePassword: Boolean(user.mustChangePassword),
  };
}

export function requireRole(actor: TActor | null, needed: TRole): TActor {
  if (!actor) throw new AppError('UNAUTHORIZED', 'sign in or send a valid API token');
  if (!hasRole(actor.role, needed)) throw new AppError('FORBIDDEN', `this needs the ${needed} role`);
  return actor;
}
