import path from 'node:path';
import fs from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parse as parseSync } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { pool, prisma } from '../db';
import { focusExportFilters, scopedKey } from '../queries/cost-keys';
import { exportFocusCsv, FOCUS_EXPORT_COLUMNS } from './export-focus';
import { importFocusStream } from './import-focus-file';

const SAMPLE = path.resolve(import.meta.dirname, '../../test/fixtures/focus-1.0/focus_sample.csv');
const sampleText = fs.readFileSync(SAMPLE, 'utf8');

// The file's own sums per provider, at 1e-12, read without the importer.
function fileSums(text: string, column: string): Record<string, string> {
  const sums = new Map<string, bigint>();
  for (const r of parseSync(text, { columns: true }) as Record<string, string>[]) {
    const v = r[column];
    if (v === 'NULL' || v === '') continue;
    const [int, frac = ''] = v.replace('-', '').split('.');
    const units = (BigInt(int) * 10n ** 12n + BigInt(frac.padEnd(12, '0'))) * (v.startsWith('-') ? -1n : 1n);
    sums.set(r.ProviderName, (sums.get(r.ProviderName) ?? 0n) + units);
  }
  return Object.fromEntries(
    [...sums].map(([p, u]) => {
      const abs = u < 0n ? -u : u;
      const frac = (abs % 10n ** 12n).toString().padStart(12, '0').replace(/0+$/, '');
      return [p, `${u < 0n ? '-' : ''}${abs / 10n ** 12n}${frac ? `.${frac}` : ''}`];
    }),
  );
}

async function dbSums(column: string): Promise<Record<string, string>> {
  const { rows } = await pool().query<{ provider_name: string; total: string }>(
    `SELECT provider_name, trim_scale(sum(${column}))::text AS total FROM cost_record GROUP BY provider_name`,
  );
  return Object.fromEntries(rows.map((r) => [r.provider_name, r.total]));
}

async function count(): Promise<number> {
  const { rows } = await pool().query<{ n: string }>('SELECT count(*) AS n FROM cost_record');
  return Number(rows[0].n);
}

// Three bad rows in the real sample: rows 11, 21 and 31 as a spreadsheet numbers them.
function badSample(): string {
  const lines = sampleText.split('\n');
  lines[10] = lines[10].replace('"2024-10-01 00:00:00","2024-09-01 00:00:00"', '"2024-10-01 00:00:00","2024-09-31 00:00:00"');
  lines[20] = lines[20].replace(/^([^,]*),[^,]*,/, '$1,"about three dollars",');
  lines[30] = lines[30].replace('"Usage"', '"Rebate"');
  return lines.join('\n');
}

beforeEach(async () => {
  await truncate('cost_record', 'cost_daily', 'sync_run');
});

describe('importFocusStream', () => {
  it('imports the FOCUS 1.0 sample, and a second import changes nothing', async () => {
    const progress: number[] = [];
    const first = await importFocusStream(fs.createReadStream(SAMPLE), {
      source: 'focus_sample.csv',
      onProgress: (n) => progress.push(n),
    });
    expect(first).toMatchObject({
      status: 'succeeded',
      source: 'import:focus_sample.csv',
      rowsRead: 1000,
      imported: 1000,
      refused: 0,
      inserted: 1000,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(progress.at(-1)).toBe(1000);
    expect(await count()).toBe(1000);
    expect(await dbSums('billed_cost')).toEqual(fileSums(sampleText, 'BilledCost'));
    expect(await dbSums('effective_cost')).toEqual(fileSums(sampleText, 'EffectiveCost'));

    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: first.syncRunId } });
    expect(run).toMatchObject({ kind: 'import', source: 'import:focus_sample.csv', status: 'succeeded', rowsInserted: 1000, rowsRefused: 0, error: null });
    expect(run.finishedAt).not.toBeNull();

    const second = await importFocusStream(fs.createReadStream(SAMPLE), { source: 'focus_sample.csv' });
    expect(second).toMatchObject({ status: 'succeeded', rowsRead: 1000, inserted: 0, updated: 0, unchanged: 1000 });
    expect(await count()).toBe(1000);
    expect(await dbSums('billed_cost')).toEqual(fileSums(sampleText, 'BilledCost'));
  });

  it('refuses a file with bad rows, names each, and writes nothing', async () => {
    const result = await importFocusStream(Readable.from([badSample()]), { source: 'bad.csv' });
    expect(result).toMatchObject({ status: 'failed', rowsRead: 1000, imported: 0, refused: 3, inserted: 0 });
    expect(result.errors).toEqual([
      { row: 11, column: 'BillingPeriodStart', reason: 'impossible date: "2024-09-31 00:00:00" (2024-09 has 30 days)' },
      { row: 21, column: 'BilledCost', reason: 'not a number: "about three dollars"' },
      { row: 31, column: 'ChargeCategory', reason: 'unknown ChargeCategory "Rebate"; allowed: Usage, Purchase, Tax, Credit, Adjustment' },
    ]);
    expect(await count()).toBe(0);
    const { rows } = await pool().query('SELECT count(*)::int AS n FROM cost_daily');
    expect(rows[0].n).toBe(0);
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id: result.syncRunId } });
    expect(run).toMatchObject({ status: 'failed', rowsRefused: 3, rowsInserted: 0, source: 'import:bad.csv' });
    expect(run.error).toContain('3 of 1000 rows refused');
  });

  it('with partial, imports the valid rows and reports the bad ones', async () => {
    const result = await importFocusStream(Readable.from([badSample()]), { source: 'bad.csv', partial: true });
    expect(result).toMatchObject({ status: 'succeeded', rowsRead: 1000, imported: 997, refused: 3, inserted: 997 });
    expect(result.errors.map((e) => e.row)).toEqual([11, 21, 31]);
    expect(await count()).toBe(997);
  });

  it('refuses a file that is not FOCUS, naming the missing columns', async () => {
    const result = await importFocusStream(Readable.from(['Date,Amount\n2024-01-01,3\n']), { source: 'bank.csv' });
    expect(result.status).toBe('failed');
    expect(result.errors.map((e) => e.column)).toContain('BilledCost');
    expect(result.errors[0].row).toBe(1);
    expect(result.message).toMatch(/missing columns .*BilledCost/);
    expect(await count()).toBe(0);
  });

  it('rolls back when the CSV breaks mid-file, and the database stays usable', async () => {
    const lines = sampleText.split('\n');
    lines[600] = `"unterminated,${lines[600]}`;
    const result = await importFocusStream(Readable.from([lines.join('\n')]), { source: 'broken.csv', partial: true });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/Cannot read the file at row 601/);
    expect(await count()).toBe(0);
    const ok = await importFocusStream(fs.createReadStream(SAMPLE), { source: 'focus_sample.csv' });
    expect(ok).toMatchObject({ status: 'succeeded', inserted: 1000 });
  });

  it('imports a gzipped file', async () => {
    const result = await importFocusStream(Readable.from([gzipSync(Buffer.from(sampleText))]), { source: 'focus_sample.csv.gz' });
    expect(result).toMatchObject({ status: 'succeeded', inserted: 1000 });
  });
});

