// npm run bench: performance figures as JSON lines ({ name, value, unit[, baseline, ratio] }).
// Runs against a throwaway database on DATABASE_URL's server (or an embedded one) and the built app.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiToken } from '../lib/auth/tokens';
import { createUser } from '../lib/auth/users';
import { measureLoad, percentile } from '../lib/bench/load';
import { syntheticCostRecords } from '../lib/bench/synthetic-costs';
import { disconnect, pool, withTransaction } from '../lib/db';
import { loadDemo } from '../lib/demo/load-demo';
import { env, setEnv } from '../lib/env';
import { upsertCostRecords } from '../lib/ingestion/upsert-cost-records';
import { buildIsCurrent, writeBuildStamp } from '../lib/runtime/build-stamp';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { bin, run, startLongRunning, stopChild } from '../lib/runtime/processes';
import { createTestDatabase } from '../lib/runtime/test-database';
import { BENCHES } from '../lib/bench/registry';

type TFigure = { name: string; value: number; unit: string; baseline?: number; ratio?: number; [k: string]: unknown };

export function emit(figure: TFigure) {
  const rounded = { ...figure, value: Number(figure.value.toFixed(3)) };
  if (figure.baseline !== undefined) rounded.baseline = Number(figure.baseline.toFixed(3));
  if (figure.ratio !== undefined) rounded.ratio = Number(figure.ratio.toFixed(3));
  process.stdout.write(`${JSON.stringify(rounded)}\n`);
}

const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const QUERIES = (today: Date) => {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const to = iso(new Date(today.getTime() + 86_400_000));
  const yearAgo = iso(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), 1)));
  const monthAgo = iso(new Date(today.getTime() - 30 * 86_400_000));
  return [
    { from: yearAgo, to, granularity: 'month', groupBy: 'provider' },
    { from: monthAgo, to, granularity: 'day', groupBy: 'service' },
    { from: yearAgo, to, granularity: 'month', groupBy: 'region' },
    { from: monthAgo, to, granularity: 'month', groupBy: 'account' },
  ];
};

// The baseline: the same grouping summed straight from the raw records in SQL, without the daily
// rollup, without FX and without HTTP: what the API would cost at best without its rollup.
async function rawSql(q: { from: string; to: string; granularity: string; groupBy: string }) {
  // the API's groups are (provider, id) for all but the provider itself
  const keys: Record<string, string> = { provider: 'provider_name', service: 'provider_name, service_name', region: 'provider_name, region_id', account: 'provider_name, sub_account_id' };
  const key = keys[q.groupBy];
  const groups = Array.from({ length: key.split(',').length + 2 }, (_, i) => i + 1).join(', ');
  await pool().query(
    `SELECT date_trunc('${q.granularity}', charge_period_start AT TIME ZONE 'UTC') AS period, ${key},
            billing_currency, sum(billed_cost), sum(effective_cost)
       FROM cost_record WHERE charge_period_start >= $1 AND charge_period_start < $2 GROUP BY ${groups}`,
    [q.from, q.to],
  );
}

// Each question is asked twice: first just after the cost data's version moved (a statement that
// changes no row still fires the triggers), so the reader's cache misses and the query runs, then
// again, answered from the cache as the next viewer would be.
async function measureApi(label: string, baseUrl: string, token: string, rounds: number) {
  const queries = QUERIES(new Date());
  const cold: number[] = [];
  const warm: number[] = [];
  const raw: number[] = [];
  const get = async (url: string) => {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`costs API answered ${res.status} for ${url}`);
    return performance.now() - t;
  };
  for (let i = 0; i < rounds; i++) {
    for (const q of queries) {
      const url = `${baseUrl}/api/v1/costs?${new URLSearchParams({ ...q, currency: 'EUR' })}`;
      await pool().query('UPDATE fx_rate SET rate = rate WHERE false');
      cold.push(await get(url));
      warm.push(await get(url));
      const t = performance.now();
      await rawSql(q);
      raw.push(performance.now() - t);
    }
  }
  for (const p of [50, 95]) {
    const baseline = percentile(raw, p);
    const common = { unit: 'ms', baseline, baselineName: 'raw SQL over cost_record (no rollup), same queries', requests: raw.length };
    emit({ name: `costs_api_p${p}_${label}`, value: percentile(cold, p), ratio: percentile(cold, p) / baseline, ...common, cache: 'miss' });
    emit({ name: `costs_api_cached_p${p}_${label}`, value: percentile(warm, p), ratio: percentile(warm, p) / baseline, ...common, cache: 'hit' });
  }
}

