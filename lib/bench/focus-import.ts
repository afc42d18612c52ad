// FOCUS import of a 1,000,000-row file: rows per second against `psql \copy` of the same file into
// a plain table (the raw COPY ceiling), and the importing process's peak memory. Each side runs
// three times, alternating, and the medians are compared: one run on a shared machine can be off by
// half. Two plain tables are measured: every column as text (the strict baseline the target is
// against) and FOCUS's own types (what COPY costs once it has to read numbers and times).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pool, withTransaction } from '../db';
import { processEnv, requireEnv } from '../env';
import { exportFocusCsv } from '../focus/export-focus';
import { bindColumns } from '../focus/parse-focus-csv';
import { writeCostRecords } from '../ingestion/cost-writer';
import { bin } from '../runtime/processes';
import { median } from './planning';
import type { TBench } from './registry';
import { syntheticCostRecords } from './synthetic-costs';

const exec = promisify(execFile);
const ROWS = 1_000_000;
const ROUNDS = 3;

// `cpu`: the importing process's CPU seconds over the import (against `seconds` of wall time, it
// tells whether the process or the database held the import up)
type TChild = { status: string; rows: number; seconds: number; cpu: number; maxRssMb: number; inserted: number; unchanged: number; message?: string };

const SQL_TYPE = { decimal: 'numeric', datetime: 'timestamptz', tags: 'jsonb' } as const;

export const focusImportBench: TBench = {
  name: 'focus-import',
  run: async ({ emit, note }) => {
    const databaseUrl = requireEnv('DATABASE_URL');
    const have = Number((await pool().query<{ n: string }>('SELECT count(*) AS n FROM cost_record')).rows[0].n);
    if (have < ROWS) {
      note('generating 1,000,000 cost records to export…');
      const start = new Date(Date.UTC(2025, 0, 1));
      await withTransaction((c) => writeCostRecords(c, syntheticCostRecords({ rows: ROWS - have, start, days: 365, seed: 11 }), 'bench'));
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tourmalet-focus-')), 'focus-1m.csv');
    try {
      note('exporting them as a FOCUS file…');
      await exportFocusCsv({ from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2100, 0, 1)) }, fs.createWriteStream(file));
      const header = fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 10_000).split('\n')[0].split(',');
      const kinds = new Map(bindColumns(header).bindings.map((b) => [b.header, b.spec.kind]));
      const typeOf = (h: string) => SQL_TYPE[kinds.get(h) as keyof typeof SQL_TYPE] ?? 'text';
      const plainTables = {
        text: header.map((h) => `"${h}" text`).join(', '),
        typed: header.map((h) => `"${h}" ${typeOf(h)}`).join(', '),
      };

      const copySeconds = async (columns: string) => {
        await pool().query(`DROP TABLE IF EXISTS bench_raw_focus; CREATE TABLE bench_raw_focus (${columns}); CHECKPOINT`);
        const t = performance.now();
        await exec('psql', [databaseUrl, '-q', '-c', `\\copy bench_raw_focus FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
        const seconds = (performance.now() - t) / 1000;
        await pool().query('DROP TABLE bench_raw_focus');
        return seconds;
      };
      const importOnce = async (): Promise<TChild> => {
        const { stdout } = await exec(bin('tsx'), ['scripts/bench-import-child.ts', file], {
          env: { ...processEnv(), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
          maxBuffer: 1 << 20,
        });
        const child = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as TChild;
        if (child.status !== 'succeeded') throw new Error(`the import failed: ${child.message}`);
        return child;
      };

      const runs: { text: number; typed: number; import: number; cpu: number; rows: number; rss: number }[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        note(`round ${round}/${ROUNDS}: psql \\copy into plain tables (text, typed), then the import into an empty cost_record…`);
        const text = await copySeconds(plainTables.text);
        const typed = await copySeconds(plainTables.typed);
        await pool().query('TRUNCATE cost_record, cost_daily; CHECKPOINT');
        const child = await importOnce();
        if (child.inserted !== child.rows) throw new Error(`the import stored ${child.inserted} of ${child.rows} rows`);
        runs.push({ text, typed, import: child.seconds, cpu: child.cpu, rows: child.rows, rss: child.maxRssMb });
      }
      note('the same file again, into the table it is already in (every row unchanged)…');
      const again = await importOnce();

      // the same file every way: its row count is the one the import read
      const rows = runs[0].rows;
      const importSeconds = median(runs.map((r) => r.import));
      const textSeconds = median(runs.map((r) => r.text));
      const typedSeconds = median(runs.map((r) => r.typed));
      const perSecond = (s: number) => rows / s;
      emit({
        name: 'focus_import_rows_per_second',
        value: perSecond(importSeconds),
        unit: 'rows/s',
        baseline: perSecond(textSeconds),
        ratio: textSeconds / importSeconds,
        baselineName: 'psql \\copy into a plain table of text columns',
        target: '>= 0.5',
        rows,
        // each round's own ratio too: the rounds run a minute apart on a shared machine, and their
        // spread says how far the median can be trusted
        runs: runs.map((r) => ({
          importSeconds: Number(r.import.toFixed(2)),
          importCpuSeconds: Number(r.cpu.toFixed(2)),
          textCopySeconds: Number(r.text.toFixed(2)),
          typedCopySeconds: Number(r.typed.toFixed(2)),
          ratio: Number((r.text / r.import).toFixed(3)),
        })),
      });
      emit({
        name: 'focus_import_vs_typed_copy',
        value: perSecond(importSeconds),
        unit: 'rows/s',
        baseline: perSecond(typedSeconds),
        ratio: typedSeconds / importSeconds,
        baselineName: 'psql \\copy into a plain table of FOCUS-typed columns (numeric, timestamptz, jsonb, text)',
      });
      emit({ name: 'focus_import_peak_rss', value: Math.max(...runs.map((r) => r.rss), again.maxRssMb), unit: 'MB', target: '< 300' });
      emit({
        name: 'focus_reimport_rows_per_second',
        value: again.rows / again.seconds,
        unit: 'rows/s',
        baseline: perSecond(textSeconds),
        ratio: textSeconds / again.seconds,
        note: 'the same file into the table already holding it: staging, upsert by natural key, nothing changes',
        unchanged: again.unchanged,
      });
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  },
};
