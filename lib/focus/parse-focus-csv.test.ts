import path from 'node:path';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../ingestion/cost-columns';
import { sumDecimals } from '../money/decimal';
import { recordTexts } from './csv-scanner';
import { FocusFileError, parseFocusRow, scanFocusInput, type TParsedFocusRow } from './parse-focus-csv';

const SAMPLE = path.resolve(import.meta.dirname, '../../test/fixtures/focus-1.0/focus_sample.csv');

async function collect(input: AsyncIterable<Uint8Array | string>): Promise<TParsedFocusRow[]> {
  const rows: TParsedFocusRow[] = [];
  const scan = scanFocusInput(input, (record, row, layout) => rows.push(parseFocusRow(row, recordTexts(record), layout.bindings, layout.width)));
  for await (const _ of scan);
  return rows;
}

// The file's own sums, read without the importer: plain CSV, NULL skipped, BigInt at 1e-12.
function fileSums(text: string, column: string): Map<string, bigint> {
  const rows = parseSync(text, { columns: true }) as Record<string, string>[];
  const sums = new Map<string, bigint>();
  for (const r of rows) {
    const v = r[column];
    if (v === 'NULL' || v === '') continue;
    const [int, frac = ''] = v.replace('-', '').split('.');
    const units = (BigInt(int) * 10n ** 12n + BigInt(frac.padEnd(12, '0'))) * (v.startsWith('-') ? -1n : 1n);
    sums.set(r.ProviderName, (sums.get(r.ProviderName) ?? 0n) + units);
  }
  return sums;
}

function units(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [int, frac = ''] = decimal.replace('-', '').split('.');
  const u = BigInt(int) * 10n ** 12n + BigInt(frac.padEnd(12, '0'));
  return negative ? -u : u;
}

const HEADER =
  'BilledCost,EffectiveCost,ListCost,BillingCurrency,BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ServiceName,Tags';
const good = (cost = '1.5') =>
  `${cost},${cost},${cost},USD,acc-1,2024-02-01 00:00:00,2024-03-01 00:00:00,2024-02-10 00:00:00,2024-02-11 00:00:00,Usage,AWS,Amazon S3,NULL`;

describe('scanFocusInput and parseFocusRow on the FOCUS 1.0 sample', () => {
  it('reads every row, and BilledCost per provider adds up to the file’s own sums', async () => {
    const text = fs.readFileSync(SAMPLE, 'utf8');
    const rows = await collect(fs.createReadStream(SAMPLE));
    expect(rows).toHaveLength(1000);
    expect(rows.filter((r) => r.errors)).toEqual([]);
    const records = rows.map((r) => r.record!);

    const expected = fileSums(text, 'BilledCost');
    expect([...expected.keys()].sort()).toEqual(['AWS', 'Microsoft', 'Oracle']);
    for (const [provider, sum] of expected) {
      const ours = sumDecimals(records.filter((r) => r.providerName === provider).map((r) => r.billedCost));
      expect(units(ours)).toBe(sum);
    }
    const effective = fileSums(text, 'EffectiveCost');
    for (const [provider, sum] of effective)
      expect(units(sumDecimals(records.filter((r) => r.providerName === provider).map((r) => r.effectiveCost)))).toBe(sum);
    expect(records.filter((r) => r.providerName === 'AWS')).toHaveLength(942);
  });

  it('reads NULL, JSON tags, sub-cent amounts, dates as UTC and case-varied values', async () => {
    const rows = await collect(fs.createReadStream(SAMPLE));
    const first = rows[0].record!;
    expect(rows[0].row).toBe(2);
    expect(first).toMatchObject({
      billedCost: '0.0000008',
      availabilityZone: null,
      chargeClass: null,
      chargeCategory: 'Usage',
      chargeFrequency: 'Usage-Based',
      providerName: 'AWS',
      serviceName: 'Amazon Simple Queue Service',
      subAccountId: '51738928782',
      tags: null,
    });
    expect(first.chargePeriodStart.toISOString()).toBe('2024-09-18T22:00:00.000Z');
    expect(first.billingPeriodEnd.toISOString()).toBe('2024-10-01T00:00:00.000Z');
    expect(rows[1].record!.tags).toEqual({ application: 'BrightLensMatrix', environment: 'dev', business_unit: 'ViennaAI' });
    const oracle = rows.map((r) => r.record!).filter((r) => r.providerName === 'Oracle');
    expect(oracle.every((r) => r.chargeFrequency === 'Usage-Based')).toBe(true); // file says 'Usage-based'
    expect(rows.map((r) => r.record!).filter((r) => r.chargeCategory === 'Credit')[0].billedCost).toBe('-2.6137');
  });

  it('gives every record every field cost_record stores, and no other', async () => {
    const rows = await collect(fs.createReadStream(SAMPLE));
    const fields = RECORD_COLUMNS.map((c) => c.field).sort();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows.slice(0, 5)) expect(Object.keys(r.record ?? {}).sort()).toEqual(fields);
  });

  it('reads the same file gzipped', async () => {
    const gz = gzipSync(fs.readFileSync(SAMPLE));
    const rows = await collect(Readable.from([gz.subarray(0, 1), gz.subarray(1, 5000), gz.subarray(5000)]));
    expect(rows).toHaveLength(1000);
    expect(rows.every((r) => r.record)).toBe(true);
  });
});

