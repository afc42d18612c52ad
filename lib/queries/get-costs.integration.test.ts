import { beforeAll, describe, expect, it } from 'vitest';
import { pool } from '../db';
import { loadDemo } from '../demo/load-demo';
import { truncate } from '../../test/db';
import { getCosts } from './get-costs';
import { getOverview } from './get-overview';

const NOW = new Date('2026-11-25T09:00:00Z');

// An independent answer: raw cost records, each converted with the latest rate on or before its day.
async function sqlSum(from: string, to: string, where = 'TRUE') {
  const { rows } = await pool().query<{ total: string }>(
    `SELECT COALESCE(sum(c.effective_cost * CASE WHEN c.billing_currency = 'EUR' THEN 1 ELSE (
              SELECT r.rate FROM fx_rate r WHERE r.base = c.billing_currency AND r.quote = 'EUR'
                 AND r.date <= (c.charge_period_start AT TIME ZONE 'UTC')::date ORDER BY r.date DESC LIMIT 1) END), 0)::text AS total
       FROM cost_record c
      WHERE c.charge_period_start >= $1::date AND c.charge_period_start < $2::date AND ${where}`,
    [from, to],
  );
  return Number(rows[0].total);
}

describe('costs reader over the demo dataset', () => {
  beforeAll(async () => {
    await truncate();
    await loadDemo({ now: NOW });
  });

  it('gives per-provider monthly totals equal to a SQL sum over the raw records', async () => {
    const result = await getCosts({ from: '2026-01-01', to: '2026-04-01', granularity: 'month', groupBy: 'provider', currency: 'EUR' });
    expect(result.rows.length).toBeGreaterThan(10);
    const byProvider = new Map<string, number>();
    for (const r of result.rows) byProvider.set(r.key, (byProvider.get(r.key) ?? 0) + Number(r.effectiveCost));
    for (const [provider, total] of byProvider) {
      const expected = await sqlSum('2026-01-01', '2026-04-01', `c.provider_name = '${provider.replace(/'/g, "''")}'`);
      expect(total).toBeCloseTo(expected, 6);
    }
    const all = [...byProvider.values()].reduce((a, b) => a + b, 0);
    expect(all).toBeCloseTo(await sqlSum('2026-01-01', '2026-04-01'), 6);
  });

  it('keeps 10-decimal precision in its decimal strings and sums daily rows to the monthly total', async () => {
    const daily = await getCosts({ from: '2026-02-01', to: '2026-03-01', granularity: 'day', groupBy: 'none', currency: 'EUR' });
    const monthly = await getCosts({ from: '2026-02-01', to: '2026-03-01', granularity: 'month', groupBy: 'none', currency: 'EUR' });
    expect(daily.rows).toHaveLength(28);
    const sum = daily.rows.reduce((a, r) => a + Number(r.billedCost), 0);
    expect(sum).toBeCloseTo(Number(monthly.rows[0].billedCost), 6);
    expect(monthly.rows[0].billedCost).toMatch(/^\d+\.\d{10}$/);
  });

  it("shows in the overview the same month to date and 30-day totals as the SQL sums", async () => {
    const o = await getOverview({ now: NOW, currency: 'EUR' });
    expect(o.hasData).toBe(true);
    expect(o.isDemo).toBe(true);
    expect(o.monthToDate.total).toBeCloseTo(await sqlSum('2026-11-01', '2026-11-26'), 4);
    // today (the 25th) is still arriving: the comparison is of 1–24 November against 1–24 October
    const c = o.comparison!;
    expect(c).toMatchObject({ currentFirst: '2026-11-01', currentLast: '2026-11-24', previousFirst: '2026-10-01', previousLast: '2026-10-24', days: 24, lagging: [] });
    expect(c.current).toBeCloseTo(await sqlSum('2026-11-01', '2026-11-25'), 4);
    expect(c.previous).toBeCloseTo(await sqlSum('2026-10-01', '2026-10-25'), 4);
    expect(c.change).toBeCloseTo((c.current - c.previous) / c.previous, 10);
    expect(c.tone).toBe(c.change! < 0 ? 'good' : 'bad');
    expect(o.last30Total).toBeCloseTo(await sqlSum('2026-10-27', '2026-11-26'), 4);
    expect(o.byProviderMonthly.months).toHaveLength(13);
    expect(o.byServiceLast30.length).toBeLessThanOrEqual(11);
  });

  it('names the missing pair when no FX rate converts an amount', async () => {
    await expect(getCosts({ from: '2026-01-01', to: '2026-02-01', granularity: 'month', groupBy: 'provider', currency: 'JPY' })).rejects.toThrow(/no FX rate to JPY for USD/);
  });
});

describe('FX conversion through the inverse pair', () => {
  it('converts GBP to EUR with a stored EUR→GBP rate', async () => {
    await truncate();
    const { withTransaction } = await import('../db');
    const { upsertCostRecords } = await import('../ingestion/upsert-cost-records');
    const { upsertFxRates } = await import('../ingestion/upsert-fx-rates');
    const { focusRecord } = await import('../ingestion/test-records');
    await withTransaction(async (client) => {
      await upsertFxRates(client, [{ date: '2026-03-01', base: 'EUR', quote: 'GBP', rate: '0.8' }], 'test');
      await upsertCostRecords(
        client,
        [focusRecord({ billedCost: '80', effectiveCost: '80', listCost: '80', billingCurrency: 'GBP', chargePeriodStart: new Date('2026-03-10T00:00:00Z'), chargePeriodEnd: new Date('2026-03-11T00:00:00Z') })],
        'test',
      );
    });
    const result = await getCosts({ from: '2026-03-01', to: '2026-04-01', granularity: 'month', groupBy: 'none', currency: 'EUR' });
    expect(Number(result.rows[0].billedCost)).toBeCloseTo(100, 8);
  });
});
