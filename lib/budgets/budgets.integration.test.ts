// Budgets on the real database: the API through its route handlers, the CLI commands, the evaluation with its
// states at thresholds, alarms once per threshold and period, rollover in ORG_TIMEZONE, and amounts from a scenario.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v1/budgets/route';
import * as one from '@/app/api/v1/budgets/[id]/route';
import { budgetCommands } from '@/lib/cli/budget-commands';
import { createApiToken } from '@/lib/auth/tokens';
import { addIsoDays } from '@/lib/dates';
import { disconnect, pool, prisma } from '@/lib/db';
import { listScenarios } from '@/lib/queries/list-scenarios';
import { getBudget } from '@/lib/queries/list-budgets';
import { ensurePlanningSeed } from '@/lib/scenarios/ensure-planning-seed';
import { truncate } from '@/test/db';
import { evaluateBudgets } from './evaluate-budgets';
import { createBudget } from './save-budget';

const TZ = 'Europe/Paris';
let viewer: string;
let editor: string;

const req = (method: string, path: string, token: string, body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

// 10 EUR a day of AWS usage on every day of [from, to)
async function spend(from: string, to: string, perDay = 10) {
  for (let d = from; d < to; d = addIsoDays(d, 1)) {
    await pool().query(
      `INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency, billed_cost, effective_cost, list_cost, record_count)
       VALUES ($1, 'AWS', 'Amazon EC2', 'Compute', 'eu-west-3', '1', '', 'EUR', $2, $2, $2, 1)`,
      [d, perDay],
    );
  }
}

beforeAll(async () => {
  await truncate();
  await ensurePlanningSeed();
  await pool().query(`INSERT INTO fx_rate (date, base, quote, rate, source) VALUES ('2025-11-20', 'USD', 'EUR', 0.92, 'test')`);
  viewer = (await createApiToken({ name: 'viewer', role: 'viewer' })).token;
  editor = (await createApiToken({ name: 'editor', role: 'editor' })).token;
});
beforeEach(async () => {
  await truncate('budget', 'cost_daily', 'audit_log');
});
afterAll(() => disconnect());

describe('budgets API', () => {
  it('creates, lists with the current period, changes and deletes; viewers read only', async () => {
    await spend('2026-10-01', addIsoDays(new Date().toISOString().slice(0, 10), 0));
    const body = { name: 'AWS', scope: { provider: 'AWS' }, period: 'month', currency: 'EUR', amount: '1000', thresholds: [{ on: 'actual', percent: 80 }, { on: 'forecast', amount: 250 }], subscriptions: [{ channelId: '7d1f0a4e-8f7e-4a43-9a55-0d3c1c6a7d11', frequency: 'daily' }] };
    expect((await collection.POST(req('POST', '/api/v1/budgets', viewer, body))).status).toBe(403);
    const created = await collection.POST(req('POST', '/api/v1/budgets', editor, body));
    expect(created.status).toBe(201);
    const b = await created.json();
    expect(b).toMatchObject({ name: 'AWS', scope: { provider: 'AWS' }, period: 'month', currency: 'EUR', amount: '1000.00', subscriptions: [{ frequency: 'daily' }] });
    expect(b.thresholds).toEqual([expect.objectContaining({ on: 'actual', percent: 80 }), expect.objectContaining({ on: 'forecast', amount: '250' })]);
    expect(b.current).toMatchObject({ amount: '1000', state: expect.stringMatching(/ok|alarm/) });
    expect(Number(b.current.actual)).toBeGreaterThan(0);
    expect(Number(b.current.forecast)).toBeGreaterThanOrEqual(Number(b.current.actual));
    expect(b.current.thresholds).toHaveLength(2);
    expect(b.current.thresholds[1]).toMatchObject({ on: 'forecast', limit: '250', state: Number(b.current.forecast) >= 250 ? 'alarm' : 'ok' });

    const list = await (await collection.GET(req('GET', '/api/v1/budgets', viewer))).json();
    expect(list.budgets.map((x: { name: string }) => x.name)).toEqual(['AWS']);
    expect((await one.PATCH(req('PATCH', `/api/v1/budgets/${b.id}`, viewer, { name: 'x' }), ctx({ id: b.id }))).status).toBe(403);
    const changed = await one.PATCH(req('PATCH', `/api/v1/budgets/${b.id}`, editor, { auto: { periods: 2 } }), ctx({ id: b.id }));
    expect(changed.status).toBe(200);
    const c = await changed.json();
    expect(c.amount).toBeUndefined();
    expect(c.auto).toEqual({ periods: 2 });
    expect(c.current.amountBasis.kind).toBe('auto');
    expect((await one.DELETE(req('DELETE', `/api/v1/budgets/${b.id}`, editor), ctx({ id: b.id }))).status).toBe(200);
    expect((await one.GET(req('GET', `/api/v1/budgets/${b.id}`, viewer), ctx({ id: b.id }))).status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: 'budget.' } } })).toBe(3);
  });

  it('answers 400 naming the field: an unknown provider, an impossible threshold, two amounts', async () => {
    const post = async (body: unknown) => {
      const r = await collection.POST(req('POST', '/api/v1/budgets', editor, body));
      return { status: r.status, body: await r.json() };
    };
    const unknown = await post({ name: 'x', scope: { provider: 'Nowhere Cloud' }, amount: 10 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].field).toBe('scope.provider');
    const both = await post({ name: 'x', amount: 10, thresholds: [{ on: 'actual', percent: 80, amount: 5 }] });
    expect(both.status).toBe(400);
    expect(both.body.error.issues.map((i: { field: string }) => i.field)).toContain('thresholds.0.percent');
    const negative = await post({ name: 'x', amount: 10, thresholds: [{ on: 'actual', percent: -5 }] });
    expect(negative.body.error.issues.map((i: { field: string }) => i.field)).toContain('thresholds.0.percent');
    const two = await post({ name: 'x', amount: 10, auto: { periods: 3 } });
    expect(two.body.error.issues.map((i: { field: string }) => i.field)).toContain('amount');
    const badPlan = await post({ name: 'x', period: 'quarter', amounts: [{ period: '2026-03', amount: 10 }] });
    expect(badPlan.body.error.issues.map((i: { field: string }) => i.field)).toContain('amounts.0.period');
    expect(await prisma.budget.count()).toBe(0);
  });
});

