// Anomalies, monitors, business metrics and unit costs through their route handlers with viewer and editor
// tokens, the CLI commands on the same data, CSV errors by line, and metrics pulled from a fake Prometheus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { startPrometheusFake, type TPrometheusFake } from '@/test/fakes/prometheus';
import { anomalyCommands } from '@/lib/cli/anomaly-commands';
import type { TCliCommand } from '@/lib/cli/types';
import { createApiToken } from '@/lib/auth/tokens';
import { createConnection } from '@/lib/connections/create-connection';
import { addIsoDays } from '@/lib/dates';
import { disconnect, pool } from '@/lib/db';
import { createRng } from '@/lib/demo/prng';
import { createMetric } from '@/lib/unit-costs/metric-store';
import { pullPrometheusMetric } from '@/lib/unit-costs/pull-prometheus-metrics';
import * as list from './route';
import * as one from './[id]/route';
import * as detect from './detect/route';
import * as monitors from '../anomaly-monitors/route';
import * as monitor from '../anomaly-monitors/[id]/route';
import * as series from '../anomaly-monitors/[id]/series/route';
import * as metrics from '../business-metrics/route';
import * as points from '../business-metrics/[name]/points/route';
import * as unitCosts from '../unit-costs/route';

const START = '2026-01-05';
const day = (i: number) => addIsoDays(START, i);
let viewer: string;
let editor: string;
let prometheus: TPrometheusFake;

const req = (method: string, path: string, token: string | null, body?: unknown, type = 'application/json') =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

