import { describe, expect, it } from 'vitest';
import type { TFocusRecord } from '../focus/types';
import { decimalToUnits, formatFixed } from '../money/decimal';
import { DailyRollup, decimalUnits, RollupLabels } from './daily-rollup';

// numeric(30,12)'s units, as the rollup sums them
const toUnits = (decimal: string) => decimalToUnits(decimal, 12);
const fromUnits = (units: bigint) => formatFixed(units, 12);

describe('DailyRollup', () => {
  const record = (over: Partial<TFocusRecord>): TFocusRecord => ({
    billedCost: '1',
    effectiveCost: '1',
    listCost: '1',
    billingCurrency: 'USD',
    billingAccountId: 'b',
    billingPeriodStart: new Date('2025-03-01T00:00:00Z'),
    billingPeriodEnd: new Date('2025-04-01T00:00:00Z'),
    chargePeriodStart: new Date('2025-03-02T00:00:00Z'),
    chargePeriodEnd: new Date('2025-03-03T00:00:00Z'),
    chargeCategory: 'Usage',
    providerName: 'AWS',
    serviceName: 'Amazon EC2',
    ...over,
  });
  const rows = (rollup: DailyRollup) => [...rollup.rows()];

  it('sums amounts exactly, negative and past the range doubles keep whole, rounded as numeric(30,12)', () => {
    const rollup = new DailyRollup();
    const amounts = ['0.1', '-0.3', '1234567890123.5', '999999999999999.999999999999', '-0.0000000000005', '0.0000000000005', '123456789012345678.1'];
    for (let i = 0; i < 3000; i++) for (const a of amounts) rollup.add(record({ billedCost: a, effectiveCost: a, listCost: '0.1234567890125' }), 20_149);
    const [row] = rows(rollup);
    const expected = fromUnits(amounts.reduce((sum, a) => sum + toUnits(a), 0n) * 3000n);
    expect(row.billed).toBe(expected);
    expect(row.effective).toBe(expected);
    expect(row.list).toBe(fromUnits(toUnits('0.1234567890125') * 21_000n));
    expect(row.count).toBe(21_000);
  });

  it('writes amounts below zero with the magnitude borrowing from the whole part', () => {
    const rollup = new DailyRollup();
    rollup.add(record({ billedCost: '-1.25', effectiveCost: '-0.000000000001', listCost: '-3' }), 1);
    const [row] = rows(rollup);
    expect([row.billed, row.effective, row.list]).toEqual(['-1.250000000000', '-0.000000000001', '-3.000000000000']);
  });

  it('keeps one row per day and dimensions (the service category one of them), with the greatest account name, as refresh-cost-daily does', () => {
    const rollup = new DailyRollup();
    rollup.add(record({ serviceCategory: 'Compute', subAccountName: 'b' }), 1);
    rollup.add(record({ serviceCategory: 'Compute', subAccountName: 'a' }), 1);
    rollup.add(record({ serviceCategory: 'Storage', subAccountName: 'Z' }), 1);
    rollup.add(record({ serviceCategory: null }), 1);
    rollup.add(record({ regionId: 'eu-west-3' }), 1);
    rollup.add(record({}), 2);
    const got = rows(rollup);
    expect(got).toHaveLength(5);
    expect(got[0]).toMatchObject({ day: 1, region: '', serviceCategory: 'Compute', accountName: 'b', billed: '2.000000000000', count: 2 });
    expect(got[1]).toMatchObject({ day: 1, region: '', serviceCategory: 'Storage', accountName: 'Z', count: 1 });
    expect(got[2]).toMatchObject({ day: 1, region: '', serviceCategory: '', accountName: '', count: 1 });
    expect(got[3]).toMatchObject({ day: 1, region: 'eu-west-3', serviceCategory: '', count: 1 });
    expect(got[4]).toMatchObject({ day: 2, count: 1 });
  });

  it('gives the same groups for labels as text and as bytes, and merges rollups that share labels', () => {
    const labels = new RollupLabels();
    const a = new DailyRollup(labels);
    const b = new DailyRollup(labels);
    const r = record({ serviceName: 'Données', regionId: null, subAccountId: 'x', serviceCategory: 'Compute', subAccountName: 'n' });
    a.add(r, 5);
    const texts = ['AWS', 'Données', '', 'x', 'USD', 'Compute', 'n'];
    const bytes = Buffer.from(texts.join(''));
    const at = new Int32Array(7);
    const len = new Int32Array(7);
    let p = 0;
    texts.forEach((t, i) => {
      at[i] = p;
      len[i] = Buffer.byteLength(t);
      p += len[i];
    });
    const units = new Float64Array(6);
    for (let k = 0; k < 3; k++) decimalUnits('2.5', units, k);
    b.addEncoded(5, bytes, at, len, units);
    a.merge(b);
    const got = rows(a);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ service: 'Données', region: '', billed: '3.500000000000', count: 2 });
  });

  it('finds labels by their bytes, however many there are', () => {
    const labels = new RollupLabels();
    const ids = Array.from({ length: 5000 }, (_, i) => labels.id(`label-${i}`));
    expect(new Set(ids).size).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      expect(labels.id(`label-${i}`)).toBe(ids[i]);
      expect(labels.text(ids[i])).toBe(`label-${i}`);
    }
  });
});
