import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import type { TFocusRecord } from '../focus/types';
import { createCostStaging } from './cost-staging';
import { writeCostRecords } from './cost-writer';
import { rebuildCostDaily } from './refresh-cost-daily';
import { focusRecord } from './test-records';
import { upsertCostRecords } from './upsert-cost-records';

const upsert = (records: TFocusRecord[] | AsyncIterable<TFocusRecord>, source = 'test') =>
  withTransaction((c) => upsertCostRecords(c, records, source));

async function rows(sql: string, params: unknown[] = []) {
  return (await pool().query(sql, params)).rows;
}

// cost_daily must equal the same aggregation computed from cost_record, row for row.
async function expectRollupConsistent() {
  const expected = await rows(`
    SELECT (charge_period_start AT TIME ZONE 'UTC')::date::text AS day, provider_name,
           coalesce(service_name, '') AS service_name, coalesce(region_id, '') AS region_id,
           coalesce(sub_account_id, '') AS sub_account_id, billing_currency,
           sum(billed_cost)::text AS billed, sum(effective_cost)::text AS effective, sum(list_cost)::text AS list,
           count(*)::int AS n
      FROM cost_record GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`);
  const actual = await rows(`
    SELECT day::text AS day, provider_name, service_name, region_id, sub_account_id, billing_currency,
           billed_cost::text AS billed, effective_cost::text AS effective, list_cost::text AS list, record_count AS n
      FROM cost_daily ORDER BY 1, 2, 3, 4, 5, 6`);
  expect(actual).toEqual(expected);
  return actual;
}

beforeEach(() => truncate('cost_record', 'cost_daily'));
afterAll(() => disconnect());