async function cli(name: string, positionals: string[] = [], options: Record<string, string> = {}) {
  const command = anomalyCommands.find((c) => c.name === name) as TCliCommand;
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run({ positionals, options }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  await truncate();
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  editor = (await createApiToken({ name: 'editor', role: 'editor' })).token;
  const rng = createRng(3, 'anomalies-api');
  const rows: [string, string, number][] = [];
  for (let i = 0; i < 100; i++) {
    rows.push([day(i), 'Amazon EC2', 300 * (1 + 0.03 * rng.normal())]);
    // the backups stop for four days
    if (i < 80 || i > 83) rows.push([day(i), 'AWS Backup', 120 * (1 + 0.03 * rng.normal())]);
  }
  await pool().query(
    `INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency, billed_cost, effective_cost, list_cost, record_count)
     SELECT d::date, 'AWS', s, 'Compute', 'eu-west-3', '1', 'prod', 'EUR', a::numeric, a::numeric, a::numeric, 1
       FROM unnest($1::text[], $2::text[], $3::float8[]) AS t(d, s, a)`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
  prometheus = await startPrometheusFake({
    series: [
      { when: /http_requests_total/, metric: { job: 'api' }, value: (t) => 150_000 + ((t / 86_400) % 7) * 1000 },
      { when: /http_requests_total/, metric: { job: 'tiles' }, value: () => 50_000 },
    ],
  });
});
afterAll(async () => {
  await prometheus?.close();
  await disconnect();
});

describe('anomalies API and CLI', () => {
  it('detects through the API (editors only), lists the drop with its cause, and says so in the CLI', async () => {
    expect((await detect.POST(req('POST', '/api/v1/anomalies/detect', viewer, {}))).status).toBe(403);
    const bad = await detect.POST(req('POST', '/api/v1/anomalies/detect', editor, { from: '2026-02-30' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].field).toBe('from');
    const run = await detect.POST(req('POST', '/api/v1/anomalies/detect', editor, { from: START }));
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ judgedFrom: day(14), to: day(99) });

    const res = await list.GET(req('GET', `/api/v1/anomalies?service=${encodeURIComponent('AWS:AWS Backup')}`, viewer));
    const { rows } = await res.json();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ startDay: day(80), endDay: day(83), direction: 'decrease', status: 'open', provisional: false, monitor: { kind: 'service' } });
    expect(Number(rows[0].impactPercent)).toBeLessThan(-95);
    for (const key of ['id', 'monitor', 'scope', 'startDay', 'endDay', 'direction', 'expected', 'actual', 'impact', 'impactPercent', 'score', 'contributions', 'status', 'provisional']) {
      expect(rows[0]).toHaveProperty(key);
    }
    const all = await (await list.GET(req('GET', '/api/v1/anomalies?provider=AWS', viewer))).json();
    const aws = all.rows.find((a: { monitor: { kind: string } }) => a.monitor.kind === 'provider');
    expect(aws.contributions[0]).toMatchObject({ key: 'AWS:AWS Backup' });
    expect((await list.GET(req('GET', '/api/v1/anomalies?status=closed', viewer))).status).toBe(400);
    expect((await (await list.GET(req('GET', '/api/v1/anomalies?provider=Cloudflare', viewer))).json()).rows).toEqual([]);

    const table = await cli('anomalies', [], { from: START, to: day(100) });
    expect(table.code).toBe(0);
    expect(table.out).toContain('AWS · AWS Backup');
    expect(table.out).toContain('decrease');
    const json = JSON.parse((await cli('anomalies', [], { from: START, format: 'json' })).out);
    // the total lies within no provider: the provider filter leaves it out
    expect(json.rows.length).toBe(all.rows.length + 1);
    const again = await cli('anomalies:detect', [], { from: START });
    expect(again.out).toContain('new 0, changed 0');
  });

  it('keeps a status and its note, refuses viewers, and names a bad status', async () => {
    const [anomaly] = (await (await list.GET(req('GET', '/api/v1/anomalies', viewer))).json()).rows;
    const path = `/api/v1/anomalies/${anomaly.id}`;
    expect((await one.PATCH(req('PATCH', path, viewer, { status: 'acknowledged' }), ctx({ id: anomaly.id }))).status).toBe(403);
    const bad = await one.PATCH(req('PATCH', path, editor, { status: 'closed' }), ctx({ id: anomaly.id }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].field).toBe('status');
    const ok = await one.PATCH(req('PATCH', path, editor, { status: 'expected', note: 'backup window moved' }), ctx({ id: anomaly.id }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: anomaly.id, status: 'expected', note: 'backup window moved' });
    const after = (await (await list.GET(req('GET', '/api/v1/anomalies?status=expected', viewer))).json()).rows;
    expect(after.map((a: { id: string }) => a.id)).toEqual([anomaly.id]);
    expect((await one.PATCH(req('PATCH', '/api/v1/anomalies/00000000-0000-0000-0000-000000000000', editor, { status: 'open' }), ctx({ id: '00000000-0000-0000-0000-000000000000' }))).status).toBe(404);
  });

  it('lists monitors, edits thresholds, adds and removes a custom one, and draws a series', async () => {
    const listed = (await (await monitors.GET(req('GET', '/api/v1/anomaly-monitors', viewer))).json()).monitors;
    expect(listed.map((m: { kind: string }) => m.kind)).toEqual(['total', 'provider', 'service', 'service', 'account', 'region']);
    const total = listed[0];
    expect(total).toMatchObject({ minPercent: 20, minAmount: 20, currency: 'EUR', enabled: true, subscriptions: [] });
    const channelId = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';
    const patched = await monitor.PATCH(req('PATCH', `/api/v1/anomaly-monitors/${total.id}`, editor, { minPercent: 35, minAmount: 50, subscriptions: [{ channelId, frequency: 'daily' }] }), ctx({ id: total.id }));
    expect(await patched.json()).toMatchObject({ minPercent: 35, minAmount: 50, subscriptions: [{ channelId, frequency: 'daily' }] });
    const renamed = await monitor.PATCH(req('PATCH', `/api/v1/anomaly-monitors/${total.id}`, editor, { name: 'Mine' }), ctx({ id: total.id }));
    expect(renamed.status).toBe(400);
    expect((await monitor.PATCH(req('PATCH', `/api/v1/anomaly-monitors/${total.id}`, editor, { minPercent: -1 }), ctx({ id: total.id }))).status).toBe(400);
    expect((await monitor.DELETE(req('DELETE', `/api/v1/anomaly-monitors/${total.id}`, editor), ctx({ id: total.id }))).status).toBe(409);

    const created = await monitors.POST(req('POST', '/api/v1/anomaly-monitors', editor, { name: 'Backups', scope: { service: 'AWS:AWS Backup' }, minAmount: 10 }));
    expect(created.status).toBe(201);
    const custom = await created.json();
    expect(custom).toMatchObject({ kind: 'custom', name: 'Backups', scope: { service: 'AWS:AWS Backup' }, minAmount: 10, minPercent: 20 });
    const badScope = await monitors.POST(req('POST', '/api/v1/anomaly-monitors', editor, { name: 'x', scope: { service: 'no-provider' } }));
    expect((await badScope.json()).error.issues[0].field).toBe('scope.service');
    await detect.POST(req('POST', '/api/v1/anomalies/detect', editor, { from: START }));
    const customRows = (await (await list.GET(req('GET', `/api/v1/anomalies?monitor=${custom.id}`, viewer))).json()).rows;
    expect(customRows).toHaveLength(1);
    expect(customRows[0].contributionDimension).toBe('usageType');

    const s = await series.GET(req('GET', `/api/v1/anomaly-monitors/${custom.id}/series?from=${day(70)}&to=${day(90)}`, viewer), ctx({ id: custom.id }));
    const body = await s.json();
    expect(body.days).toHaveLength(21);
    expect(body.days.filter((d: { anomalous: boolean }) => d.anomalous).map((d: { day: string }) => d.day)).toEqual([day(80), day(81), day(82), day(83)]);
    expect(body.days[0].lower).toBeLessThan(body.days[0].actual);
    expect(body.days[0].upper).toBeGreaterThan(body.days[0].actual);

    expect((await monitor.DELETE(req('DELETE', `/api/v1/anomaly-monitors/${custom.id}`, editor), ctx({ id: custom.id }))).status).toBe(200);
    expect((await (await list.GET(req('GET', `/api/v1/anomalies?monitor=${custom.id}`, viewer))).json()).rows).toEqual([]);
  });
});

