// The one Prisma client, and the pg pool under it for bulk SQL (COPY, set-based upserts).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { requireEnv } from './env';

type TDb = { prisma: PrismaClient; pool: pg.Pool };
const globalForDb = globalThis as unknown as { tourmaletDb?: TDb };

function connect(): TDb {
  const pool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL'), max: 10 });
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { prisma, pool };
}

function db(): TDb {
  globalForDb.tourmaletDb ??= connect();
  return globalForDb.tourmaletDb;
}

// Lazy so that importing a module never opens a connection (builds, CLI help).
export const prisma = new Proxy({} as PrismaClient, {
  get: (_t, prop) => Reflect.get(db().prisma, prop, db().prisma),
});

export function pool(): pg.Pool {
  return db().pool;
}

export async function disconnect() {
  const current = globalForDb.tourmaletDb;
  if (!current) return;
  globalForDb.tourmaletDb = undefined;
  await current.prisma.$disconnect();
  await current.pool.end();
}

// Runs fn in one transaction on a dedicated client.
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    // a connection that cannot even roll back is destroyed, not returned to the pool
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw e;
  } finally {
    client.release(broken);
  }
}
