// A person changes their own password: the current one first, then the new one; every other
// session of theirs ends (a stolen one with it) and this one stays signed in. Passwords never
// reach the audit log or any log.
import 'server-only';
import type { TActor } from '../auth/actor';
import { setPassword, verifyPassword } from '../auth/users';
import { audit } from '../audit';
import { AppError } from '../errors';

export async function changeOwnPassword(actor: TActor, input: { currentPassword: string; newPassword: string; sessionId: string | null }) {
  if (!(await verifyPassword(actor.id, input.currentPassword))) {
    throw new AppError('BAD_REQUEST', 'the current password is wrong', [{ field: 'currentPassword', message: 'wrong password' }]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('BAD_REQUEST', 'the new password must differ from the current one', [{ field: 'newPassword', message: 'same as the current password' }]);
  }
  await setPassword(actor.id, input.newPassword, { keepSessionId: input.sessionId ?? undefined });
  await audit(actor, 'account.password_change', { type: 'user', id: actor.id });
}