describe('exportFocusCsv', () => {
  async function exportToText(query: Parameters<typeof exportFocusCsv>[0]) {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    const { rows } = await exportFocusCsv(query, sink);
    return { rows, text: Buffer.concat(chunks).toString('utf8') };
  }

  it('exports FOCUS 1.2 columns that import back into an empty database with the same totals', async () => {
    await importFocusStream(fs.createReadStream(SAMPLE), { source: 'focus_sample.csv' });
    const before = { billed: await dbSums('billed_cost'), effective: await dbSums('effective_cost'), list: await dbSums('list_cost') };

    const { rows, text } = await exportToText({ from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') });
    expect(rows).toBe(1000);
    expect(text.split('\n')[0]).toBe(FOCUS_EXPORT_COLUMNS.join(','));
    expect(fileSums(text, 'BilledCost')).toEqual(fileSums(sampleText, 'BilledCost'));

    await truncate('cost_record', 'cost_daily');
    const again = await importFocusStream(Readable.from([text]), { source: 'export.csv' });
    expect(again).toMatchObject({ status: 'succeeded', rowsRead: 1000, inserted: 1000 });
    expect({ billed: await dbSums('billed_cost'), effective: await dbSums('effective_cost'), list: await dbSums('list_cost') }).toEqual(before);
  });

  it('exports only the date range and filters asked for', async () => {
    await importFocusStream(fs.createReadStream(SAMPLE), { source: 'focus_sample.csv' });
    const oracle = await exportToText({
      from: new Date('2024-09-01T00:00:00Z'),
      to: new Date('2024-10-01T00:00:00Z'),
      filters: { providers: ["Oracle", "it's not there"] },
    });
    expect(oracle.rows).toBe(7);
    const day = await exportToText({ from: new Date('2024-09-18T00:00:00Z'), to: new Date('2024-09-19T00:00:00Z') });
    const expected = (parseSync(sampleText, { columns: true }) as Record<string, string>[]).filter((r) =>
      r.ChargePeriodStart.startsWith('2024-09-18'),
    ).length;
    expect(day.rows).toBe(expected);
  });

  it("takes the costs API's keys as filters: provider and id together, an empty id for records that name none", async () => {
    await importFocusStream(fs.createReadStream(SAMPLE), { source: 'focus_sample.csv' });
    const range = { from: new Date('2024-01-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') };
    const count = async (where: string) => Number((await pool().query(`SELECT count(*) AS n FROM cost_record WHERE ${where}`)).rows[0].n);
    const { rows: [some] } = await pool().query<{ p: string; a: string }>('SELECT provider_name AS p, sub_account_id AS a FROM cost_record WHERE sub_account_id IS NOT NULL LIMIT 1');
    const one = await exportToText({ ...range, filters: focusExportFilters({ account: scopedKey(some.p, some.a) }) });
    expect(one.rows).toBe(await count(`provider_name = '${some.p}' AND sub_account_id = '${some.a}'`));
    expect(one.rows).toBeGreaterThan(0);
    // the same id under another provider is another account
    expect((await exportToText({ ...range, filters: focusExportFilters({ account: scopedKey(`${some.p}-other`, some.a) }) })).rows).toBe(0);
    expect((await exportToText({ ...range, filters: focusExportFilters({ provider: 'Nobody', account: scopedKey(some.p, some.a) }) })).rows).toBe(0);
    const none = await exportToText({ ...range, filters: focusExportFilters({ region: scopedKey(some.p, '') }) });
    expect(none.rows).toBe(await count(`provider_name = '${some.p}' AND region_id IS NULL`));
  });
});
