// Creating people and setting passwords goes through better-auth's own hasher (scrypt).
import crypto from 'node:crypto';
import { prisma } from '../db';
import { AppError } from '../errors';
import { auth } from './auth';
import type { TRole } from './roles';

async function hashPassword(password: string) {
  const ctx = await auth().$context;
  return ctx.password.hash(password);
}

export async function createUser(input: { email: string; name: string; password: string; role: TRole; locale?: string | null }) {
  const email = input.email.trim().toLowerCase();
  if (input.password.length < 12) throw new AppError('BAD_REQUEST', 'password must be at least 12 characters', [{ field: 'password', message: 'at least 12 characters' }]);
  const existing = await prisma.user.findUnique({ where: { email } });
  if (existing) throw new AppError('CONFLICT', `a user with e-mail ${email} already exists`, [{ field: 'email', message: 'already exists' }]);
  const id = crypto.randomUUID();
  const hash = await hashPassword(input.password);
  await prisma.$transaction([
    prisma.user.create({ data: { id, email, name: input.name, role: input.role, emailVerified: true, locale: input.locale ?? null } }),
    prisma.account.create({
      data: { id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash },
    }),
  ]);
  return prisma.user.findUniqueOrThrow({ where: { id } });
}

export async function setPassword(userId: string, password: string) {
  if (password.length < 12) throw new AppError('BAD_REQUEST', 'password must be at least 12 characters', [{ field: 'password', message: 'at least 12 characters' }]);
  const hash = await hashPassword(password);
  await prisma.account.updateMany({ where: { userId, providerId: 'credential' }, data: { password: hash } });
  await prisma.session.deleteMany({ where: { userId } });
}

export function generatePassword() {
  return crypto.randomBytes(12).toString('base64url');
}

// The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or generated and returned once to be printed.
export async function ensureFirstAdmin(given: { email?: string; password?: string }) {
  const count = await prisma.user.count();
  if (count > 0) return null;
  const email = given.email ?? 'admin@tourmalet.local';
  const password = given.password ?? generatePassword();
  await createUser({ email, name: 'Administrator', password, role: 'admin' });
  return { email, password, generated: !given.password };
}
