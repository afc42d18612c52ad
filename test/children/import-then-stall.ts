// Child process of the interrupted-run test: imports a generated FOCUS file (the FOCUS 1.0
// sample's rows again and again, each copy under its own charge descriptions, so it never runs out)
// and says "importing <runId>" once the import is well under way, its run claimed and its
// transaction open. The test then kills it with SIGKILL: nothing of this process gets to clean up.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { prisma } from '../../lib/db';
import { importFocusStream } from '../../lib/focus/import-focus-file';

const SAMPLE = path.resolve(import.meta.dirname, '../fixtures/focus-1.0/focus_sample.csv');

async function* generated() {
  const [header, ...rows] = parse(fs.readFileSync(SAMPLE, 'utf8')) as string[][];
  const description = header.indexOf('ChargeDescription');
  const line = (cells: string[]) => `${cells.map((c) => (c === 'NULL' ? c : `"${c.replaceAll('"', '""')}"`)).join(',')}\n`;
  yield line(header);
  for (let copy = 0; ; copy++) {
    // the charge description is part of a charge's identity: each copy's rows are charges of their own
    yield rows.map((r) => line(r.map((c, i) => (i === description ? `${c} (copy ${copy})` : c)))).join('');
    if (copy === 2) {
      const run = await prisma.syncRun.findFirst({ where: { kind: 'import', status: 'running', source: 'import:generated.csv' } });
      process.stdout.write(`importing ${run?.id}\n`);
    }
  }
}

importFocusStream(generated(), { source: 'generated.csv', partial: true }).then(
  (result) => process.stdout.write(`finished ${result.status}\n`),
  (error: Error) => process.stdout.write(`failed ${error.message}\n`),
);