describe('upsertCostRecords', () => {
  it('writes a record into the monthly partition of its charge period', async () => {
    const result = await upsert([
      focusRecord(),
      focusRecord({ chargePeriodStart: new Date('2026-04-30T23:00:00Z'), chargePeriodEnd: new Date('2026-05-01T00:00:00Z') }),
    ]);
    expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0, staged: 2 });
    const parts = await rows(
      `SELECT tableoid::regclass::text AS part, charge_period_start FROM cost_record ORDER BY charge_period_start`,
    );
    expect(parts.map((p) => p.part)).toEqual(['cost_record_2026_03', 'cost_record_2026_04']);
  });

  it('stores one row per natural key, reports re-runs unchanged and corrections updated', async () => {
    const a = focusRecord();
    const b = focusRecord({ serviceName: 'Amazon Simple Storage Service', billedCost: '1', effectiveCost: '1', listCost: '1' });
    expect(await upsert([a, b])).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await upsert([a, b])).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const [{ updated_at: before }] = await rows(`SELECT updated_at FROM cost_record WHERE service_name = 'Amazon Simple Storage Service'`);

    const corrected = { ...a, billedCost: '15.75', effectiveCost: '15.75' };
    expect(await upsert([corrected, b])).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const stored = await rows(`SELECT service_name, billed_cost::text AS billed FROM cost_record ORDER BY service_name`);
    expect(stored).toEqual([
      { service_name: 'Amazon Elastic Compute Cloud', billed: '15.750000000000' },
      { service_name: 'Amazon Simple Storage Service', billed: '1.000000000000' },
    ]);
    // the unchanged row was not rewritten
    const [{ updated_at: after }] = await rows(`SELECT updated_at FROM cost_record WHERE service_name = 'Amazon Simple Storage Service'`);
    expect(after).toEqual(before);
    await expectRollupConsistent();
  });

  it('tells new, corrected and unchanged rows apart in one batch, a null turned into a value included', async () => {
    const a = focusRecord();
    const b = focusRecord({ serviceName: 'Amazon Simple Storage Service', billedCost: '1', effectiveCost: '1', listCost: '1' });
    const c = focusRecord({ resourceId: 'i-0c', regionName: null });
    await upsert([a, b, c]);
    const d = focusRecord({ resourceId: 'i-0d' });
    const result = await upsert([a, { ...b, billedCost: '2' }, { ...c, regionName: 'Europe (Paris)' }, d]);
    expect(result).toMatchObject({ inserted: 1, updated: 2, unchanged: 1 });
    // the unchanged row was not even locked (an upsert that skips it still leaves its xmax set)
    const unchangedA = `resource_id = 'i-0abc' AND service_name = 'Amazon Elastic Compute Cloud'`;
    expect(await rows(`SELECT xmax::text AS xmax FROM cost_record WHERE ${unchangedA}`)).toEqual([{ xmax: '0' }]);
    const stored = await rows(`SELECT resource_id, service_name, region_name, billed_cost::text AS billed FROM cost_record ORDER BY resource_id, service_name`);
    expect(stored).toEqual([
      { resource_id: 'i-0abc', service_name: 'Amazon Elastic Compute Cloud', region_name: 'Europe (Paris)', billed: '12.500000000000' },
      { resource_id: 'i-0abc', service_name: 'Amazon Simple Storage Service', region_name: 'Europe (Paris)', billed: '2.000000000000' },
      { resource_id: 'i-0c', service_name: 'Amazon Elastic Compute Cloud', region_name: 'Europe (Paris)', billed: '12.500000000000' },
      { resource_id: 'i-0d', service_name: 'Amazon Elastic Compute Cloud', region_name: 'Europe (Paris)', billed: '12.500000000000' },
    ]);
    // a key staged twice: the last wins, and when the last is what is stored, nothing changes
    expect(await upsert([{ ...a, billedCost: '99' }, a])).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await rows(`SELECT billed_cost::text AS b, xmax::text AS xmax FROM cost_record WHERE ${unchangedA}`)).toEqual([
      { b: '12.500000000000', xmax: '0' },
    ]);
    await expectRollupConsistent();
  });

  it('keeps the last of duplicates within one batch', async () => {
    const result = await upsert([focusRecord({ billedCost: '1' }), focusRecord({ billedCost: '2' }), focusRecord({ billedCost: '3' })]);
    expect(result).toEqual({ inserted: 1, updated: 0, unchanged: 0, staged: 3 });
    expect(await rows(`SELECT billed_cost::text AS b FROM cost_record`)).toEqual([{ b: '3.000000000000' }]);
  });

  it('round-trips 10-decimal amounts, awkward text and tags exactly', async () => {
    const tricky = focusRecord({
      billedCost: '0.0000012345',
      effectiveCost: '-0.0000000001',
      listCost: '123456789012345678.123456789012',
      chargeDescription: 'quote " comma , newline\nand \\. backslash-dot and \\N and emoji 🚴',
      resourceName: '',
      tags: { 'tourmalet:demo': 'true', 'a "b"': 'c,d\ne', empty: '' },
    });
    await upsert([tricky]);
    const [row] = await rows(
      `SELECT billed_cost::text AS billed, effective_cost::text AS effective, list_cost::text AS list,
              charge_description, resource_name, resource_type, tags FROM cost_record`,
    );
    expect(row).toEqual({
      billed: '0.000001234500',
      effective: '-0.000000000100',
      list: '123456789012345678.123456789012',
      charge_description: tricky.chargeDescription,
      resource_name: '',
      resource_type: null,
      tags: tricky.tags,
    });
    expect(await upsert([tricky])).toMatchObject({ unchanged: 1 });
  });

  it('keeps cost_daily equal to the sum of cost_record through inserts, corrections and re-imports', async () => {
    const day = (d: number, h = 0) => new Date(Date.UTC(2026, 2, d, h));
    const batch: TFocusRecord[] = [];
    for (let d = 1; d <= 5; d++) {
      for (const [provider, service, amount] of [
        ['AWS', 'Amazon Elastic Compute Cloud', '10.1'],
        ['AWS', null, '0.0000012345'],
        ['MongoDB Atlas', 'Atlas', '20.02'],
      ] as const) {
        batch.push(
          focusRecord({
            providerName: provider,
            serviceName: service,
            billedCost: amount,
            effectiveCost: amount,
            listCost: amount,
            chargePeriodStart: day(d, 22),
            chargePeriodEnd: day(d, 23),
            subAccountId: d % 2 ? null : 'acct',
          }),
        );
      }
    }
    await upsert(batch);
    let rollup = await expectRollupConsistent();
    expect(rollup.length).toBe(15);
    expect(rollup.some((r) => r.service_name === '' && r.sub_account_id === '')).toBe(true);

    // a correction on one day and a new currency on another
    await upsert([
      { ...batch[0], billedCost: '11.1' },
      focusRecord({ billingCurrency: 'EUR', chargePeriodStart: day(3), chargePeriodEnd: day(4) }),
    ]);
    rollup = await expectRollupConsistent();
    const total = await rows(
      `SELECT billing_currency AS c, sum(billed_cost)::text AS s FROM cost_daily WHERE provider_name = 'AWS' GROUP BY 1 ORDER BY 1`,
    );
    // USD: 5 × 10.1 + 1 (correction) + 5 × 0.0000012345; EUR: the new row
    expect(total).toEqual([
      { c: 'EUR', s: '12.500000000000' },
      { c: 'USD', s: '51.500006172500' },
    ]);

    // re-importing everything changes nothing
    expect(await upsert(batch.slice(1))).toMatchObject({ inserted: 0, updated: 0, unchanged: 14 });
    const settled = await expectRollupConsistent();

    // the repair tool rebuilds the same rollup from scratch
    await pool().query(`UPDATE cost_daily SET billed_cost = 0`);
    await withTransaction((c) => rebuildCostDaily(c));
    expect(await expectRollupConsistent()).toEqual(settled);
  });

  it('writes nothing, rollup included, when a record in the middle is invalid', async () => {
    await upsert([focusRecord()]);
    const before = await rows(`SELECT * FROM cost_daily`);
    const records = [
      focusRecord({ chargePeriodStart: new Date('2026-06-01T00:00:00Z'), chargePeriodEnd: new Date('2026-06-02T00:00:00Z') }),
      focusRecord({ billedCost: '99' }),
      { ...focusRecord({ resourceId: 'i-2' }), billingAccountId: null as unknown as string },
      focusRecord({ resourceId: 'i-3' }),
    ];
    const error = await upsert(records).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', issues: [{ row: 3, field: 'billingAccountId' }] });
    expect(await rows(`SELECT billed_cost::text AS b FROM cost_record`)).toEqual([{ b: '12.500000000000' }]);
    expect(await rows(`SELECT * FROM cost_daily`)).toEqual(before);
  });

  it('names the row and field of a malformed amount', async () => {
    const error = await upsert([focusRecord(), focusRecord({ resourceId: 'x', billedCost: '12,5' })]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', issues: [{ row: 2, field: 'billedCost' }] });
    expect((error as Error).message).toMatch(/row 2, billedCost/);
    expect(await rows(`SELECT count(*)::int AS n FROM cost_record`)).toEqual([{ n: 0 }]);
  });

  it('writes nothing when a streamed source fails midway', async () => {
    async function* source() {
      yield focusRecord();
      yield focusRecord({ resourceId: 'i-2' });
      throw new Error('CSV parse error at line 3');
    }
    await expect(upsert(source())).rejects.toThrow(/line 3/);
    expect(await rows(`SELECT count(*)::int AS n FROM cost_record`)).toEqual([{ n: 0 }]);
    // the connection went back to the pool in a usable state
    expect(await upsert([focusRecord()])).toMatchObject({ inserted: 1 });
  });

  it('streams a large async source and writes several batches in one transaction', async () => {
    async function* many(n: number, offset: number) {
      for (let i = 0; i < n; i++) {
        yield focusRecord({ resourceId: `i-${offset + i}`, billedCost: '0.0000000001', effectiveCost: '0', listCost: '0' });
      }
    }
    const [first, second] = await withTransaction(async (c) => [
      await writeCostRecords(c, many(20_000, 0), 'file'),
      await writeCostRecords(c, many(20_000, 10_000), 'file'),
    ]);
    // the first goes straight in (an empty day); the second meets it and goes through staging
    expect(first).toEqual({ inserted: 20_000, updated: 0, unchanged: 0, written: 20_000, direct: 20_000 });
    expect(second).toEqual({ inserted: 10_000, updated: 0, unchanged: 10_000, written: 20_000, direct: 0 });
    const [daily] = await rows(`SELECT billed_cost::text AS b, record_count AS n FROM cost_daily`);
    expect(daily).toEqual({ b: '0.000003000000', n: 30_000 });
  });

  it('refuses to stage outside a transaction', async () => {
    const client = await pool().connect();
    try {
      await expect(createCostStaging(client)).rejects.toThrow(/inside a transaction/);
    } finally {
      client.release();
    }
  });
});
