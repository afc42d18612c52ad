// Child process of the FOCUS import bench: imports one file and reports rows, seconds and peak
// memory (maxRSS) of this process alone, as one JSON line. The clock starts once the database
// clients have made a first query: Prisma starts its engine then (about 0.2 s), which belongs to
// the process's start as loading the modules does, and which a server pays once, not per import.
// (psql's own start and connection, inside the baseline's time, take a few milliseconds.)
import fs from 'node:fs';
import path from 'node:path';
import { disconnect, prisma } from '../lib/db';
import { importFocusStream } from '../lib/focus/import-focus-file';
import { FOCUS_READ_BYTES } from '../lib/focus/parse-focus-csv';

async function main() {
  const file = process.argv[2];
  // Prisma's adapter runs on the same pool: this opens its first connection too
  await prisma.$queryRaw`SELECT 1`;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await importFocusStream(fs.createReadStream(file, { highWaterMark: FOCUS_READ_BYTES }), { source: path.basename(file) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await disconnect();
  process.stdout.write(
    `${JSON.stringify({ status: result.status, rows: result.rowsRead, imported: result.imported, inserted: result.inserted, unchanged: result.unchanged, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, cpu: (cpu.user + cpu.system) / 1e6, message: result.message })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
