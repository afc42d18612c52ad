// The scenario, calibration and price endpoints through their route handlers, as Next.js calls them,
// with viewer and editor API tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { buildOpenApi } from '@/lib/api/openapi';
import { createApiToken } from '@/lib/auth/tokens';
import { disconnect, pool, prisma } from '@/lib/db';
import { EUROPE_PLAN, GRAND_EST_TODAY } from '@/lib/planning/drivers';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { ensurePlanningSeed } from '@/lib/scenarios/ensure-planning-seed';
import * as calibration from '../calibration/route';
import * as prices from '../prices/route';
import * as price from '../prices/[id]/route';
import * as priceHistory from '../prices/[id]/history/route';
import * as collection from './route';
import * as one from './[id]/route';
import * as clone from './[id]/clone/route';
import * as evaluate from './[id]/evaluate/route';
import * as exportRoute from './[id]/export/route';
import * as versions from './[id]/versions/route';
import * as restore from './[id]/versions/[version]/restore/route';
import * as adopt from './[id]/calibration/route';
import * as compare from './compare/route';

let viewer: string;
let editor: string;
let europeId: string;
let grandEstId: string;

beforeAll(async () => {
  await truncate();
  await ensurePlanningSeed();
  await pool().query(`INSERT INTO fx_rate (date, base, quote, rate, source) VALUES ('2026-11-20', 'USD', 'EUR', 0.92, 'test')`);
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  editor = (await createApiToken({ name: 'editor', role: 'editor' })).token;
  const [g, e] = await listScenarios();
  grandEstId = g.id;
  europeId = e.id;
});
afterAll(() => disconnect());

