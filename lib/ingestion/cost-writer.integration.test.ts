import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { disconnect, pool, withTransaction } from '../db';
import type { TFocusRecord } from '../focus/types';
import { CostWriter, writeCostRecords } from './cost-writer';
import { DailyRollup } from './daily-rollup';
import { focusRecord } from './test-records';

// Small chunks, so that a few dozen records span several COPY statements.
const write = (records: TFocusRecord[], source = 'file') =>
  withTransaction((c) => writeCostRecords(c, records, source, { chunkBytes: 2_000 }));

async function rows(sql: string) {
  return (await pool().query(sql)).rows;
}

async function expectRollupConsistent() {
  const expected = await rows(`
    SELECT (charge_period_start AT TIME ZONE 'UTC')::date::text AS day, provider_name, coalesce(service_name, '') AS service_name,
           coalesce(region_id, '') AS region_id, coalesce(sub_account_id, '') AS sub_account_id, billing_currency,
           coalesce(service_category, '') AS service_category, max(coalesce(sub_account_name, '') COLLATE "C") AS sub_account_name,
           sum(billed_cost)::text AS billed, sum(effective_cost)::text AS effective, sum(list_cost)::text AS list, count(*)::int AS n
      FROM cost_record GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`);
  const actual = await rows(`
    SELECT day::text AS day, provider_name, service_name, region_id, sub_account_id, billing_currency, service_category, sub_account_name,
           billed_cost::text AS billed, effective_cost::text AS effective, list_cost::text AS list, record_count AS n
      FROM cost_daily ORDER BY 1, 2, 3, 4, 5, 6, 7`);
  expect(actual).toEqual(expected);
  return actual;
}

// Records over `days` days from 2026-03-01, `perDay` resources a day, amounts with 13 decimals so
// that the in-memory sums have to round like numeric(30,12).
function records(days: number, perDay: number, amount = '0.1234567890125'): TFocusRecord[] {
  const out: TFocusRecord[] = [];
  for (let d = 0; d < days; d++) {
    const start = new Date(Date.UTC(2026, 2, 1 + d));
    for (let i = 0; i < perDay; i++) {
      out.push(
        focusRecord({
          chargePeriodStart: start,
          chargePeriodEnd: new Date(start.getTime() + 86_400_000),
          resourceId: `i-${i}`,
          billedCost: amount,
          effectiveCost: amount,
          listCost: '-0.0000000000005',
          serviceCategory: i % 2 ? 'Compute' : 'Networking',
          subAccountName: i % 3 ? 'ec-prod' : 'ec-Prod',
        }),
      );
    }
  }
  return out;
}

beforeEach(() => truncate('cost_record', 'cost_daily'));
afterAll(() => disconnect());

