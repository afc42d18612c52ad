// What a person sees of their own account.
import 'server-only';
import { prisma } from '../db';
import { AppError } from '../errors';
import { ZProfileLocale } from '../i18n/locales';
import { ZRole } from '../auth/roles';
import type { TProfile } from '../api/schemas/account';

export async function getProfile(userId: string): Promise<TProfile> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError('NOT_FOUND', `no user ${userId}`);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: ZRole.catch('viewer').parse(user.role),
    // a locale set before the profile offered its three (by hand, in the database) reads as the default
    locale: ZProfileLocale.nullable().catch(null).parse(user.locale),
    mustChangePassword: user.mustChangePassword,
  };
}