// A signed-in person's session cookie, as the browser gets it from the sign-in form.
async function signInCookie(baseUrl: string) {
  const person = { email: 'bench-viewer@bench.test', password: crypto.randomBytes(12).toString('base64url') };
  await createUser({ ...person, name: 'Bench Viewer', role: 'viewer' });
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(person),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!res.ok || cookies.length === 0) throw new Error(`bench sign-in answered ${res.status}: ${await res.text()}`);
  return cookies.join('; ');
}

// 100 concurrent clients for 20 s on each target, on the demo dataset; the costs API and the
// overview are compared with /api/health, the most the same server, stack and machine can serve.
async function measureDashboardLoad(baseUrl: string, token: string) {
  const [thirteenMonths] = QUERIES(new Date());
  note('load: 100 concurrent clients for 20 s on the costs API, the overview and /api/health…');
  const figures = await measureLoad({
    baseUrl,
    connections: 100,
    seconds: 20,
    singleRequests: 20,
    targets: [
      { name: 'load_health', path: '/api/health', headers: {} },
      { name: 'load_costs_api', path: `/api/v1/costs?${new URLSearchParams({ ...thirteenMonths, currency: 'EUR' })}`, headers: { authorization: `Bearer ${token}` } },
      { name: 'load_overview', path: '/', headers: { cookie: await signInCookie(baseUrl) } },
    ],
  });
  const health = figures.find((f) => f.name === 'load_health')!;
  for (const f of figures) {
    const vsHealth = f === health ? {} : { baseline: health.rps, ratio: f.rps / health.rps, baselineName: 'load_health rps, same run' };
    emit({
      name: f.name,
      value: f.rps,
      unit: 'req/s',
      ...vsHealth,
      rps: Number(f.rps.toFixed(1)),
      p50: Number(f.p50.toFixed(1)),
      p95: Number(f.p95.toFixed(1)),
      p99: Number(f.p99.toFixed(1)),
      errors: f.errors,
      requests: f.requests,
      singleP50: Number(f.singleP50.toFixed(1)),
      connections: 100,
      seconds: 20,
    });
  }
}

async function main() {
  setEnv({ LOG_LEVEL: 'warn' });
  const root = process.cwd();
  let serverUrl = env().DATABASE_URL;
  let stopServer = async () => undefined as void;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tourmalet-bench-'));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, port: 54359 });
    serverUrl = embedded.url;
    stopServer = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const only = process.argv.slice(2);
  const db = await createTestDatabase(serverUrl, 'bench');
  let server: ReturnType<typeof startLongRunning> | undefined;
  try {
    setEnv({ DATABASE_URL: db.url, AUTH_SECRET: crypto.randomBytes(32).toString('base64url'), ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64') });
    const wantsApi = only.length === 0 || only.includes('costs-api');
    const wantsLoad = only.length === 0 || only.includes('load');
    if (wantsApi || wantsLoad) {
      if (!buildIsCurrent(root)) {
        note('building the app…');
        await run(bin('next'), ['build'], { quiet: true, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
        writeBuildStamp(root);
      }
      note('loading the demo dataset…');
      await loadDemo({ now: new Date() });
      const { token } = await createApiToken({ name: 'bench', role: 'viewer' });
      const port = 3198;
      const baseUrl = `http://127.0.0.1:${port}`;
      server = startLongRunning(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { ...process.env, PORT: String(port), APP_URL: baseUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }, { quiet: true });
      for (let i = 0; i < 200; i++) {
        const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      if (wantsLoad) await measureDashboardLoad(baseUrl, token);
      if (wantsApi) {
        await measureApi('demo', baseUrl, token, 25);
        note('generating 1,000,000 cost records…');
        const today = new Date();
        const start = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), 1));
        const days = Math.round((today.getTime() - start.getTime()) / 86_400_000);
        const t = performance.now();
        await withTransaction((client) => upsertCostRecords(client, syntheticCostRecords({ rows: 1_000_000, start, days }), 'bench'));
        emit({ name: 'ingest_1m_cost_records', value: (performance.now() - t) / 1000, unit: 's' });
        await pool().query('ANALYZE cost_record; ANALYZE cost_daily');
        await measureApi('1m_records', baseUrl, token, 10);
      }
    }
    for (const bench of BENCHES) {
      if (only.length && !only.includes(bench.name)) continue;
      note(`${bench.name}…`);
      await bench.run({ emit, note, serverUrl });
    }
  } finally {
    await stopChild(server);
    await disconnect();
    await db.drop().catch(() => undefined);
    await stopServer();
  }
}

main().catch((error) => {
  process.stderr.write(`[bench] ${(error as Error).stack}\n`);
  process.exit(1);
});
