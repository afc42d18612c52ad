// People and API tokens as admins see them (never a password hash or a token hash).
import { prisma } from '../db';
import { ZRole } from '../auth/roles';

export async function listUsers() {
  const users = await prisma.user.findMany({ orderBy: { createdAt: 'asc' } });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: ZRole.catch('viewer').parse(u.role),
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function listApiTokens() {
  const tokens = await prisma.apiToken.findMany({ orderBy: { createdAt: 'desc' }, include: { createdBy: { select: { email: true } } } });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    role: ZRole.catch('viewer').parse(t.role),
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    createdBy: t.createdBy?.email ?? null,
  }));
}

export async function listAudit(limit = 50) {
  const rows = await prisma.auditLog.findMany({ orderBy: { at: 'desc' }, take: limit });
  return rows.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }));
}