const req = (method: string, path: string, token: string | null, body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe('scenarios API', () => {
  it('lets a viewer read but not change, and an editor create, change, clone and restore', async () => {
    expect((await collection.GET(req('GET', '/api/v1/scenarios', null))).status).toBe(401);
    const list = await collection.GET(req('GET', '/api/v1/scenarios', viewer));
    expect((await list.json()).scenarios.map((s: { name: string }) => s.name)).toEqual(['Grand Est (today)', 'Europe (plan)']);

    const body = { name: 'Alps', drivers: GRAND_EST_TODAY.drivers };
    expect((await collection.POST(req('POST', '/api/v1/scenarios', viewer, body))).status).toBe(403);
    const created = await collection.POST(req('POST', '/api/v1/scenarios', editor, body));
    expect(created.status).toBe(201);
    const { id } = await created.json();

    const forbidden = await one.PATCH(req('PATCH', `/api/v1/scenarios/${id}`, viewer, { name: 'Nope' }), ctx({ id }));
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('FORBIDDEN');
    const renamed = await one.PATCH(req('PATCH', `/api/v1/scenarios/${id}`, editor, { name: 'Alps 2', expectedVersion: 1 }), ctx({ id }));
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'Alps 2', version: 2 });
    const empty = await one.PATCH(req('PATCH', `/api/v1/scenarios/${id}`, editor, {}), ctx({ id }));
    expect(empty.status).toBe(400);

    const v = await (await versions.GET(req('GET', `/api/v1/scenarios/${id}/versions`, viewer), ctx({ id }))).json();
    expect(v.versions.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    const restored = await restore.POST(req('POST', `/api/v1/scenarios/${id}/versions/1/restore`, editor), ctx({ id, version: '1' }));
    expect(await restored.json()).toMatchObject({ name: 'Alps', version: 3 });

    const copy = await clone.POST(req('POST', `/api/v1/scenarios/${europeId}/clone`, editor, { options: { cdn: { provider: 'cloudflare' } } }), ctx({ id: europeId }));
    expect(copy.status).toBe(201);
    expect(await copy.json()).toMatchObject({ name: 'Copy of Europe (plan)', options: { cdn: { provider: 'cloudflare' } } });

    const del = await one.DELETE(req('DELETE', `/api/v1/scenarios/${id}`, editor), ctx({ id }));
    expect(await del.json()).toMatchObject({ ok: true, archived: true });
    expect((await one.GET(req('GET', `/api/v1/scenarios/${id}`, viewer), ctx({ id }))).status).toBe(404);
    expect((await one.GET(req('GET', '/api/v1/scenarios/nope', viewer), ctx({ id: 'nope' }))).status).toBe(404);
    const actions = (await prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } })).map((a) => [a.action, a.actorLabel]);
    expect(actions).toEqual([
      ['scenario.create', 'token:editor'],
      ['scenario.update', 'token:editor'],
      ['scenario.restore', 'token:editor'],
      ['scenario.delete', 'token:editor'],
    ]);
  });

  it('evaluates for a viewer, with drivers that apply to that evaluation only', async () => {
    const path = `/api/v1/scenarios/${europeId}/evaluate`;
    const base = await evaluate.POST(req('POST', path, viewer, { samples: 1000, seed: 4 }), ctx({ id: europeId }));
    expect(base.status).toBe(200);
    const b = await base.json();
    expect(b.currency).toBe('EUR');
    const t = b.steadyState.total;
    expect(Number(t.p10)).toBeLessThanOrEqual(Number(t.p50));
    expect(Number(t.p50)).toBeLessThanOrEqual(Number(t.p90));
    expect(b.steadyState.lines.length).toBeGreaterThan(10);
    expect(b.months).toHaveLength(24);
    expect(b.seedReference.rows).toHaveLength(6);

    const more = await (await evaluate.POST(req('POST', path, viewer, { samples: 1000, seed: 4, drivers: { peakRequestsPerSecond: { low: 1200, likely: 1500, high: 2000 } } }), ctx({ id: europeId }))).json();
    expect(more.deterministic.capacity.pods).toBeGreaterThan(b.deterministic.capacity.pods);
    expect(Number(more.steadyState.total.p50)).toBeGreaterThan(Number(t.p50));
    const stored = await (await one.GET(req('GET', `/api/v1/scenarios/${europeId}`, viewer), ctx({ id: europeId }))).json();
    expect(stored.drivers.peakRequestsPerSecond).toEqual(EUROPE_PLAN.drivers.peakRequestsPerSecond);
    expect(stored.version).toBe(1);
  });

  it('answers bad drivers with a 400 that names the driver', async () => {
    const path = `/api/v1/scenarios/${europeId}/evaluate`;
    const bad = async (drivers: unknown) => {
      const res = await evaluate.POST(req('POST', path, viewer, { samples: 10, drivers }), ctx({ id: europeId }));
      expect(res.status).toBe(400);
      return (await res.json()).error;
    };
    expect((await bad({ peakRequestsPerSecond: -1 })).message).toMatch(/^drivers\.peakRequestsPerSecond must be .*\(got -1\)/);
    const lowHigh = await bad({ cols: { low: 12000, likely: 10000, high: 11000 } });
    expect(lowHigh.message).toMatch(/^drivers\.cols\.low must be ≤ likely/);
    expect(lowHigh.issues[0].field).toBe('drivers.cols.low');
    expect((await bad({ registeredUsers: 'many' })).message).toMatch(/^drivers\.registeredUsers must be a number/);
    expect((await bad({ cdnBandwidthTBPerMonth: { low: 1, likely: 'x', high: 3 } })).message).toMatch(/^drivers\.cdnBandwidthTBPerMonth\.likely must be a number/);
    const samples = await evaluate.POST(req('POST', path, viewer, { samples: 0 }), ctx({ id: europeId }));
    expect(samples.status).toBe(400);
    expect((await samples.json()).error.message).toMatch(/^samples/);
  });

  it('exports CSV and JSON, compares, and calibrates (nothing to fit without data)', async () => {
    const csv = await exportRoute.GET(req('GET', `/api/v1/scenarios/${europeId}/export?format=csv`, viewer), ctx({ id: europeId }));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="europe-plan-v1.csv"');
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^section,month,resource_class,item/);
    const json = await (await exportRoute.GET(req('GET', `/api/v1/scenarios/${europeId}/export?format=json`, viewer), ctx({ id: europeId }))).json();
    expect(json.scenario.name).toBe('Europe (plan)');
    expect(json.evaluation.steadyState.total.p50).toMatch(/^\d+\.\d{2}$/);

    const cmp = await compare.GET(req('GET', `/api/v1/scenarios/compare?ids=${grandEstId},${europeId}&samples=200`, viewer));
    expect(cmp.status).toBe(200);
    expect((await cmp.json()).names).toEqual(['Grand Est (today)', 'Europe (plan)']);
    expect((await compare.GET(req('GET', `/api/v1/scenarios/compare?ids=${europeId}`, viewer))).status).toBe(400);

    const cal = await (await calibration.GET(req('GET', '/api/v1/calibration', viewer))).json();
    expect(cal.coefficients.map((c: { coefficient: string; fitted: unknown }) => [c.coefficient, c.fitted])).toEqual([
      ['rpsPerPod', null],
      ['bytesPerUser', null],
    ]);
    expect(cal.coefficients[0].missing).toMatch(/no usable request-rate and CPU samples/);
    const adoptAsViewer = await adopt.POST(req('POST', `/api/v1/scenarios/${europeId}/calibration`, viewer, { coefficient: 'rpsPerPod' }), ctx({ id: europeId }));
    expect(adoptAsViewer.status).toBe(403);
    const nothing = await adopt.POST(req('POST', `/api/v1/scenarios/${europeId}/calibration`, editor, { coefficient: 'rpsPerPod' }), ctx({ id: europeId }));
    expect(nothing.status).toBe(422);
  });

  it('lists prices, lets an editor change one (history kept) and not a viewer', async () => {
    const list = await (await prices.GET(req('GET', '/api/v1/prices', viewer))).json();
    expect(list.prices.length).toBeGreaterThan(100);
    const id = 'aws:ec2:m6i.large@eu-west-3';
    const encoded = encodeURIComponent(id);
    expect((await price.PATCH(req('PATCH', `/api/v1/prices/${encoded}`, viewer, { unitPrice: '0.1' }), ctx({ id: encoded }))).status).toBe(403);
    const bad = await price.PATCH(req('PATCH', `/api/v1/prices/${encoded}`, editor, { unitPrice: '-1' }), ctx({ id: encoded }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^unitPrice/);
    for (const effectiveDate of ['0000-01-01', '2026-02-30', '10000-01-01']) {
      const badDay = await price.PATCH(req('PATCH', `/api/v1/prices/${encoded}`, editor, { unitPrice: '1', effectiveDate }), ctx({ id: encoded }));
      expect(badDay.status, effectiveDate).toBe(400);
      expect((await badDay.json()).error.issues[0].field).toBe('effectiveDate');
    }
    const ok = await price.PATCH(req('PATCH', `/api/v1/prices/${encoded}`, editor, { unitPrice: '0.1', note: 'negotiated' }), ctx({ id: encoded }));
    expect(await ok.json()).toMatchObject({ id, unitPrice: '0.1' });
    const h = await (await priceHistory.GET(req('GET', `/api/v1/prices/${encoded}/history`, viewer), ctx({ id: encoded }))).json();
    expect(h.history).toHaveLength(1);
    expect(h.history[0]).toMatchObject({ changedBy: 'token:editor', old: { unitPrice: '0.112' }, new: { unitPrice: '0.1' }, note: 'negotiated' });
  });

  it('documents the endpoints in the OpenAPI document', () => {
    const doc = buildOpenApi();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/scenarios', '/api/v1/scenarios/{id}/evaluate', '/api/v1/calibration', '/api/v1/prices/{id}/history']));
  });
});
