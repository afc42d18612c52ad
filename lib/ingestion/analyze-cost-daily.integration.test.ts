import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import { loadDemo } from '../demo/load-demo';
import { analyzeCostDailyAfterWrite } from './analyze-cost-daily';
import { focusRecord } from './test-records';
import { upsertCostRecords } from './upsert-cost-records';

// pg_class.reltuples is what the planner starts from; ANALYZE sets it to the rows it counted
const estimate = async () => (await pool().query<{ n: number }>("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'cost_daily'::regclass")).rows[0].n;
const count = async () => (await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM cost_daily')).rows[0].n;

// `n` records, each its own rollup row (a resource a day, each on its own service)
const write = (n: number, service = 'svc') =>
  withTransaction((c) =>
    upsertCostRecords(
      c,
      Array.from({ length: n }, (_, i) =>
        focusRecord({ serviceName: `${service}-${i}`, chargePeriodStart: new Date('2026-03-14T00:00:00Z'), chargePeriodEnd: new Date('2026-03-15T00:00:00Z') }),
      ),
      'test',
    ),
  );

beforeEach(async () => {
  await truncate('cost_record', 'cost_daily', 'sync_run');
  await pool().query('ANALYZE cost_daily');
});
afterAll(() => disconnect());

describe('analyzeCostDailyAfterWrite', () => {
  it('analyses cost_daily after a write that changed a large share of it, and not after a small one', async () => {
    await write(300);
    expect(await estimate()).toBe(0);
    expect(await analyzeCostDailyAfterWrite(150)).toBe(false);
    expect(await estimate()).toBe(0);
    expect(await analyzeCostDailyAfterWrite(300)).toBe(true);
    expect(await estimate()).toBe(300);

    // 250 more rows against 300 counted: a large share; 250 against 3 050: not
    await write(250, 'more');
    expect(await analyzeCostDailyAfterWrite(250)).toBe(true);
    expect(await estimate()).toBe(550);
    await write(2_500, 'lots');
    await pool().query('ANALYZE cost_daily');
    await write(250, 'few');
    expect(await analyzeCostDailyAfterWrite(250)).toBe(false);
    expect(await estimate()).toBe(3_050);
  });

  it('leaves the demo load with statistics that count its rollup', async () => {
    await loadDemo({ now: new Date('2026-11-25T09:00:00Z') });
    expect(await estimate()).toBe(await count());
  });
});
