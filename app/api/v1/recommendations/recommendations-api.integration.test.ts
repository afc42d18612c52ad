// The recommendations and commitment planner endpoints through their route handlers, with viewer and
// editor API tokens, on the demo data; and the CLI commands on the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '@/test/db';
import { createApiToken } from '@/lib/auth/tokens';
import { recommendationCommands } from '@/lib/cli/recommendation-commands';
import { CliUsageError } from '@/lib/cli/types';
import { disconnect, pool } from '@/lib/db';
import { alignDemoPlan } from '@/lib/demo/align-demo-plan';
import { loadDemo } from '@/lib/demo/load-demo';
import { demoPhases } from '@/lib/demo/model';
import { isoDay, startOfUtcDay } from '@/lib/dates';
import { REFRESH_LOCK_KEY } from '@/lib/recommendations/engine/refresh-recommendations';
import { ensurePlanningSeed } from '@/lib/scenarios/ensure-planning-seed';
import { ZCommitmentPlanResult, ZRecommendation, ZRecommendationList, ZRecommendationRun } from '@/lib/api/schemas/recommendations';
import * as list from './route';
import * as one from './[id]/route';
import * as refresh from './refresh/route';
import * as plan from '../commitments/plan/route';

let viewer: string;
let editor: string;

beforeAll(async () => {
  await truncate();
  await ensurePlanningSeed();
  // the demo as of now: the API reads the clock
  await loadDemo({ now: new Date() });
  await alignDemoPlan(new Date());
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  editor = (await createApiToken({ name: 'editor', role: 'editor' })).token;
}, 120_000);
afterAll(() => disconnect());

