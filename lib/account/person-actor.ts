// The account routes act on the signed-in person; an API token stands for no one.
import type { TActor } from '../auth/actor';
import { AppError } from '../errors';

export function requirePerson(actor: TActor): TActor & { type: 'user' } {
  if (actor.type !== 'user') {
    // 400 rather than 403: the token's role is enough, what it lacks is a person to act on
    throw new AppError('BAD_REQUEST', 'an API token has no account of its own: sign in as the person whose account this is', [
      { field: 'authorization', message: 'a session of a signed-in person, not an API token' },
    ]);
  }
  return actor as TActor & { type: 'user' };
}
