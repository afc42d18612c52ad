// The cost data's version moves with every committed write of cost_daily or fx_rate, whoever makes
// it, and the readers' cache never answers from before one.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import { cachedByDataVersion, compactDataChanges, readDataVersion } from './data-version';
import { getCosts } from './get-costs';

afterAll(() => disconnect());
beforeEach(() => truncate());

const setRate = (rate: string, date = '2026-01-01') =>
  pool().query(
    `INSERT INTO fx_rate (date, base, quote, rate) VALUES ($1, 'USD', 'EUR', $2)
     ON CONFLICT (base, quote, date) DO UPDATE SET rate = EXCLUDED.rate`,
    [date, rate],
  );

describe('the cost data version', () => {
  it('changes with each committed write to fx_rate or cost_daily, and not with a rolled-back one', async () => {
    const v0 = await readDataVersion();
    await setRate('0.9');
    const v1 = await readDataVersion();
    expect(v1).not.toBe(v0);
    await pool().query('DELETE FROM cost_daily');
    const v2 = await readDataVersion();
    expect(v2).not.toBe(v1);
    await withTransaction(async (client) => {
      await client.query(`INSERT INTO fx_rate (date, base, quote, rate) VALUES ('2026-02-01', 'USD', 'EUR', 0.8)`);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(await readDataVersion()).toBe(v2);
  });

  it('moves when a transaction that began before another one commits after it', async () => {
    const early = await pool().connect();
    try {
      await early.query('BEGIN');
      await early.query(`INSERT INTO fx_rate (date, base, quote, rate) VALUES ('2026-03-01', 'USD', 'EUR', 0.7)`);
      await setRate('0.9');
      const between = await readDataVersion();
      await early.query('COMMIT');
      expect(await readDataVersion()).not.toBe(between);
    } finally {
      early.release();
    }
  });

  it('is read again after its rows are compacted, and no version repeats after a truncate', async () => {
    await setRate('0.9');
    await setRate('0.91');
    const before = await readDataVersion();
    expect(await compactDataChanges()).toBeGreaterThanOrEqual(2);
    const { rows } = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM data_change');
    expect(rows[0].n).toBe(1);
    const after = await readDataVersion();
    expect(after.split(':')[0]).toBe(before.split(':')[0]);
    await truncate('data_change');
    await setRate('0.92');
    await setRate('0.93');
    expect(await readDataVersion()).not.toBe(after);
  });
});

describe('cachedByDataVersion', () => {
  it('answers the same question from memory until the data changes, then asks again', async () => {
    let calls = 0;
    const reader = cachedByDataVersion(async (q: { a: number; b?: string }) => ({ calls: ++calls, q }), { max: 10 });
    expect((await reader({ a: 1, b: 'x' })).calls).toBe(1);
    expect((await reader({ b: 'x', a: 1 })).calls).toBe(1);
    expect((await reader({ a: 2 })).calls).toBe(2);
    await setRate('0.9');
    expect((await reader({ a: 1, b: 'x' })).calls).toBe(3);
  });

  it('shares one computation among concurrent callers, gives each its own copy and keeps no failure', async () => {
    let calls = 0;
    let fail = true;
    const reader = cachedByDataVersion(async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      if (fail) throw new Error('boom');
      return { rows: [1, 2, 3] };
    }, { max: 10 });
    await expect(Promise.all([reader({}), reader({})])).rejects.toThrow('boom');
    expect(calls).toBe(1);
    fail = false;
    const [a, b] = await Promise.all([reader({}), reader({})]);
    expect(calls).toBe(2);
    a.rows.push(4);
    expect(b.rows).toEqual([1, 2, 3]);
    expect((await reader({})).rows).toEqual([1, 2, 3]);
  });

  it('keeps at most max answers, the least recently used going first', async () => {
    const seen: number[] = [];
    const reader = cachedByDataVersion(async (n: number) => (seen.push(n), n), { max: 2 });
    await reader(1);
    await reader(2);
    await reader(1);
    await reader(3);
    await reader(1);
    await reader(2);
    expect(seen).toEqual([1, 2, 3, 2]);
  });

  it('keeps at most maxWeight in all, dropping the least recently used, and never an answer heavier than that', async () => {
    const seen: number[] = [];
    const reader = cachedByDataVersion(async (n: number) => (seen.push(n), Array.from({ length: n }, () => n)), {
      max: 100,
      weigh: (rows) => rows.length,
      maxWeight: 10,
    });
    await reader(4);
    await reader(5);
    await reader(4); // hit: 4 is now the most recent
    await reader(3); // 4 + 5 + 3 > 10: 5 goes
    await reader(4);
    await reader(5);
    expect(seen).toEqual([4, 5, 3, 5]);
    await reader(11);
    await reader(11); // too heavy to keep
    expect(seen.filter((n) => n === 11)).toHaveLength(2);
  });

  it('lets getCosts see a new FX rate at once', async () => {
    await pool().query(
      `INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name,
                               billing_currency, billed_cost, effective_cost, list_cost, record_count)
       VALUES ('2026-01-10', 'AWS', 'Amazon EC2', 'Compute', 'eu-west-3', '1', 'prod', 'USD', 100, 100, 100, 1)`,
    );
    await setRate('0.5');
    const q = { from: '2026-01-01', to: '2026-02-01', granularity: 'month', groupBy: 'none', currency: 'EUR' } as const;
    expect(Number((await getCosts(q)).rows[0].billedCost)).toBe(50);
    await setRate('0.8');
    expect(Number((await getCosts(q)).rows[0].billedCost)).toBe(80);
  });
});
