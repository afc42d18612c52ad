// The plan of record: seeded on Europe (plan), moved by an editor (the previous one loses it), cleared,
// dropped with the scenario it was on, and read back (as of a past instant: the plan as saved then).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { createApiToken } from '@/lib/auth/tokens';
import { disconnect, pool, prisma } from '@/lib/db';
import { getPlanOfRecord } from '@/lib/queries/get-plan-of-record';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { archiveScenario } from '@/lib/scenarios/archive-scenario';
import { ensurePlanningSeed } from '@/lib/scenarios/ensure-planning-seed';
import { updateScenario } from '@/lib/scenarios/update-scenario';
import * as route from './route';

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

const req = (method: string, token: string) => new Request('http://localhost/x', { method, headers: { authorization: `Bearer ${token}` } });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const marked = async () => (await prisma.scenario.findMany({ where: { planOfRecord: true }, select: { id: true } })).map((r) => r.id);

describe('plan of record', () => {
  it('is Europe (plan) after the seed, and a second seed does not move it', async () => {
    expect(await marked()).toEqual([europeId]);
    await route.PUT(req('PUT', editor), ctx(grandEstId));
    await ensurePlanningSeed();
    expect(await marked()).toEqual([grandEstId]);
    await route.PUT(req('PUT', editor), ctx(europeId));
  });

  it('moves to another scenario for an editor only, and is never on two at once', async () => {
    expect((await route.PUT(req('PUT', viewer), ctx(grandEstId))).status).toBe(403);
    const moved = await route.PUT(req('PUT', editor), ctx(grandEstId));
    expect(moved.status).toBe(200);
    expect((await moved.json()).planOfRecord).toBe(true);
    expect(await marked()).toEqual([grandEstId]);
    await expect(pool().query('UPDATE scenario SET plan_of_record = true WHERE id = $1', [europeId])).rejects.toThrow(/scenario_plan_of_record_key/);
    const audit = await prisma.auditLog.findFirst({ where: { action: 'scenario.plan-of-record', entityId: grandEstId } });
    expect(audit?.details).toMatchObject({ name: 'Grand Est (today)', previous: 'Europe (plan)' });
  });

  it('is cleared by DELETE and by deleting its scenario; an unknown id is a 404', async () => {
    expect((await route.DELETE(req('DELETE', editor), ctx(grandEstId))).status).toBe(200);
    expect(await marked()).toEqual([]);
    expect(await getPlanOfRecord({ now: new Date() })).toBeNull();
    expect((await route.PUT(req('PUT', editor), ctx('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await route.PUT(req('PUT', editor), ctx('not-a-uuid'))).status).toBe(404);

    const { id } = await prisma.scenario.create({ data: { name: 'Temporary', drivers: {}, planOfRecord: true } });
    await archiveScenario(id, { type: 'system', label: 'test' });
    expect(await marked()).toEqual([]);
  });

  it('reads the plan evaluated month by month, and as it was saved before asOf', async () => {
    await route.PUT(req('PUT', editor), ctx(europeId));
    const now = new Date();
    const plan = await getPlanOfRecord({ now, samples: 200 });
    expect(plan?.scenario).toMatchObject({ id: europeId, name: 'Europe (plan)' });
    const months = plan!.evaluation.months;
    expect(months.length).toBe(24);
    const last = months[months.length - 1].total;
    expect(Number(last.p10)).toBeLessThanOrEqual(Number(last.p50));
    expect(Number(last.p50)).toBeLessThanOrEqual(Number(last.p90));
    expect(Number(last.p50)).toBeGreaterThan(Number(months[0].total.p50));

    const before = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await updateScenario(europeId, { drivers: { registeredUsers: { low: 900_000, likely: 1_000_000, high: 1_100_000 } } }, { type: 'system', label: 'test' });
    const nowPlan = await getPlanOfRecord({ now: new Date(), samples: 200 });
    const pastPlan = await getPlanOfRecord({ now: new Date(), asOf: before, samples: 200 });
    expect(pastPlan!.scenario.version).toBe(nowPlan!.scenario.version - 1);
    expect(pastPlan!.evaluation.months[0].month).toBe(plan!.evaluation.months[0].month);
    // no version existed before the seed: no plan then
    expect(await getPlanOfRecord({ now, asOf: new Date('2000-01-01T00:00:00Z'), samples: 200 })).toBeNull();
  });
});