describe('evaluate-budgets', () => {
  const actor = { type: 'system' as const, label: 'test' };

  it('sets each threshold\'s state, raises an alarm once per threshold and period, and rolls over in Paris', async () => {
    // data through 14 March: the evaluation on 15 March knows 1–14 March (140) and forecasts about 310
    await spend('2026-01-01', '2026-03-15');
    const { id } = await createBudget(
      {
        name: 'AWS',
        scope: { provider: 'AWS' },
        amount: '1000',
        thresholds: [
          { on: 'actual', percent: 10 },
          { on: 'actual', percent: 50 },
          { on: 'forecast', percent: 30 },
          { on: 'forecast', amount: '400' },
        ],
      },
      actor,
    );
    const first = await evaluateBudgets({ now: new Date('2026-03-15T10:00:00Z'), timeZone: TZ });
    expect(first.failed).toEqual([]);
    expect(first.alarms).toHaveLength(2);
    const b = await getBudget(id, { now: new Date('2026-03-15T10:00:00Z'), timeZone: TZ });
    expect(b.current).toMatchObject({ period: '2026-03', actual: '140.00', state: 'alarm', percentActual: 14 });
    expect(Number(b.current.forecast)).toBeCloseTo(310, 0);
    expect(b.current.thresholds.map((t) => [t.limit, t.state])).toEqual([
      ['100', 'alarm'],
      ['500', 'ok'],
      ['300', 'alarm'],
      ['400', 'ok'],
    ]);
    const states = await prisma.budgetThresholdState.findMany({ where: { periodKey: '2026-03' } });
    expect(states.filter((s) => s.state === 'alarm')).toHaveLength(2);

    // the next day: still in alarm, no new alarm
    await spend('2026-03-15', '2026-03-16');
    const again = await evaluateBudgets({ now: new Date('2026-03-16T10:00:00Z'), timeZone: TZ });
    expect(again.alarms).toEqual([]);
    expect(await prisma.budgetAlarm.count()).toBe(2);

    // 1 April 00:30 in Paris is 31 March 22:30 UTC: April already; March closes with its final actual
    await spend('2026-03-16', '2026-04-01');
    const rollover = await evaluateBudgets({ now: new Date('2026-03-31T22:30:00Z'), timeZone: TZ });
    expect(rollover.closed).toBe(1);
    const march = await prisma.budgetPeriod.findUniqueOrThrow({ where: { budgetId_periodKey: { budgetId: id, periodKey: '2026-03' } } });
    expect(march).toMatchObject({ closed: true });
    expect(march.actual.toString()).toBe('310');
    const april = await getBudget(id, { now: new Date('2026-03-31T22:30:00Z'), timeZone: TZ });
    expect(april.current).toMatchObject({ period: '2026-04', startDay: '2026-04-01', actual: '0.00' });
    expect(april.current.thresholds[0].state).toBe('ok');
    // the forecast threshold at 30% alarms again, once, for the new period
    expect(rollover.alarms).toHaveLength(1);
    expect(await prisma.budgetAlarm.count({ where: { periodKey: '2026-04' } })).toBe(1);
    expect(april.history.map((h) => [h.period, h.closed])).toEqual([
      ['2026-04', false],
      ['2026-03', true],
    ]);
    expect(april.history[1].alarms).toHaveLength(2);
  });

  it('takes a scenario\'s monthly P50 summed over the quarter, and the average of past periods for auto', async () => {
    await spend('2026-01-01', '2026-04-10', 20);
    const [, europe] = await listScenarios();
    // the plan as saved in December: its timeline runs from January
    await pool().query(`UPDATE scenario SET updated_at = '2025-12-15T12:00:00Z' WHERE id = $1`, [europe.id]);
    const plan = await createBudget({ name: 'Plan', period: 'quarter', fromScenarioId: europe.id, currency: 'EUR' }, actor);
    const auto = await createBudget({ name: 'Auto', period: 'month', auto: { periods: 2 }, currency: 'EUR' }, actor);
    const now = new Date('2026-04-10T08:00:00Z');
    const p = await getBudget(plan.id, { now, timeZone: TZ });
    expect(p.current.period).toBe('2026-Q2');
    expect(p.current.amountBasis).toEqual({ kind: 'scenario', basis: ['2026-04', '2026-05', '2026-06'], missing: [] });
    expect(Number(p.current.amount)).toBeGreaterThan(0);
    const a = await getBudget(auto.id, { now, timeZone: TZ });
    // February 28 × 20 = 560 and March 31 × 20 = 620: 590
    expect(a.current).toMatchObject({ amount: '590', amountBasis: { kind: 'auto', basis: ['2026-02', '2026-03'], missing: [] } });
  });
});

