import { beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { emptyFetchResult } from '../connectors/types';
import { pool, withTransaction } from '../db';
import { focusRecord } from './test-records';
import { writeFetchResult } from './write-fetch-result';

const SOURCE = 'connection:00000000-0000-0000-0000-000000000001';
const day = (d: string) => ({ chargePeriodStart: new Date(`${d}T00:00:00Z`), chargePeriodEnd: new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000) });

async function write(costs: ReturnType<typeof focusRecord>[], window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') }) {
  return withTransaction((client) =>
    writeFetchResult(client, { connectionId: '00000000-0000-0000-0000-000000000001', source: SOURCE, result: { ...emptyFetchResult(), costs }, window }),
  );
}

async function totals() {
  const raw = await pool().query<{ day: string; total: string }>(
    `SELECT (charge_period_start AT TIME ZONE 'UTC')::date::text AS day, sum(billed_cost)::text AS total FROM cost_record GROUP BY 1 ORDER BY 1`,
  );
  const rollup = await pool().query<{ day: string; total: string }>(`SELECT day::text, sum(billed_cost)::text AS total FROM cost_daily GROUP BY 1 ORDER BY 1`);
  return { raw: raw.rows.map((r) => [r.day, Number(r.total)]), rollup: rollup.rows.map((r) => [r.day, Number(r.total)]) };
}

describe('re-fetching a day', () => {
  beforeEach(() => truncate('cost_record', 'cost_daily'));

  it('removes what the provider no longer returns for that day, and leaves other days alone', async () => {
    await write([
      focusRecord({ ...day('2026-03-10'), chargeDescription: 'EUW3-BoxUsage:m6i.large', billedCost: '10', effectiveCost: '10', listCost: '10' }),
      focusRecord({ ...day('2026-03-10'), chargeDescription: 'EUW3-DataTransfer-Out', billedCost: '5', effectiveCost: '5', listCost: '5' }),
      focusRecord({ ...day('2026-03-11'), chargeDescription: 'EUW3-BoxUsage:m6i.large', billedCost: '7', effectiveCost: '7', listCost: '7' }),
    ]);
    // the estimate for the 10th is re-attributed: the data transfer line becomes a NAT gateway line
    const counts = await write([
      focusRecord({ ...day('2026-03-10'), chargeDescription: 'EUW3-BoxUsage:m6i.large', billedCost: '10', effectiveCost: '10', listCost: '10' }),
      focusRecord({ ...day('2026-03-10'), chargeDescription: 'EUW3-NatGateway-Bytes', billedCost: '5', effectiveCost: '5', listCost: '5' }),
    ]);
    expect(counts.costsRemoved).toBe(1);
    expect(counts.costs).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    const t = await totals();
    expect(t.raw).toEqual([['2026-03-10', 15], ['2026-03-11', 7]]);
    expect(t.rollup).toEqual(t.raw);
  });

  it('leaves alone a day outside the window fetched, even when the answer holds a record dated that day', async () => {
    await write([
      focusRecord({ ...day('2026-03-01'), chargeDescription: 'usage on the 1st', billedCost: '2', effectiveCost: '2', listCost: '2' }),
    ]);
    // a later window (15th–20th) also returns the month's plan charge, dated the 1st
    await write(
      [
        focusRecord({ ...day('2026-03-01'), chargeDescription: 'monthly plan', billedCost: '20', effectiveCost: '20', listCost: '20' }),
        focusRecord({ ...day('2026-03-16'), chargeDescription: 'usage on the 16th', billedCost: '1', effectiveCost: '1', listCost: '1' }),
      ],
      { from: new Date('2026-03-15T00:00:00Z'), to: new Date('2026-03-20T00:00:00Z') },
    );
    expect((await totals()).raw).toEqual([['2026-03-01', 22], ['2026-03-16', 1]]);
  });

  it("never touches another source's records", async () => {
    await withTransaction((client) =>
      writeFetchResult(client, { connectionId: '00000000-0000-0000-0000-000000000002', source: 'import:file.csv', result: { ...emptyFetchResult(), costs: [focusRecord({ ...day('2026-03-10'), chargeDescription: 'imported', billedCost: '3', effectiveCost: '3', listCost: '3' })] } }),
    );
    await write([focusRecord({ ...day('2026-03-10'), chargeDescription: 'synced', billedCost: '4', effectiveCost: '4', listCost: '4' })]);
    expect((await totals()).raw).toEqual([['2026-03-10', 7]]);
  });
});
