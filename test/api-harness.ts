// Shared by the OpenAPI fuzz and access-matrix tests: the OpenAPI document as a client reads it,
// each operation's route handler called as Next.js calls it, fixtures for every path id, and a
// fingerprint of every table to prove a refused request wrote nothing.
import path from 'node:path';
import { buildOpenApi } from '../lib/api/openapi';
import { createApiToken } from '../lib/auth/tokens';
import { createUser } from '../lib/auth/users';
import { createConnection } from '../lib/connections/create-connection';
import { pool, prisma } from '../lib/db';
import { GRAND_EST_TODAY } from '../lib/planning/drivers';
import { listScenarios } from '../lib/queries/list-scenarios';
import { ensurePlanningSeed } from '../lib/scenarios/ensure-planning-seed';
import { truncate } from './db';
import { createChannel } from '../lib/notifications/save-channel';

export type TDocOperation = {
  method: string;
  path: string;
  role: string;
  pathParams: string[];
  query: Record<string, { type?: string; enum?: string[] }>;
  body: { properties: Record<string, unknown> } | null;
  rawBody: string[] | null;
};

// The document as JSON, the way a client sees it: roles come from x-required-role.
export function documentOperations(): TDocOperation[] {
  const doc = JSON.parse(JSON.stringify(buildOpenApi())) as {
    paths: Record<string, Record<string, { 'x-required-role': string; parameters: { name: string; in: string; schema: { type?: string; enum?: string[] } }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
  };
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      return {
        method: method.toUpperCase(),
        path: p,
        role: op['x-required-role'],
        pathParams: op.parameters.filter((x) => x.in === 'path').map((x) => x.name),
        query: Object.fromEntries(op.parameters.filter((x) => x.in === 'query').map((x) => [x.name, x.schema])),
        body: json ? { properties: json.schema.properties ?? {} } : null,
        rawBody: !json && Object.keys(content).length ? Object.keys(content) : null,
      };
    }),
  );
}

