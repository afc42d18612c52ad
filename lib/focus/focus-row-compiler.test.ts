// The compiler must give, for every row it takes, the very bytes, key and sums the general way
// gives (parseFocusRow → encodeCostRow, naturalKeyHex, DailyRollup.add), and decline every row that
// way would refuse or read differently.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../dates';
import { encodeCostRow } from '../ingestion/cost-row-encoder';
import { DailyRollup, RollupLabels } from '../ingestion/daily-rollup';
import { canonicalTags, naturalKeyHex } from '../ingestion/natural-key';
import { BinaryCopyWriter } from '../ingestion/pg-binary-copy';
import { CsvScanner, recordTexts } from './csv-scanner';
import { FocusRowCompiler, plainDecimal } from './focus-row-compiler';
import { bindColumns, parseFocusRow } from './parse-focus-csv';

const SAMPLE = path.resolve(import.meta.dirname, '../../test/fixtures/focus-1.0/focus_sample.csv');
const SOURCE = 'import:test.csv';

type TOutcome = { bytes: Buffer; keys: string[]; rollup: unknown[]; compiled: number; declined: number; refused: number };

// Both ways over the same file: `compile` tries the compiler first, the other never does.
function run(file: Buffer, compile: boolean, pieceBytes = 7): TOutcome {
  const w = new BinaryCopyWriter(1 << 16);
  const rollup = new DailyRollup(new RollupLabels());
  const keys: string[] = [];
  let compiler: FocusRowCompiler | null = null;
  let layout: { bindings: ReturnType<typeof bindColumns>['bindings']; width: number } | null = null;
  let compiled = 0;
  let declined = 0;
  let refused = 0;
  const scanner = new CsvScanner((record) => {
    if (!layout) {
      const cells = recordTexts(record);
      layout = { bindings: bindColumns(cells).bindings, width: cells.length };
      return;
    }
    const row = scanner.records;
    if (compile) {
      compiler ??= new FocusRowCompiler(layout, SOURCE);
      const before = w.length;
      if (compiler.compile(record, w, rollup)) {
        compiled++;
        // the key sits after the row's field count (2 bytes) and the uuid's length word (4 bytes)
        const at = before + (before === 0 ? 19 : 0) + 6;
        const key = w.buffer.toString('hex', at, at + 16);
        keys.push(key);
        expect(compiler.keyHigh).toBe(Number.parseInt(key.slice(0, 8), 16));
        expect(compiler.keyLow).toBe(Number.parseInt(key.slice(8, 16), 16));
        expect(compiler.day).toBe(Math.floor(compiler.startMs / DAY_MS));
        return;
      }
      // a declined row leaves nothing behind but the COPY header, which its first row writes
      if (before === 0) expect([0, 19]).toContain(w.length);
      else expect(w.length, `row ${row} declined without rewinding`).toBe(before);
      declined++;
    }
    const parsed = parseFocusRow(row, recordTexts(record), layout.bindings, layout.width);
    if (parsed.errors) {
      refused++;
      return;
    }
    const r = parsed.record;
    const tagsJson = canonicalTags(r.tags);
    const key = naturalKeyHex(r, tagsJson);
    keys.push(key);
    encodeCostRow(w, r, key, tagsJson, SOURCE);
    rollup.add(r, Math.floor(r.chargePeriodStart.getTime() / DAY_MS));
  });
  for (let i = 0; i < file.length; i += pieceBytes) scanner.push(file.subarray(i, i + pieceBytes));
  scanner.end();
  const sorted = [...rollup.rows()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { bytes: w.finish(), keys, rollup: sorted, compiled, declined, refused };
}

function expectSameAsGeneralWay(file: Buffer, pieceBytes?: number): TOutcome {
  const general = run(file, false, pieceBytes);
  const compiled = run(file, true, pieceBytes);
  expect(compiled.refused).toBe(general.refused);
  expect(compiled.keys).toEqual(general.keys);
  expect(compiled.rollup).toEqual(general.rollup);
  expect(compiled.bytes.equals(general.bytes)).toBe(true);
  return compiled;
}

const HEADER = [
  'BilledCost', 'EffectiveCost', 'ListCost', 'ContractedCost', 'BillingCurrency', 'BillingAccountId', 'BillingPeriodStart',
  'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd', 'ChargeCategory', 'ChargeClass', 'ChargeFrequency',
  'ChargeDescription', 'ProviderName', 'ServiceName', 'ServiceCategory', 'RegionId', 'SubAccountId', 'SubAccountName',
  'ResourceId', 'PricingQuantity', 'PricingUnit', 'Tags', 'x_Unused',
];

// Cell values per column, the plain ones a bill is made of and the odd ones the compiler must
// either read exactly as the general way or leave to it.
const DECIMALS = [
  '12.5', '0.00000080000', '0012.50', '-3', '-0.000', '-0', '7', '0.1234567890125', '0.1234567890124999', '-0.0000000000005',
  '123456789012345', '1234567890123456', '123456789012345678', '1234567890123456789', '1e3', '.5', '5.', '+2', ' 1', '1.5.5',
  'abc', '-', '99999999.999999999999999', 'NULL', 'null', '', `1.${'0'.repeat(70)}1`,
];
const TIMES = ['2025-01-01T00:00:00Z', '2025-01-01 00:00:00', '2025-01-01', '2025-01-01T01:00:00.123+01:00', '2025-02-30', 'soon'];
const TEXTS = [
  'AWS', 'Amazon EC2', 'eu-west-3', 'acct "quoted"', 'back\\slash', 'Données', 'tab\there', 'a,b', '', 'NULL', 'null', ' spaced ',
];
const TAGS = ['{"env":"prod","app":"web"}', '{"app":"web","env":"prod"}', '{}', 'null', '', '{"n":1,"b":true,"z":null}', '{"é":"ü"}', '[1]', '{bad'];


function randomFile(rows: number, seed: number, header = HEADER): Buffer {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state >>> 8) % n; // the low bits of this generator repeat too soon
  };
  // mostly plain rows, as a bill is, with an odd value now and then
  const pick = (plain: string[], odd: string[]) => (random(40) === 0 ? odd[random(odd.length)] : plain[random(plain.length)]);
  // quoted when it must be, and now and then when it need not
  const csvCell = (value: string) => (/[",\r\n]/.test(value) || random(5) === 0 ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r++) {
    const day = 1 + random(28);
    const start = `2025-03-${String(day).padStart(2, '0')}T00:00:00Z`;
    const end = `2025-03-${String(day + 1).padStart(2, '0')}T00:00:00Z`;
    const values: Record<string, string> = {
      BilledCost: pick(['12.5', '0.00000080000', '3.25'], DECIMALS),
      // often the billed cost itself, as in a bill without discounts
      EffectiveCost: pick(['11.0', '0.0000007', '3', '12.5', '3.25'], DECIMALS),
      ListCost: pick(['13.75', 'NULL', '4', '12.5', '0.00000080000'], DECIMALS),
      ContractedCost: pick(['', '1.5'], DECIMALS),
      BillingCurrency: pick(['USD', 'EUR', 'usd'], ['US', 'euro', '']),
      BillingAccountId: pick(['123456789012'], TEXTS),
      BillingPeriodStart: pick(['2025-03-01T00:00:00Z', '2025-03-01 00:00:00'], TIMES),
      BillingPeriodEnd: pick(['2025-04-01T00:00:00Z'], TIMES),
      ChargePeriodStart: pick([start], TIMES),
      ChargePeriodEnd: pick([end], TIMES),
      ChargeCategory: pick(['Usage', 'usage', 'Tax', 'Credit'], ['Refund', '']),
      ChargeClass: pick(['', 'Correction', 'correction'], ['Rebill']),
      ChargeFrequency: pick(['Usage-Based', 'Usage-based', 'Recurring', ''], ['Sometimes']),
      ChargeDescription: pick(['Compute', 'Storage'], TEXTS),
      ProviderName: pick(['AWS', 'MongoDB Atlas', 'Redis'], TEXTS),
      ServiceName: pick(['Amazon EC2', 'Atlas', 'NULL'], TEXTS),
      ServiceCategory: pick(['Compute', 'Databases', ''], TEXTS),
      RegionId: pick(['eu-west-3', 'global', ''], TEXTS),
      SubAccountId: pick(['acct-1', 'acct-2', ''], TEXTS),
      SubAccountName: pick(['Prod', 'Staging', ''], TEXTS),
      ResourceId: pick([`res-${random(50)}`, ''], TEXTS),
      PricingQuantity: pick(['1', '0.5', ''], DECIMALS),
      PricingUnit: pick(['Hours', 'GB-Mo'], TEXTS),
      Tags: pick(['{"env":"prod"}', '', '{}'], TAGS),
      x_Unused: pick(['whatever'], ['"', '']),
    };
    lines.push(header.map((h) => csvCell(values[h] ?? '')).join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

describe('FocusRowCompiler', () => {
  it('gives the bytes, keys and sums of the general way for every row of the FOCUS 1.0 sample, and takes them all', () => {
    const outcome = expectSameAsGeneralWay(fs.readFileSync(SAMPLE), 4096);
    expect(outcome.compiled).toBe(1000);
    expect(outcome.declined).toBe(0);
  });

  it('gives the same on random rows with odd values, and leaves the odd rows to the general way', () => {
    for (const seed of [1, 2, 3]) {
      const outcome = expectSameAsGeneralWay(randomFile(600, seed), 1 + seed * 13);
      expect(outcome.compiled).toBeGreaterThan(150);
      expect(outcome.declined).toBeGreaterThan(100);
      expect(outcome.refused).toBeGreaterThan(20);
    }
  });

  it('gives the same for a file without ListCost (the billed cost stands in) and with columns in another order', () => {
    const header = HEADER.filter((h) => h !== 'ListCost').reverse();
    const outcome = expectSameAsGeneralWay(randomFile(300, 9, header));
    expect(outcome.compiled).toBeGreaterThan(100);
  });

  it('leaves rows with invalid UTF-8 to the general way, which reads them as a text decoder does', () => {
    const file = Buffer.concat([
      Buffer.from('BilledCost,EffectiveCost,BillingCurrency,BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ProviderName,ServiceName\n'),
      Buffer.from('1,1,USD,a,2025-03-01,2025-04-01,2025-03-01,2025-03-02,Usage,AWS,'),
      Buffer.from([0x45, 0xc3, 0x28, 0x0a]),
    ]);
    const outcome = expectSameAsGeneralWay(file, 1000);
    expect(outcome.declined).toBe(1);
  });
});

describe('plainDecimal', () => {
  const read = (text: string) => {
    const out = new Int32Array(5);
    const bytes = Buffer.from(text);
    if (!plainDecimal(bytes, 0, bytes.length, out)) return null;
    const part = (from: number, to: number) => bytes.toString('latin1', from, to);
    const frac = part(out[3], out[4]);
    return `${out[0] ? '-' : ''}${part(out[1], out[2])}${frac ? `.${frac}` : ''}`;
  };

  it('reads plain decimals as tryNormalizeDecimal writes them', () => {
    expect(read('0012.50')).toBe('12.5');
    expect(read('-0.000')).toBe('0');
    expect(read('-0')).toBe('0');
    expect(read('-0.5')).toBe('-0.5');
    expect(read('000')).toBe('0');
    expect(read('0.00000080000')).toBe('0.0000008');
    expect(read('7')).toBe('7');
  });

  it('leaves every other form to the general way', () => {
    for (const text of ['', '-', '.5', '5.', '+1', '1e3', ' 1', '1 ', '1.5.5', '--1', `1.${'0'.repeat(60)}`]) expect(read(text), text).toBeNull();
  });
});