describe('scanFocusInput and parseFocusRow validation', () => {
  it('reports an impossible date, text in a cost column and an unknown ChargeCategory with their rows', async () => {
    const csv = [
      HEADER,
      good(),
      good().replace('2024-02-10 00:00:00', '2024-02-30 00:00:00'),
      good().replace(/^1\.5/, 'twelve'),
      good(),
      good().replace(',Usage,', ',Discount,'),
      good('-0.000000001'),
    ].join('\n');
    const rows = await collect(Readable.from([csv]));
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows.flatMap((r) => r.errors ?? [])).toEqual([
      { row: 3, column: 'ChargePeriodStart', reason: 'impossible date: "2024-02-30 00:00:00" (2024-02 has 29 days)' },
      { row: 4, column: 'BilledCost', reason: 'not a number: "twelve"' },
      { row: 6, column: 'ChargeCategory', reason: 'unknown ChargeCategory "Discount"; allowed: Usage, Purchase, Tax, Credit, Adjustment' },
    ]);
    expect(rows[5].record?.billedCost).toBe('-0.000000001');
  });

  it('refuses a missing value in a required column, a short row and a bad Tags cell', async () => {
    const csv = [HEADER, good().replace(',acc-1,', ',NULL,'), good().split(',').slice(0, 5).join(','), good().replace(/NULL$/, '"{oops"')].join(
      '\n',
    );
    const rows = await collect(Readable.from([csv]));
    expect(rows.flatMap((r) => r.errors ?? [])).toEqual([
      { row: 2, column: 'BillingAccountId', reason: 'a value is required' },
      { row: 3, column: '*', reason: 'expected 13 fields, found 5' },
      { row: 4, column: 'Tags', reason: 'not a JSON object: "{oops"' },
    ]);
  });

  it('refuses an amount too large for the database, naming the limit', async () => {
    const rows = await collect(Readable.from([`${HEADER}\n${good('-1234567890123456789')}\n${good('123456789012345678.1234567890129')}\n`]));
    expect(rows[0].errors).toContainEqual({
      row: 2,
      column: 'BilledCost',
      reason: 'too large: "-1234567890123456789" (at most 18 digits before the decimal point)',
    });
    expect(rows[1].record?.billedCost).toBe('123456789012345678.1234567890129');
  });

  it('reads rows split across many small chunks, with CRLF line ends and a BOM', async () => {
    const csv = `\uFEFF${[HEADER, good('1'), good('2'), good('3')].join('\r\n')}\r\n`;
    const pieces = Buffer.from(csv).toString('latin1').match(/[\s\S]{1,7}/g)!.map((p) => Buffer.from(p, 'latin1'));
    const rows = await collect(Readable.from(pieces));
    expect(rows.map((r) => [r.row, r.record?.billedCost])).toEqual([[2, '1'], [3, '2'], [4, '3']]);
  });

  it('names every missing required column', async () => {
    const csv = `BilledCost,BillingCurrency\n1,USD\n`;
    const error = await collect(Readable.from([csv])).catch((e) => e);
    expect(error).toBeInstanceOf(FocusFileError);
    expect((error as FocusFileError).errors.map((e) => e.column)).toEqual([
      'BillingAccountId',
      'BillingPeriodEnd',
      'BillingPeriodStart',
      'ChargeCategory',
      'ChargePeriodEnd',
      'ChargePeriodStart',
      'EffectiveCost',
      'ProviderName',
    ]);
    expect((error as FocusFileError).errors[0]).toEqual({ row: 1, column: 'BillingAccountId', reason: 'required column is missing' });
  });

  it('accepts newer and older column names (ServiceProviderName, ChargeType, AmortizedCost)', async () => {
    const header = HEADER.replace('ProviderName', 'ServiceProviderName').replace('ChargeCategory', 'ChargeType').replace('EffectiveCost', 'AmortizedCost');
    const rows = await collect(Readable.from([`${header}\n${good('2')}\n`]));
    expect(rows[0].record).toMatchObject({ providerName: 'AWS', chargeCategory: 'Usage', effectiveCost: '2' });
  });

  it('reports broken CSV quoting with the row where it happens', async () => {
    const csv = `${HEADER}\n${good()}\n"unterminated,${good()}`;
    const error = await collect(Readable.from([csv])).catch((e) => e);
    expect(error).toBeInstanceOf(FocusFileError);
    expect((error as FocusFileError).errors[0].row).toBe(3);
  });
});