type THandler = (req: Request, ctx?: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

// The context Next.js passes: params resolve to undefined for a route without dynamic segments.
export function routeContext(params: Record<string, string>) {
  return { params: Promise.resolve(Object.keys(params).length ? params : undefined) };
}

// "/api/v1/scenarios/{id}/clone" → app/api/v1/scenarios/[id]/clone/route.ts, its exported handler.
export async function routeHandler(op: { method: string; path: string }): Promise<THandler> {
  const dir = op.path.replace(/^\/api\//, '').replace(/\{(\w+)\}/g, '[$1]');
  const file = path.resolve(import.meta.dirname, '../app/api', dir, 'route.ts');
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, THandler>;
  const handler = mod[op.method];
  if (!handler) throw new Error(`${file} exports no ${op.method}`);
  return handler;
}

export type TFixtures = {
  tokens: Record<'admin' | 'editor' | 'viewer' | 'revoked', string>;
  ids: Record<string, string>;
};

// One of everything a path can name, and a token per role.
export async function createFixtures(): Promise<TFixtures> {
  await truncate();
  await ensurePlanningSeed();
  await pool().query(`INSERT INTO fx_rate (date, base, quote, rate, source) VALUES ('2026-11-20', 'USD', 'EUR', 0.92, 'test')`);
  const token = async (role: 'admin' | 'editor' | 'viewer') => (await createApiToken({ name: `fuzz-${role}`, role })).token;
  const revoked = await createApiToken({ name: 'fuzz-revoked', role: 'admin' });
  await prisma.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  const spare = await createApiToken({ name: 'fuzz-spare', role: 'viewer' });
  const user = await createUser({ email: 'fuzz@example.com', name: 'Fuzz', password: 'fuzz-password-123', role: 'viewer' });
  const actor = { type: 'token' as const, id: 'fixture', label: 'fixture', role: 'admin' as const };
  // port 9 (discard) on 127.0.0.1: a test or sync fails at once, and never leaves the machine
  const connection = await createConnection(actor, {
    provider: 'aws',
    name: 'aws-fuzz',
    settings: { endpoint: 'http://127.0.0.1:9', billingAccountId: '999999999999', insights: false },
    credentials: { accessKeyId: 'AKIAFAKE0000000001', secretAccessKey: 'fuzz-secret-fuzz-secret' },
  });
  const run = await prisma.syncRun.create({ data: { kind: 'import', source: 'fuzz', status: 'succeeded', finishedAt: new Date() } });
  const resource = await prisma.resource.create({ data: { provider: 'aws', kind: 'app', externalId: 'fuzz-1', name: 'fuzz-pod', source: 'fuzz' } });
  // a webhook on the discard port: a test send fails at once and never leaves the machine
  const channel = await createChannel(actor, { type: 'webhook', name: 'fuzz-hook', url: 'http://127.0.0.1:9/hook', secret: 'fuzz-webhook-secret-0001' });
  const [scenario] = await listScenarios();
  const price = await prisma.priceItem.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const reportSchedule = await prisma.reportSchedule.create({ data: { name: 'fuzz-report', recipients: ['fuzz@example.com'] } });
  const budget = await prisma.budget.create({
    data: { name: 'fuzz-budget', period: 'month', currency: 'EUR', amountKind: 'fixed', amount: '1000', thresholds: { create: [{ position: 0, on: 'actual', percent: 80 }] } },
  });
  const monitor = await prisma.anomalyMonitor.create({ data: { kind: 'custom', key: 'fuzz', name: 'fuzz monitor', scope: { provider: 'AWS' } } });
  const anomaly = await prisma.anomaly.create({
    data: { monitorId: monitor.id, startDay: new Date('2026-01-10'), endDay: new Date('2026-01-11'), direction: 'increase', currency: 'EUR', expected: '100', actual: '200', impact: '100', impactPercent: '100', score: 9 },
  });
  const metric = await prisma.businessMetric.create({ data: { name: 'fuzz-metric', label: 'Fuzz', unit: 'thing' } });
  return {
    tokens: { admin: await token('admin'), editor: await token('editor'), viewer: await token('viewer'), revoked: revoked.token },
    ids: {
      scenarios: scenario.id,
      connections: connection.id,
      channels: channel.id,
      users: user.id,
      tokens: spare.id,
      'sync-runs': run.id,
      resources: resource.id,
      prices: price.id,
      'report-schedules': reportSchedule.id,
      budgets: budget.id,
      anomalies: anomaly.id,
      'anomaly-monitors': monitor.id,
      'business-metrics': metric.name,
      version: '1',
    },
  };
}

// A valid value for a path parameter of this path: the id of the fixture its collection holds.
export function fixtureParam(fixtures: TFixtures, opPath: string, name: string): string {
  if (name === 'version') return fixtures.ids.version;
  const collection = opPath.split('/')[3];
  return fixtures.ids[collection] ?? 'unknown';
}

// Every table's rows, hashed (api_token without last_used_at, which any authenticated request sets;
// pg-boss's jobs, which a sync request queues).
export async function fingerprint(options: { except?: string[] } = {}): Promise<Record<string, string>> {
  const { rows: tables } = await pool().query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_prisma%' ORDER BY tablename`,
  );
  const parts = tables
    .map((t) => t.tablename)
    .filter((t) => !(options.except ?? []).includes(t))
    .map((t) => {
      const row = t === 'api_token' ? `(x.id, x.name, x.role, x.token_hash, x.revoked_at, x.expires_at)` : 'x';
      return `SELECT '${t}' AS t, count(*)::int AS n, coalesce(md5(string_agg(${row}::text, '|' ORDER BY ${row}::text)), '') AS h FROM "${t}" x`;
    });
  const boss = await pool().query(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`);
  if (boss.rowCount) parts.push(`SELECT 'pgboss.job', count(*)::int, coalesce(md5(string_agg(x.id::text || x.state, '|' ORDER BY x.id)), '') FROM pgboss.job x`);
  const { rows } = await pool().query<{ t: string; n: number; h: string }>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

export const VALID_DRIVERS = GRAND_EST_TODAY.drivers;
