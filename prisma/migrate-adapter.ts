// The pg driver adapter for the Prisma CLI, with three fixes the migrate commands need on 6.19:
// - scripts run whole (the stock adapter splits on ';', which breaks PL/pgSQL bodies);
// - catalog columns of type name/"char" (OIDs 19 and 18) decode as text (prisma/prisma#27403);
// - the shadow database gets its own URL and is force-dropped after its pool is closed.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

type Queryable = { query: (...args: unknown[]) => Promise<unknown> };

function retype(result: unknown) {
  for (const field of (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
    if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

// pg calls query both with a callback (from Pool.query) and without (from the adapter).
function patchClient(client: Queryable) {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, result: unknown) => last(err, err ? result : retype(result));
      return original(...args);
    }
    return (original(...args) as Promise<unknown>).then(retype);
  }) as Queryable['query'];
}

function makePool(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on('connect', (client) => patchClient(client as unknown as Queryable));
  return pool;
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

class MigrateAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(makePool(url));
  }

  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }

  override async connectToShadowDb() {
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    const database = `prisma_shadow_${crypto.randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = await new PrismaPg(makePool(withDatabase(this.url, database))).connect();
    const pool = shadow.underlyingDriver() as pg.Pool;
    shadow.executeScript = async (script: string) => {
      await pool.query(script);
    };
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await pool.end().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: this.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    };
    return shadow;
  }
}

export function createMigrateAdapter(url: string) {
  // generate and validate never connect, but the CLI builds the adapter for them too
  return new MigrateAdapterFactory(url || 'postgresql://127.0.0.1:5432/prisma_cli_without_database_url');
}
