// An admin (or the command line) resets a person's password to a generated one-time password,
// returned once to be handed over: the person's sessions end, and at their next sign-in they are
// sent to their account page until they choose their own. The password is never stored in clear
// nor audited.
import 'server-only';
import type { TActor } from '../auth/actor';
import { generatePassword, setPassword } from '../auth/users';
import { audit } from '../audit';
import { prisma } from '../db';
import { AppError } from '../errors';

export async function resetPassword(
  actor: TActor | { type: 'cli'; label: string },
  target: { id: string } | { email: string },
): Promise<{ id: string; email: string; password: string }> {
  const where = 'id' in target ? { id: target.id } : { email: target.email.trim().toLowerCase() };
  const user = await prisma.user.findUnique({ where, select: { id: true, email: true } });
  if (!user) throw new AppError('NOT_FOUND', 'id' in target ? `no user ${target.id}` : `no user with e-mail ${where.email}`);
  const password = generatePassword();
  await setPassword(user.id, password, { mustChange: true });
  await audit(actor, 'user.password_reset', { type: 'user', id: user.id }, { email: user.email });
  return { ...user, password };
}