describe('business metrics and unit costs', () => {
  it('creates a metric, takes points as JSON and CSV, and refuses a bad CSV whole, naming its lines', async () => {
    expect((await metrics.POST(req('POST', '/api/v1/business-metrics', viewer, { name: 'users', label: 'Users', unit: 'user' }))).status).toBe(403);
    const badName = await metrics.POST(req('POST', '/api/v1/business-metrics', editor, { name: 'Active Users', label: 'Users', unit: 'user' }));
    expect((await badName.json()).error.issues[0].field).toBe('name');
    const created = await metrics.POST(req('POST', '/api/v1/business-metrics', editor, { name: 'users', label: 'Active users', unit: 'user', aggregation: 'average' }));
    expect(created.status).toBe(201);
    expect((await metrics.POST(req('POST', '/api/v1/business-metrics', editor, { name: 'users', label: 'Again', unit: 'user' }))).status).toBe(409);

    const json = await points.POST(req('POST', '/api/v1/business-metrics/users/points', editor, { points: [{ day: day(60), value: 1000 }, { day: day(61), value: '1200.5' }] }), ctx({ name: 'users' }));
    expect(await json.json()).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const negative = await points.POST(req('POST', '/api/v1/business-metrics/users/points', editor, { points: [{ day: day(62), value: -3 }] }), ctx({ name: 'users' }));
    expect((await negative.json()).error.issues[0].field).toBe('points.0.value');

    const lines = ['day,value', ...Array.from({ length: 40 }, (_, i) => `${day(60 + i)},${1000 + i}`)];
    lines[5] = `${day(64)},lots`;
    lines[9] = '2026-02-30,12';
    const refused = await points.POST(req('POST', '/api/v1/business-metrics/users/points', editor, lines.join('\n'), 'text/csv'), ctx({ name: 'users' }));
    expect(refused.status).toBe(400);
    const issues = (await refused.json()).error.issues;
    expect(issues.map((i: { row: number; field: string }) => [i.row, i.field])).toEqual([
      [6, 'value'],
      [10, 'day'],
    ]);
    const { rows: kept } = await pool().query(`SELECT count(*)::int AS n FROM business_metric_point`);
    expect(kept[0].n).toBe(2);

    lines[5] = `${day(64)},1004`;
    lines[9] = `${day(68)},1008`;
    const ok = await points.POST(req('POST', '/api/v1/business-metrics/users/points', editor, lines.join('\n'), 'text/csv'), ctx({ name: 'users' }));
    expect(await ok.json()).toEqual({ inserted: 38, updated: 1, unchanged: 1 });
    expect((await points.POST(req('POST', '/api/v1/business-metrics/nobody/points', editor, { points: [{ day: day(1), value: 1 }] }), ctx({ name: 'nobody' }))).status).toBe(404);
    const listed = (await (await metrics.GET(req('GET', '/api/v1/business-metrics', viewer))).json()).metrics;
    expect(listed[0]).toMatchObject({ name: 'users', points: 40, firstDay: day(60), lastDay: day(99), lastValue: '1039.000000' });
  });

  it('divides the cost of a scope by the metric, by day and by month', async () => {
    const res = await unitCosts.GET(req('GET', `/api/v1/unit-costs?metric=users&from=${day(60)}&to=${day(100)}&granularity=day&service=${encodeURIComponent('AWS:Amazon EC2')}`, viewer));
    const body = await res.json();
    expect(body.rows).toHaveLength(40);
    const { rows } = await pool().query(`SELECT effective_cost::float8 AS c FROM cost_daily WHERE day = $1 AND service_name = 'Amazon EC2'`, [day(70)]);
    const d70 = body.rows.find((r: { period: string }) => r.period === day(70));
    expect(Number(d70.unitCost)).toBeCloseTo(rows[0].c / 1010, 8);
    const monthly = await (await unitCosts.GET(req('GET', `/api/v1/unit-costs?metric=users&from=2026-03-01&to=2026-04-01`, viewer))).json();
    expect(monthly.rows).toHaveLength(1);
    expect(monthly.rows[0]).toMatchObject({ period: '2026-03-01', days: 31 });
    // an average metric: the month's cost over its typical day (cost per user in the month)
    const avg = Number(monthly.rows[0].value);
    expect(Number(monthly.rows[0].unitCost)).toBeCloseTo(Number(monthly.rows[0].cost) / avg, 6);
    const unknown = await unitCosts.GET(req('GET', `/api/v1/unit-costs?metric=nobody&from=2026-03-01&to=2026-04-01`, viewer));
    expect((await unknown.json()).error.issues[0].field).toBe('metric');
    const backwards = await unitCosts.GET(req('GET', `/api/v1/unit-costs?metric=users&from=2026-04-01&to=2026-03-01`, viewer));
    expect((await backwards.json()).error.issues[0].field).toBe('to');
    const table = await cli('unit-costs', ['users'], { from: '2026-03-01', to: '2026-04-01' });
    expect(table.out).toContain('2026-03-01');
  });

  it('pulls a metric from Prometheus with the connector’s client, one value a day, again without change', async () => {
    const actor = { type: 'token' as const, id: 'test', label: 'test', role: 'admin' as const };
    const connection = await createConnection(actor, { provider: 'prometheus', name: 'prom', settings: { url: prometheus.url }, credentials: {} });
    await createMetric({ name: 'requests', label: 'Requests', unit: 'request', per: 1_000_000, aggregation: 'sum', source: 'prometheus', connectionId: connection.id, query: 'sum(increase(http_requests_total[1d]))' }, actor);
    const first = await pullPrometheusMetric('requests', { from: day(60), to: day(66) });
    expect(first).toMatchObject({ points: 7, inserted: 7 });
    const { rows } = await pool().query<{ day: string; value: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, value::text FROM business_metric_point p JOIN business_metric m ON m.id = p.metric_id WHERE m.name = 'requests' ORDER BY day`,
    );
    expect(rows).toHaveLength(7);
    // the value at the end of each day, summed over the series
    const endOfDay = Date.parse(`${day(61)}T00:00:00Z`) / 1000 + 86_400;
    expect(Number(rows[1].value)).toBe(150_000 + ((endOfDay / 86_400) % 7) * 1000 + 50_000);
    expect(await pullPrometheusMetric('requests', { from: day(60), to: day(66) })).toMatchObject({ inserted: 0, updated: 0, unchanged: 7 });
    // a query Prometheus refuses is reported, and nothing is written
    await pool().query(`UPDATE business_metric SET query = 'sum(rate(http_requests_total[1d])' WHERE name = 'requests'`);
    const refused = await pullPrometheusMetric('requests', { from: day(67), to: day(68) }, { maxRetries: 0 });
    expect(refused.error).toMatch(/refused|parse error/);
    const badConnection = await metrics.POST(req('POST', '/api/v1/business-metrics', editor, { name: 'x', label: 'X', unit: 'x', source: 'prometheus', query: 'up' }));
    expect((await badConnection.json()).error.issues[0].field).toBe('connectionId');
  });
});