describe('CostWriter', () => {
  it('writes records on empty days straight into cost_record, with the rollup summed in memory', async () => {
    const batch = records(40, 5);
    expect(await write(batch)).toEqual({ inserted: 200, updated: 0, unchanged: 0, written: 200, direct: 200 });
    const rollup = await expectRollupConsistent();
    // a row per day and category: the category is part of the rollup's identity
    expect(rollup).toHaveLength(80);
    // 2 and 3 × 0.1234567890125 rounded to 12 places each (0.123456789013), and -0.0000000000005 → -0.000000000001
    expect(rollup[0]).toMatchObject({ billed: '0.246913578026', list: '-0.000000000002', n: 2, service_category: 'Compute', sub_account_name: 'ec-prod' });
    expect(rollup[1]).toMatchObject({ billed: '0.370370367039', list: '-0.000000000003', n: 3, service_category: 'Networking', sub_account_name: 'ec-prod' });
    // the same file again meets its own days and changes nothing
    expect(await write(batch)).toEqual({ inserted: 0, updated: 0, unchanged: 200, written: 200, direct: 0 });
    await expectRollupConsistent();
  });

  it('switches to the upsert from the first chunk that meets a stored day, and counts each key once', async () => {
    const stored = focusRecord({ chargePeriodStart: new Date('2026-03-30T00:00:00Z'), chargePeriodEnd: new Date('2026-03-31T00:00:00Z'), resourceId: 'i-3', billedCost: '1' });
    await write([stored]);
    const batch = records(40, 5, '2');
    const result = await write(batch);
    // days 1–29 went straight in, the rest through staging; i-3 on the 30th was there and changed
    expect(result.direct).toBeGreaterThan(0);
    expect(result.direct).toBeLessThan(200);
    expect(result).toMatchObject({ inserted: 199, updated: 1, unchanged: 0, written: 200 });
    expect(await rows(`SELECT count(*)::int AS n, sum(billed_cost)::text AS b FROM cost_record`)).toEqual([{ n: 200, b: '400.000000000000' }]);
    await expectRollupConsistent();
  });

  it('knows the days a month holds to the day (its last day, a record late in a day) in UTC, whatever the session time zone', async () => {
    const at = (iso: string, resourceId: string) =>
      focusRecord({ chargePeriodStart: new Date(iso), chargePeriodEnd: new Date(new Date(iso).getTime() + 1_800_000), resourceId });
    // Paris moves its clocks on 2026-03-29: days counted in the session's zone would end an hour
    // early from then on, and miss a record at 23:30 UTC on the 31st
    const write = (batch: TFocusRecord[]) =>
      withTransaction(async (c) => {
        await c.query(`SET LOCAL TimeZone = 'Europe/Paris'`);
        return writeCostRecords(c, batch, 'file', { chunkBytes: 2_000 });
      });
    await write([at('2026-03-31T23:30:00Z', 'x')]);
    // the 1st to the 30th hold nothing: all of it goes straight in
    expect(await write(records(30, 2))).toMatchObject({ inserted: 60, direct: 60 });
    // and the 31st is held
    expect(await write([at('2026-03-31T12:00:00Z', 'y')])).toMatchObject({ inserted: 1, direct: 0 });

    await truncate('cost_record', 'cost_daily');
    await write([at('2026-03-14T23:30:00Z', 'x')]);
    expect(await write(records(13, 2))).toMatchObject({ inserted: 26, direct: 26 });
    // the 14th is held (by a record at 23:30): its chunk goes through staging
    const result = await write(records(14, 2).slice(26));
    expect(result).toMatchObject({ inserted: 2, direct: 0 });
    await expectRollupConsistent();
  });

  it('keeps the last of a key that comes again after it went straight in', async () => {
    const batch = records(30, 5);
    const again = { ...batch[0], billedCost: '7', effectiveCost: '7' };
    const result = await write([...batch, again]);
    expect(result).toMatchObject({ inserted: 150, updated: 0, unchanged: 0, written: 151 });
    expect(result.direct).toBeGreaterThan(0);
    expect(await rows(`SELECT count(*)::int AS n FROM cost_record`)).toEqual([{ n: 150 }]);
    expect(await rows(`SELECT billed_cost::text AS b FROM cost_record WHERE resource_id = 'i-0' AND charge_period_start = '2026-03-01'`)).toEqual([{ b: '7.000000000000' }]);
    await expectRollupConsistent();
  });

  it('sums months met out of order into cost_daily once each, adding to the rows an earlier month wrote', async () => {
    // March, April, March again, May, April again: each new month sends the sums so far
    const byDay = records(70, 3);
    const again = byDay.slice(30, 45).map((r) => ({ ...r, resourceId: `${r.resourceId}-again` }));
    const order = [...byDay.slice(0, 93), ...byDay.slice(93, 183), ...again, ...byDay.slice(183)];
    expect(await write(order)).toMatchObject({ inserted: 225, updated: 0, direct: 225 });
    expect(await expectRollupConsistent()).toHaveLength(140);
  });

  it('adds to a day of cost_daily another provider or a later write shares', async () => {
    await write(records(3, 2));
    await write(records(3, 2).map((r) => ({ ...r, providerName: 'MongoDB Atlas' })));
    await write([focusRecord({ chargePeriodStart: new Date('2026-03-05T00:00:00Z'), chargePeriodEnd: new Date('2026-03-06T00:00:00Z') })]);
    expect(await expectRollupConsistent()).toHaveLength(13);
  });

  it('names the record behind an error the database raises in a later chunk', async () => {
    const batch = records(30, 5);
    batch[120] = { ...batch[120], billingAccountId: null as unknown as string };
    const error = await write(batch).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', issues: [{ row: 121, field: 'billingAccountId' }] });
    expect(await rows(`SELECT count(*)::int AS n FROM cost_record`)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM cost_daily`)).toEqual([{ n: 0 }]);
  });

  it("sends a month's chunks through one COPY, and rolls back cleanly when the caller gives up halfway", async () => {
    const batch = records(20, 5);
    const error = await withTransaction(async (c) => {
      const writer = new CostWriter(c, 'file', { chunkBytes: 2_000 });
      batch.forEach((r, i) => writer.add(r, i + 1));
      for (let i = 0; i < 5; i++) await writer.flush(true);
      // rows went into the open COPY: the ROLLBACK below must not wait behind it
      await writer.abort();
      throw new Error('given up');
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'given up' });
    expect(await rows(`SELECT count(*)::int AS n FROM cost_record`)).toEqual([{ n: 0 }]);
    // a refused iterator behaves the same through writeCostRecords
    async function* failing() {
      yield* batch;
      throw new Error('the source broke');
    }
    const broken = await withTransaction((c) => writeCostRecords(c, failing(), 'file', { chunkBytes: 2_000 })).catch((e: unknown) => e);
    expect(broken).toMatchObject({ message: 'the source broke' });
    expect(await rows(`SELECT count(*)::int AS n FROM cost_record`)).toEqual([{ n: 0 }]);
    await write(batch);
    expect(await rows(`SELECT count(*)::int AS n FROM cost_record`)).toEqual([{ n: 100 }]);
    await expectRollupConsistent();
  });
});

describe('DailyRollup.addTo', () => {
  it('adds the sums of days cost_daily holds to what is there, and copies the other days as they are', async () => {
    // 1 March holds an AWS row; 2 March holds nothing
    await pool().query(`
      INSERT INTO cost_daily (day, provider_name, service_name, service_category, region_id, sub_account_id, sub_account_name, billing_currency,
                              billed_cost, effective_cost, list_cost, record_count)
      VALUES ('2026-03-01', 'AWS', 'Amazon Elastic Compute Cloud', 'Compute', 'eu-west-3', '210987654321', 'ec-prod', 'USD', 1, 1, 1, 1)`);
    const rollup = new DailyRollup();
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    const at = (iso: string, overrides: Partial<TFocusRecord> = {}) => rollup.add(focusRecord({ billedCost: '2', effectiveCost: '2', listCost: '2', ...overrides }), day(iso));
    at('2026-03-01'); // the held row: added to
    at('2026-03-01', { regionId: 'eu-west-1' }); // a new row on a held day
    at('2026-03-01', { providerName: 'MongoDB Atlas' }); // another provider on that day
    at('2026-03-02'); // a day nothing holds
    at('2026-03-02', { subAccountName: 'ec-staging' }); // the same group: the greater account name
    // below zero, and rounded to 12 places record by record
    at('2026-03-03', { billedCost: '-1.25' });
    at('2026-03-03', { billedCost: '0.0000000000006' });
    // past what a double holds exactly
    for (let i = 0; i < 5; i++) at('2026-03-04', { billedCost: '999999999999999.5' });
    await withTransaction((c) => rollup.addTo(c));
    expect(await rows(`SELECT day::text, provider_name, region_id, sub_account_name, billed_cost::text AS billed, record_count AS n FROM cost_daily ORDER BY 1, 2, 3`)).toEqual([
      { day: '2026-03-01', provider_name: 'AWS', region_id: 'eu-west-1', sub_account_name: 'ec-prod', billed: '2.000000000000', n: 1 },
      { day: '2026-03-01', provider_name: 'AWS', region_id: 'eu-west-3', sub_account_name: 'ec-prod', billed: '3.000000000000', n: 2 },
      { day: '2026-03-01', provider_name: 'MongoDB Atlas', region_id: 'eu-west-3', sub_account_name: 'ec-prod', billed: '2.000000000000', n: 1 },
      { day: '2026-03-02', provider_name: 'AWS', region_id: 'eu-west-3', sub_account_name: 'ec-staging', billed: '4.000000000000', n: 2 },
      { day: '2026-03-03', provider_name: 'AWS', region_id: 'eu-west-3', sub_account_name: 'ec-prod', billed: '-1.249999999999', n: 2 },
      { day: '2026-03-04', provider_name: 'AWS', region_id: 'eu-west-3', sub_account_name: 'ec-prod', billed: '4999999999999997.500000000000', n: 5 },
    ]);
    expect(await rows(`SELECT sum(effective_cost)::text AS e, sum(list_cost)::text AS l FROM cost_daily WHERE day >= '2026-03-03'`)).toEqual([
      { e: '14.000000000000', l: '14.000000000000' },
    ]);
    expect(rollup.size).toBe(0);
  });
});
