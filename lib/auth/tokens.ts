// API tokens: random, shown once, stored as SHA-256 (high-entropy secrets need no slow hash).
import crypto from 'node:crypto';
import { prisma } from '../db';
import type { TRole } from './roles';

const PREFIX = 'tmt_';

export function hashToken(token: string) {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(input: {
  name: string;
  role: TRole;
  createdById?: string | null;
  expiresAt?: Date | null;
}) {
  const token = PREFIX + crypto.randomBytes(32).toString('base64url');
  const row = await prisma.apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      tokenHash: hashToken(token),
      prefix: token.slice(0, PREFIX.length + 6),
      createdById: input.createdById ?? null,
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { token, id: row.id, prefix: row.prefix };
}

// Returns the token's row when it is valid now; records when it was last used (at most once a minute).
export async function verifyApiToken(token: string, now = new Date()) {
  if (!token.startsWith(PREFIX)) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return row;
}

export async function revokeApiToken(id: string, now = new Date()) {
  return prisma.apiToken.update({ where: { id }, data: { revokedAt: now } });
}
