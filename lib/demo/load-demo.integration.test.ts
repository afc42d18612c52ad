import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool } from '../db';
import { generateDemo } from './generate-demo';
import { hasAnyCostData, isDemoLoaded, loadDemo, type TLoadDemoResult } from './load-demo';
import { removeDemo } from './remove-demo';

const NOW = new Date('2026-11-25T10:30:00Z');
const SEED = 7;
let first: TLoadDemoResult;

async function one<T>(sql: string): Promise<T> {
  return (await pool().query(sql)).rows[0] as T;
}

beforeAll(async () => {
  await truncate();
  expect(await hasAnyCostData()).toBe(false);
  expect(await isDemoLoaded()).toBe(false);
  first = await loadDemo({ now: NOW, seed: SEED });
});
afterAll(() => disconnect());

describe('loadDemo', () => {
  // how long it takes is the bench's to say (tests never assert timings): here, that everything arrived
  it('loads the whole dataset through ingestion', () => {
    const data = generateDemo({ now: NOW, seed: SEED });
    expect(first.costs).toEqual({ inserted: data.costs.length, updated: 0, unchanged: 0 });
    expect(first.fxRates.inserted).toBe(data.fxRates.length);
    expect(first.resources.inserted).toBe(6);
    expect(first.samples.inserted).toBe(data.samples.length);
    expect(first.durationMs).toBeGreaterThan(0);
  });

  it('keeps cost_daily equal to cost_record, per provider and currency', async () => {
    const fromRecords = await pool().query(
      `SELECT provider_name, billing_currency, sum(billed_cost)::text AS billed, sum(effective_cost)::text AS effective,
              sum(list_cost)::text AS list, count(*)::int AS n
         FROM cost_record GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const fromDaily = await pool().query(
      `SELECT provider_name, billing_currency, sum(billed_cost)::text AS billed, sum(effective_cost)::text AS effective,
              sum(list_cost)::text AS list, sum(record_count)::int AS n
         FROM cost_daily GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(fromDaily.rows).toEqual(fromRecords.rows);
    expect(fromRecords.rows.length).toBe(5);
    // demo rows only, all tagged
    expect(await one(`SELECT count(*)::int AS n FROM cost_record WHERE source <> 'demo' OR tags->>'tourmalet:demo' <> 'true'`)).toEqual({ n: 0 });
  });

  it('records a demo sync run and tells the launcher data is there', async () => {
    const run = await one<Record<string, unknown>>(
      `SELECT kind, source, status, rows_inserted, rows_updated, rows_unchanged, window_start, window_end FROM sync_run WHERE id = '${first.syncRunId}'`,
    );
    expect(run).toEqual({
      kind: 'demo',
      source: 'demo',
      status: 'succeeded',
      rows_inserted: first.costs.inserted,
      rows_updated: 0,
      rows_unchanged: 0,
      window_start: new Date('2025-11-01T00:00:00Z'),
      window_end: new Date('2026-11-25T00:00:00Z'),
    });
    expect(await hasAnyCostData()).toBe(true);
    expect(await isDemoLoaded()).toBe(true);
  });

  it("keeps AWS's Savings Plans recommendation and its two cost forecasts under one disabled demo AWS connection, fetched before the demo's now", async () => {
    expect(first.insights).toBe(3);
    expect(await one(`SELECT count(*)::int AS n FROM provider_insight WHERE kind = 'aws.forecast'`)).toEqual({ n: 2 });
    const row = await one<{ kind: string; key: string; fetched_at: Date; enabled: boolean; h: string }>(
      `SELECT i.kind, i.key, i.fetched_at, c.enabled, i.payload #>> '{response,SavingsPlansPurchaseRecommendation,SavingsPlansPurchaseRecommendationSummary,HourlyCommitmentToPurchase}' AS h
         FROM provider_insight i JOIN connection c ON c.id = i.connection_id WHERE i.kind = 'aws.sp-recommendation'`,
    );
    expect(row).toMatchObject({ kind: 'aws.sp-recommendation', key: 'COMPUTE_SP/ONE_YEAR/NO_UPFRONT/THIRTY_DAYS', enabled: false });
    expect(row.fetched_at.getTime()).toBeLessThan(NOW.getTime());
    expect(Number(row.h)).toBeGreaterThan(0);
  });

  it('changes nothing when loaded again', async () => {
    const before = await one<{ s: string; n: number }>(`SELECT sum(billed_cost)::text AS s, count(*)::int AS n FROM cost_daily`);
    const second = await loadDemo({ now: NOW, seed: SEED });
    expect(second.costs).toEqual({ inserted: 0, updated: 0, unchanged: first.costs.inserted });
    expect(second.samples).toEqual({ inserted: 0, updated: 0, unchanged: first.samples.inserted });
    expect(second.resources).toEqual({ inserted: 0, updated: 0, unchanged: 6 });
    expect(second.fxRates).toEqual({ inserted: 0, updated: 0, unchanged: first.fxRates.inserted });
    expect(await one(`SELECT sum(billed_cost)::text AS s, count(*)::int AS n FROM cost_daily`)).toEqual(before);
    expect(await one(`SELECT count(*)::int AS n FROM sync_run WHERE kind = 'demo' AND status = 'succeeded'`)).toEqual({ n: 2 });
    expect(await one(`SELECT (SELECT count(*)::int FROM connection) AS c, (SELECT count(*)::int FROM provider_insight) AS i`)).toEqual({ c: 1, i: 3 });
  });

  it('puts each month in its own partition', async () => {
    const parts = await pool().query(
      `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM cost_record GROUP BY 1 ORDER BY 1`,
    );
    expect(parts.rows.map((r) => r.part)).toEqual([
      'cost_record_2025_11',
      'cost_record_2025_12',
      ...Array.from({ length: 11 }, (_, i) => `cost_record_2026_${String(i + 1).padStart(2, '0')}`),
    ]);
  });

  it('can be removed, leaving other sources and a consistent rollup', async () => {
    await pool().query(
      `INSERT INTO cost_record (natural_key, charge_period_start, charge_period_end, billing_period_start, billing_period_end,
         billed_cost, effective_cost, list_cost, billing_currency, billing_account_id, charge_category, provider_name, source)
       VALUES ('00000000-0000-0000-0000-00000000001a', '2026-10-03T00:00:00Z', '2026-10-04T00:00:00Z', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z',
         5, 5, 5, 'EUR', 'acct', 'Usage', 'AWS', 'focus-file')`,
    );
    const removed = await removeDemo();
    expect(removed).toEqual({ costRecords: first.costs.inserted, resources: 6, fxRates: first.fxRates.inserted });
    expect(await one(`SELECT count(*)::int AS n FROM utilization_sample`)).toEqual({ n: 0 });
    // the real row was never in cost_daily (written behind ingestion's back); the demo days it shares
    // were rebuilt from cost_record, so it shows now, alone
    expect(await pool().query(`SELECT day::text, provider_name, billed_cost::text AS b, record_count FROM cost_daily`).then((r) => r.rows)).toEqual([
      { day: '2026-10-03', provider_name: 'AWS', b: '5.000000000000', record_count: 1 },
    ]);
    expect(await isDemoLoaded()).toBe(false);
    expect(await one(`SELECT (SELECT count(*)::int FROM connection) AS c, (SELECT count(*)::int FROM provider_insight) AS i`)).toEqual({ c: 0, i: 0 });
  });
});