const req = (method: string, path: string, token: string | null, body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const fields = async (res: Response) => ((await res.json()).error.issues as { field: string }[]).map((i) => i.field);

describe('recommendations API', () => {
  it('refreshes for an editor only, and answers the run with each rule', async () => {
    expect((await refresh.POST(req('POST', '/api/v1/recommendations/refresh', viewer))).status).toBe(403);
    const res = await refresh.POST(req('POST', '/api/v1/recommendations/refresh', editor));
    expect(res.status).toBe(200);
    const run = ZRecommendationRun.parse(await res.json());
    expect(run.status).toBe('succeeded');
    expect(run.created).toBeGreaterThan(7);
    expect(run.rules.map((r) => r.outcome)).not.toContain('failed');
  });

  it('refuses a refresh while another runs (409)', async () => {
    const holder = await pool().connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [REFRESH_LOCK_KEY]);
      const res = await refresh.POST(req('POST', '/api/v1/recommendations/refresh', editor));
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('CONFLICT');
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1::bigint)', [REFRESH_LOCK_KEY]);
      holder.release();
    }
  });

  it('lists with totals by kind and provider and the last run, filtered by status, kind and provider', async () => {
    const res = await list.GET(req('GET', '/api/v1/recommendations', viewer));
    expect(res.status).toBe(200);
    const body = ZRecommendationList.parse(await res.json());
    expect(body.items.length).toBeGreaterThan(7);
    expect(body.summary.currency).toBe('EUR');
    const p50 = body.items.filter((i) => i.monthlySavings).reduce((s, i) => s + Number(i.monthlySavings!.p50), 0);
    expect(Number(body.summary.total.monthlySavings.p50)).toBeCloseTo(p50, 1);
    expect(body.summary.byKind.map((k) => k.kind)).toContain('commitment');
    expect(body.lastRun?.rules.length).toBeGreaterThan(10);
    const commitment = body.items.find((i) => i.kind === 'commitment' && i.commitment?.instrument === 'aws-compute-savings-plan')!;
    expect(commitment.commitment).toMatchObject({ termMonths: expect.any(Number), upfront: expect.stringMatching(/^\d+(\.\d+)?$/), tranches: expect.any(Array) });
    expect(commitment.commitment!.tranches[0]).toMatchObject({ month: expect.stringMatching(/^\d{4}-\d{2}$/), amount: expect.any(String), upfront: expect.any(String) });

    const filtered = ZRecommendationList.parse(await (await list.GET(req('GET', '/api/v1/recommendations?kind=redis,cdn&status=open&provider=cloudflare', viewer))).json());
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((i) => i.kind === 'cdn' && i.provider === 'cloudflare')).toBe(true);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const res = await list.GET(req('GET', '/api/v1/recommendations?status=maybe&kind=pods', viewer));
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['status']);
  });

  it('reads one, lets an editor change its status (audited) and a viewer not', async () => {
    const { items } = ZRecommendationList.parse(await (await list.GET(req('GET', '/api/v1/recommendations?kind=cdn', viewer))).json());
    const id = items[0].id;
    const got = await one.GET(req('GET', `/api/v1/recommendations/${id}`, viewer), ctx({ id }));
    expect(ZRecommendation.parse(await got.json()).id).toBe(id);

    expect((await one.PATCH(req('PATCH', `/api/v1/recommendations/${id}`, viewer, { status: 'accepted' }), ctx({ id }))).status).toBe(403);
    const res = await one.PATCH(req('PATCH', `/api/v1/recommendations/${id}`, editor, { status: 'snoozed', snoozedUntil: '2099-01-01' }), ctx({ id }));
    expect(res.status).toBe(200);
    expect(ZRecommendation.parse(await res.json())).toMatchObject({ status: 'snoozed', snoozedUntil: '2099-01-01T00:00:00.000Z', statusChangedBy: 'token:editor' });
    const audit = await pool().query(`SELECT actor_type, actor_label, details->>'to' AS "to" FROM audit_log WHERE entity_type = 'recommendation' AND entity_id = $1`, [id]);
    expect(audit.rows).toEqual([{ actor_type: 'token', actor_label: 'token:editor', to: 'snoozed' }]);

    const bad = async (body: unknown) => one.PATCH(req('PATCH', `/api/v1/recommendations/${id}`, editor, body), ctx({ id }));
    expect(await fields(await bad({ status: 'dismissed' }))).toEqual(['reason']);
    expect(await fields(await bad({ status: 'snoozed' }))).toEqual(['snoozedUntil']);
    expect(await fields(await bad({ status: 'snoozed', snoozedUntil: '2001-01-01' }))).toEqual(['snoozedUntil']);
    expect(await fields(await bad({ status: 'gone' }))).toEqual(['status']);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of ['6f1d3c1a-4a55-4b8e-9a0e-1d2c3b4a5f60', 'not-a-uuid']) {
      expect((await one.GET(req('GET', `/api/v1/recommendations/${id}`, viewer), ctx({ id }))).status).toBe(404);
      expect((await one.PATCH(req('PATCH', `/api/v1/recommendations/${id}`, editor, { status: 'accepted' }), ctx({ id }))).status).toBe(404);
    }
  });
});

