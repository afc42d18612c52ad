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

// Every session of the person ends (a stolen one with it), except `keepSessionId`: the session of
// a person changing their own password, who stays signed in. `mustChange` marks a password someone
// else chose (an admin's reset): the person is sent to their account page until they choose theirs.
export async function setPassword(userId: string, password: string, options: { keepSessionId?: string; mustChange?: boolean } = {}) {
  if (password.length < 12) throw new AppError('BAD_REQUEST', 'password must be at least 12 characters', [{ field: 'password', message: 'at least 12 characters' }]);
  const hash = await hashPassword(password);
  await prisma.$transaction([
    prisma.account.updateMany({ where: { userId, providerId: 'credential' }, data: { password: hash } }),
    prisma.user.update({ where: { id: userId }, data: { mustChangePassword: options.mustChange ?? false } }),
    prisma.session.deleteMany({ where: { userId, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) } }),
  ]);
}

// Whether `password` is the person's current one (better-auth's own verifier, in constant time).
export async function verifyPassword(userId: string, password: string): Promise<boolean> {
  const account = await prisma.account.findFirst({ where: { userId, providerId: 'credential' }, select: { password: true } });
  if (!account?.password) return false;
  const ctx = await auth().$context;
  return ctx.password.verify({ hash: account.password, password });
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
  const admin = await createUser({ email, name: 'Administrator', password, role: 'admin' });
  // a generated password is printed to the console once: the admin replaces it at first sign-in
  if (!given.password) await prisma.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } });
  return { email, password, generated: !given.password };
}
