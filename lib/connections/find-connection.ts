// Finds a connection by id or by name (the CLI uses names, the API ids).
import { prisma } from '../db';
import { AppError } from '../errors';
import type { Connection } from '../generated/prisma/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export async function findConnection(ref: string): Promise<Connection> {
  const row = isUuid(ref)
    ? await prisma.connection.findUnique({ where: { id: ref } })
    : await prisma.connection.findUnique({ where: { name: ref } });
  if (!row) throw new AppError('NOT_FOUND', `no connection ${isUuid(ref) ? ref : `named "${ref}"`}`);
  return row;
}