describe('commitment planner API', () => {
  it('plans a Compute Savings Plan with its ladder, levels, band and stress tests', async () => {
    const res = await plan.GET(req('GET', '/api/v1/commitments/plan?instrument=aws-compute-savings-plan&term=1y&payment=no-upfront&lookbackDays=30', viewer));
    expect(res.status).toBe(200);
    const body = ZCommitmentPlanResult.parse(await res.json());
    expect(body.missing).toEqual([]);
    expect(body.scenario?.name).toBe('Europe (plan)');
    const p = body.plan!;
    expect(p.tranches.length).toBeGreaterThan(0);
    expect(p.usageBand).toHaveLength(12);
    for (const m of p.usageBand) expect(m.p10).toBeLessThanOrEqual(m.p90);
    expect(p.utilisationToBreakEven).toBeCloseTo(1 - p.discount, 6);
    expect(Number(p.savingsIfUsageFalls.by40)).toBeLessThanOrEqual(Number(p.savingsIfUsageFalls.by20));
    expect(p.conservativeLevel).toBeLessThanOrEqual(p.optimal.level + 1e-9);
    // the demo keeps AWS's own recommendation (its flat 30-day lookback): below the ladder's top, since the plan grows
    expect(p.providerLevel).toBeGreaterThan(0);
    expect(p.providerLookbackDays).toBe(30);
    expect(p.providerLevel!).toBeLessThan(p.topLevel);
    // a ladder that climbs, or one purchase at what the plan projects: either way above AWS's past-only level
    expect(p.differenceReason).toBe(p.tranches.length > 1 ? 'commitmentProviderLower' : 'commitmentProviderLowerProjected');
    expect(body.instruments.map((i) => i.instrument)).toContain('redis-cloud-annual');
    // scope and discount source as data the pages translate, beside the English text
    expect(body.scopeMessage).toEqual({ key: 'awsComputeSavingsPlan', params: {} });
    expect(p.discountSourceMessage).toEqual({ key: 'awsCommitmentComputeSp1y', params: {} });
  });

  it('replays a recommendation made during the roll-out (asOf) with the plan it had then: a ladder of tranches', async () => {
    const asOf = isoDay(demoPhases(startOfUtcDay(new Date())).dataStart);
    const body = ZCommitmentPlanResult.parse(await (await plan.GET(req('GET', `/api/v1/commitments/plan?instrument=aws-compute-savings-plan&term=1y&payment=no-upfront&asOf=${asOf}`, viewer))).json());
    expect(body.asOf.slice(0, 10)).toBe(asOf);
    expect(body.lookback.to.slice(0, 10)).toBe(asOf);
    expect(body.plan!.tranches.length).toBeGreaterThan(1);
    expect(body.plan!.tranches.map((t) => t.monthIndex)).toEqual([...body.plan!.tranches.map((t) => t.monthIndex)].sort((a, b) => a - b));
    const future = await plan.GET(req('GET', '/api/v1/commitments/plan?asOf=2999-01-01', viewer));
    expect(future.status).toBe(400);
    expect(await fields(future)).toEqual(['asOf']);
  });

  it('says what it lacks for an instrument without usage', async () => {
    const body = ZCommitmentPlanResult.parse(await (await plan.GET(req('GET', '/api/v1/commitments/plan?instrument=aws-rds-reserved-instance&term=1y&payment=all-upfront', viewer))).json());
    expect(body.plan).toBeNull();
    expect(body.missing).toContain('baseline');
  });

  it('answers 400 naming each bad parameter', async () => {
    const res = await plan.GET(req('GET', '/api/v1/commitments/plan?instrument=bitcoin&lookbackDays=45&term=2y', viewer));
    expect(res.status).toBe(400);
    expect((await fields(res)).sort()).toEqual(['instrument', 'lookbackDays', 'term']);
  });
});

describe('recommendations CLI', () => {
  const run = async (name: string, options: Record<string, string>) => {
    const out: string[] = [];
    const command = recommendationCommands.find((c) => c.name === name)!;
    const code = await command.run({ positionals: [], options }, { out: (l) => out.push(l), err: (l) => out.push(l) });
    return { code, out: out.join('\n') };
  };

  it('lists as JSON the same recommendations as the API, and as a table', async () => {
    const api = ZRecommendationList.parse(await (await list.GET(req('GET', '/api/v1/recommendations?status=open', viewer))).json());
    const json = await run('recommendations', { status: 'open', format: 'json' });
    expect(json.code).toBe(0);
    expect(ZRecommendationList.parse(JSON.parse(json.out)).items.map((i) => i.id)).toEqual(api.items.map((i) => i.id));
    const table = await run('recommendations', { kind: 'redis' });
    expect(table.out).toMatch(/ec-cache/);
    expect(table.out).toMatch(/total to gain/);
  });

  it('refuses a bad option by name', async () => {
    await expect(run('recommendations', { kind: 'vibes' })).rejects.toThrow(CliUsageError);
    await expect(run('recommendations', { format: 'xml' })).rejects.toThrow(/--format/);
  });

  it('refreshes and prints each rule', async () => {
    const r = await run('recommendations:refresh', {});
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/commitment-ladder\s+ok/);
  });
});
