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

// A pool client kept for a while: a run's or a sync's lock, a long COPY. pg-pool stops listening for
// a client's errors while it is checked out, so a session the server ends meanwhile (a restart, a
// failover, pg_terminate_backend) would raise an 'error' event nobody hears, and that ends the
// process. Here the error is kept instead: the next query fails, and release() destroys the client
// rather than pooling it. fail() marks it so too (a connection that could not unlock or roll back).
export type THeldClient = {
  client: pg.PoolClient;
  broken: () => Error | undefined;
  fail: (error: Error) => void;
  release: () => void;
};

export async function holdClient(): Promise<THeldClient> {
  const client = await pool().connect();
  let broken: Error | undefined;
  const fail = (error: Error) => {
    broken ??= error;
  };
  client.on('error', fail);
  let released = false;
  return {
    client,
    broken: () => broken,
    fail,
    release: () => {
      if (released) return;
      released = true;
      // a broken client keeps the listener: it is being destroyed and may still speak
      if (!broken) client.off('error', fail);
      client.release(broken);
    },
  };
}

// Runs fn in one transaction on a held client.
export async function inTransaction<T>(held: THeldClient, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  await held.client.query('BEGIN');
  try {
    const result = await fn(held.client);
    await held.client.query('COMMIT');
    return result;
  } catch (e) {
    await held.client.query('ROLLBACK').catch(held.fail);
    throw e;
  }
}

// Runs fn in one transaction on a dedicated client.
export async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const held = await holdClient();
  try {
    return await inTransaction(held, fn);
  } finally {
    held.release();
  }
}
