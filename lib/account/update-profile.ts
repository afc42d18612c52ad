// A person's own profile: their name and their language (null: the organisation's LOCALE).
import 'server-only';
import type { TActor } from '../auth/actor';
import { audit } from '../audit';
import { prisma } from '../db';
import type { TUpdateProfile } from '../api/schemas/account';
import { getProfile } from './get-profile';

export async function updateProfile(actor: TActor, input: TUpdateProfile) {
  await prisma.user.update({ where: { id: actor.id }, data: { name: input.name, locale: input.locale } });
  await audit(actor, 'account.update', { type: 'user', id: actor.id }, input);
  return getProfile(actor.id);
}
