// The thresholds' settings store through its route handler: anyone reads, admins write, values are
// checked against their ranges and pairs with a 400 naming the threshold, nothing half-written, every
// change audited; and the next refresh's rules use the overrides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { createApiToken } from '@/lib/auth/tokens';
import { disconnect, pool, prisma } from '@/lib/db';
import { alignDemoPlan } from '@/lib/demo/align-demo-plan';
import { loadDemo } from '@/lib/demo/load-demo';
import { ZThresholdsView, type TThresholdsView } from '@/lib/api/schemas/recommendation-thresholds';
import { gatherFacts } from '@/lib/recommendations/engine/gather-facts';
import { refreshRecommendations } from '@/lib/recommendations/engine/refresh-recommendations';
import { THRESHOLD_IDS } from '@/lib/recommendations/threshold-settings';
import { DEFAULT_THRESHOLDS } from '@/lib/recommendations/thresholds';
import { ensurePlanningSeed } from '@/lib/scenarios/ensure-planning-seed';
import type { TRecommendation } from '@/lib/recommendations/types';
import * as route from './route';

const NOW = new Date('2026-11-25T10:30:00Z');
let viewer: string;
let editor: string;
let admin: string;

beforeAll(async () => {
  await truncate();
  await ensurePlanningSeed();
  await loadDemo({ now: NOW });
  await alignDemoPlan(NOW);
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  editor = (await createApiToken({ name: 'editor', role: 'editor' })).token;
  admin = (await createApiToken({ name: 'admin', role: 'admin' })).token;
}, 120_000);
afterAll(() => disconnect());

const req = (method: string, token: string, body?: unknown) =>
  new Request('http://localhost/api/v1/recommendation-thresholds', {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const put = (token: string, thresholds: Record<string, number | null>) => route.PUT(req('PUT', token, { thresholds }));
const fields = async (res: Response) => ((await res.json()).error.issues as { field: string }[]).map((i) => i.field);
const byId = (view: TThresholdsView) => new Map(view.thresholds.map((t) => [t.id, t]));
const audits = async () => (await pool().query(`SELECT actor_label, action, details FROM audit_log WHERE action = 'recommendation-thresholds.update' ORDER BY id`)).rows;

describe('recommendation thresholds API', () => {
  it('lists every threshold with its default, source and range for a viewer, none overridden yet', async () => {
    const res = await route.GET(req('GET', viewer));
    expect(res.status).toBe(200);
    const view = ZThresholdsView.parse(await res.json());
    expect(view.thresholds.map((t) => t.id)).toEqual(THRESHOLD_IDS);
    for (const t of view.thresholds) {
      expect(t.value).toBe(DEFAULT_THRESHOLDS[t.id]);
      expect(t.default).toBe(DEFAULT_THRESHOLDS[t.id]);
      expect(t.overridden).toBe(false);
      expect(t.source.length).toBeGreaterThan(10);
      expect(t.min).toBeLessThanOrEqual(t.default);
      expect(t.max).toBeGreaterThanOrEqual(t.default);
    }
  });

  it('lets only an admin change them', async () => {
    expect((await put(viewer, { idleDays: 21 })).status).toBe(403);
    expect((await put(editor, { idleDays: 21 })).status).toBe(403);
    expect(await prisma.recommendationThreshold.count()).toBe(0);
  });

  it('answers 400 naming the threshold for an unknown id, a value out of range, a fraction of days, or a broken pair, writing nothing', async () => {
    let res = await put(admin, { idleDays: 21, bogus: 3 });
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['thresholds.bogus']);
    res = await put(admin, { atlasScaleUpPercent: 120, cdnCacheHitTarget: 85 });
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['thresholds.atlasScaleUpPercent', 'thresholds.cdnCacheHitTarget']);
    res = await put(admin, { idleDays: 14.5 });
    expect(res.status).toBe(400);
    // each value in range, but scale-down at or above scale-up
    res = await put(admin, { atlasScaleDownCpuPercent: 65, atlasScaleUpPercent: 60 });
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['thresholds.atlasScaleDownCpuPercent']);
    expect((await route.PUT(req('PUT', admin, { thresholds: {} }))).status).toBe(400);
    expect(await prisma.recommendationThreshold.count()).toBe(0);
    expect(await audits()).toEqual([]);
  });

  it('stores overrides with who and when, audits each change, and returns one to its default with null', async () => {
    const res = await put(admin, { idleDays: 21, runwayActDays: 365, cdnCacheHitTarget: 0.85 });
    expect(res.status).toBe(200);
    const view = byId(ZThresholdsView.parse(await res.json()));
    expect(view.get('idleDays')).toMatchObject({ value: 21, default: 14, overridden: true, updatedBy: 'token:admin' });
    expect(Date.parse(view.get('idleDays')!.updatedAt!)).toBeGreaterThan(Date.now() - 60_000);
    // setting the default is no override
    expect(view.get('cdnCacheHitTarget')).toMatchObject({ value: 0.85, overridden: false, updatedBy: null });
    expect((await audits()).at(-1)).toEqual({
      actor_label: 'token:admin', action: 'recommendation-thresholds.update',
      details: { changes: [{ id: 'idleDays', from: 14, to: 21, default: 14 }, { id: 'runwayActDays', from: 60, to: 365, default: 60 }] },
    });
    // the same again changes nothing and audits nothing
    await put(admin, { idleDays: 21 });
    expect(await audits()).toHaveLength(1);
    const back = byId(ZThresholdsView.parse(await (await put(admin, { idleDays: null })).json()));
    expect(back.get('idleDays')).toMatchObject({ value: 14, overridden: false });
    expect((await audits()).at(-1)!.details).toEqual({ changes: [{ id: 'idleDays', from: 21, to: 14, default: 14 }] });
    expect(await prisma.recommendationThreshold.findMany({ select: { thresholdId: true, value: true } })).toEqual([{ thresholdId: 'runwayActDays', value: 365 }]);
  });

  it('ignores a stored value outside its range (made under older ranges): the rules get the default', async () => {
    await prisma.recommendationThreshold.create({ data: { thresholdId: 'redisLowDays', value: 400, updatedByType: 'cli', updatedBy: 'old' } });
    const view = byId(ZThresholdsView.parse(await (await route.GET(req('GET', viewer))).json()));
    expect(view.get('redisLowDays')).toMatchObject({ value: 30, overridden: false });
    const gathered = await gatherFacts({ now: NOW, currency: 'EUR', commitmentsOnly: true });
    expect(gathered.facts.thresholds).toEqual({ runwayActDays: 365 });
    await prisma.recommendationThreshold.delete({ where: { thresholdId: 'redisLowDays' } });
  });

  it("passes the overrides to the rules: the next refresh's runway recommendations compare with 365 days", async () => {
    await refreshRecommendations({ now: NOW, currency: 'EUR', trigger: 'test', actor: { type: 'system', label: 'test' }, wait: true });
    const runway = await prisma.recommendation.findMany({ where: { kind: 'runway', current: true } });
    expect(runway.length).toBeGreaterThan(0);
    for (const r of runway) {
      const rec = r.payload as unknown as TRecommendation;
      expect(rec.evidence.filter((e) => e.unit === 'days').map((e) => e.threshold)).toContain(365);
    }
  });
});