describe('budgets CLI', () => {
  it('creates a budget with thresholds, lists it and evaluates', async () => {
    await spend('2026-01-01', new Date().toISOString().slice(0, 10));
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const run = (name: string, positionals: string[], options: Record<string, string | string[]>) =>
      budgetCommands.find((c) => c.name === name)!.run({ positionals, options }, io);
    expect(await run('budget:create', ['Cloud'], { amount: '5000', period: 'quarter', provider: ['AWS'], threshold: ['actual:80%', 'forecast:100%'] })).toBe(0);
    const stored = await prisma.budget.findFirstOrThrow({ include: { thresholds: true } });
    expect(stored).toMatchObject({ name: 'Cloud', period: 'quarter', amountKind: 'fixed' });
    expect(stored.thresholds.map((t) => [t.on, Number(t.percent)])).toEqual([
      ['actual', 80],
      ['forecast', 100],
    ]);
    await expect(run('budget:create', ['Bad'], { amount: '10', threshold: ['sideways:80%'] })).rejects.toThrow(/--threshold/);
    expect(await run('budgets:evaluate', [], {})).toBe(0);
    expect(lines.some((l) => /1 budget\(s\) evaluated/.test(l))).toBe(true);
    lines.length = 0;
    expect(await run('budgets', [], { format: 'json' })).toBe(0);
    const json = JSON.parse(lines.join('\n'));
    expect(json.budgets[0]).toMatchObject({ name: 'Cloud', current: { amount: '5000' } });
    expect(json.budgets[0].history).toHaveLength(1);
  });
});
