// FOCUS import of a 1,000,000-row file: rows per second against `psql \copy` of the same file into
// a plain table (the raw COPY ceiling), and the importing process's peak memory.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pool, withTransaction } from '../db';
import { requireEnv, processEnv } from '../env';
import { exportFocusCsv } from '../focus/export-focus';
import { upsertCostRecords } from '../ingestion/upsert-cost-records';
import { bin } from '../runtime/processes';
import type { TBench } from './registry';
import { syntheticCostRecords } from './synthetic-costs';

const exec = promisify(execFile);
const ROWS = 1_000_000;

export const focusImportBench: TBench = {
  name: 'focus-import',
  run: async ({ emit, note }) => {
    const databaseUrl = requireEnv('DATABASE_URL');
    const have = Number((await pool().query<{ n: string }>('SELECT count(*) AS n FROM cost_record')).rows[0].n);
    if (have < ROWS) {
      note('generating 1,000,000 cost records to export…');
      const start = new Date(Date.UTC(2025, 0, 1));
      await withTransaction((c) => upsertCostRecords(c, syntheticCostRecords({ rows: ROWS - have, start, days: 365, seed: 11 }), 'bench'));
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tourmalet-focus-')), 'focus-1m.csv');
    try {
      note('exporting them as a FOCUS file…');
      await exportFocusCsv({ from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2100, 0, 1)) }, fs.createWriteStream(file));
      const header = fs.readFileSync(file, { encoding: 'utf8', flag: 'r' }).slice(0, 10_000).split('\n')[0].split(',');
      await pool().query('TRUNCATE cost_record, cost_daily');

      note('baseline: psql \\copy of the same file into a plain table…');
      await pool().query(`DROP TABLE IF EXISTS bench_raw_focus; CREATE TABLE bench_raw_focus (${header.map((h) => `"${h}" text`).join(', ')})`);
      let t = performance.now();
      await exec('psql', [databaseUrl, '-q', '-c', `\\copy bench_raw_focus FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
      const rawSeconds = (performance.now() - t) / 1000;
      await pool().query('DROP TABLE bench_raw_focus');

      note('importing it with Tourmalet (parse, validate, COPY to staging, merge, rollup)…');
      t = performance.now();
      const { stdout } = await exec(bin('tsx'), ['scripts/bench-import-child.ts', file], { env: { ...processEnv(), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, maxBuffer: 1 << 20 });
      const child = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { status: string; rows: number; seconds: number; maxRssMb: number; message?: string };
      if (child.status !== 'succeeded') throw new Error(`the import failed: ${child.message}`);
      const rowsPerSecond = child.rows / child.seconds;
      // the same file both ways: its row count is the one the import read
      const rawRowsPerSecond = child.rows / rawSeconds;
      emit({ name: 'focus_import_rows_per_second', value: rowsPerSecond, unit: 'rows/s', baseline: rawRowsPerSecond, ratio: rowsPerSecond / rawRowsPerSecond, baselineName: 'psql \\copy into a plain text table', rows: child.rows, target: '>= 0.5' });
      emit({ name: 'focus_import_peak_rss', value: child.maxRssMb, unit: 'MB', target: '< 300' });
      emit({ name: 'focus_import_seconds', value: child.seconds, unit: 's', baseline: rawSeconds, ratio: child.seconds / rawSeconds });
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  },
};
