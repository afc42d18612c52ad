// CLI commands for cost data: FOCUS import, cost totals and FOCUS export, resources and samples.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { once } from 'node:events';
import { prisma } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { exportFocusCsv } from '../focus/export-focus';
import { importFocusStream } from '../focus/import-focus-file';
import { FOCUS_READ_BYTES } from '../focus/parse-focus-csv';
import { isUuid } from '../connections/find-connection';
import { parseInput } from '../connections/validate';
import { focusExportFilters } from '../queries/cost-keys';
import { getCosts, ZCostFilters, ZCostQuery } from '../queries/get-costs';
import { csvCell, dayOption, flag, formatOption, table, timeOption } from './cli-format';
import { CliUsageError, option, positional, type TCliCommand } from './types';

// Streams into stdout without ending it (the process still has lines to print).
async function toStdout(write: (w: Writable) => Promise<unknown>, stdout: Writable = process.stdout) {
  const pass = new PassThrough();
  pass.pipe(stdout, { end: false });
  const ended = once(pass, 'end');
  await write(pass);
  await ended;
}

async function findResource(ref: string) {
  if (isUuid(ref)) {
    const byId = await prisma.resource.findUnique({ where: { id: ref } });
    if (byId) return byId;
  }
  const byName = await prisma.resource.findMany({ where: { OR: [{ name: ref }, { externalId: ref }] }, take: 10 });
  if (byName.length === 1) return byName[0];
  if (!byName.length) throw new AppError('NOT_FOUND', `no resource named "${ref}" (see: resources)`);
  throw new CliUsageError(`"${ref}" names ${byName.length} resources; give the id: ${byName.map((r) => `${r.id} (${r.provider})`).join(', ')}`);
}

export const costCommands: TCliCommand[] = [
  {
    name: 'import:focus',
    usage: 'import:focus FILE [--partial]',
    summary: 'import a FOCUS 1.0–1.2 CSV (gzipped or not); refuses the whole file on any bad row unless --partial',
    run: async (args, io) => {
      const file = positional(args, 0, 'FILE');
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliUsageError(`no such file: ${file}`);
      const size = fs.statSync(file).size;
      const started = Date.now();
      const result = await importFocusStream(fs.createReadStream(file, { highWaterMark: FOCUS_READ_BYTES }), {
        source: path.basename(file),
        partial: flag(args, 'partial'),
        onProgress: (rows) => {
          if (size > 5_000_000) io.err(`… ${rows.toLocaleString('en-US')} rows read (${Math.round((Date.now() - started) / 1000)} s)`);
        },
      });
      io.out(`${result.status === 'succeeded' ? 'imported' : 'refused'} ${file} (run ${result.syncRunId})`);
      io.out(`  rows read  ${result.rowsRead}`);
      io.out(`  imported   ${result.imported} (${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged)`);
      io.out(`  refused    ${result.refused}`);
      if (result.errorCount) {
        io.out(`  errors (${result.errorCount}${result.errorCount > 10 ? ', first 10' : ''}):`);
        for (const e of result.errors.slice(0, 10)) io.out(`    row ${e.row}, ${e.column}: ${e.reason}`);
      }
      if (result.status !== 'succeeded') io.out(`  ${result.message}`);
      return result.status === 'succeeded' ? 0 : 1;
    },
  },
  {
    name: 'costs',
    usage:
      'costs --from YYYY-MM-DD --to YYYY-MM-DD [--group-by provider|service|region|account|category|none|tag:KEY] [--granularity day|month] [--currency CUR (default DISPLAY_CURRENCY)] [--provider P] [--service PROVIDER:S] [--region PROVIDER:R] [--account PROVIDER:A] [--category C] [--format table|json|csv|focus]',
    summary: 'cost totals (to is exclusive), converted to one currency; --format focus prints the FOCUS 1.2 records instead',
    valueOptions: ['from', 'to', 'group-by', 'granularity', 'currency', 'provider', 'service', 'region', 'account', 'category', 'format'],
    run: async (args, io) => {
      const format = formatOption(args, ['table', 'json', 'csv', 'focus'] as const, 'table');
      const from = dayOption(args, 'from');
      const to = dayOption(args, 'to');
      if (!from || !to) throw new CliUsageError('--from and --to are required (YYYY-MM-DD, to exclusive)');
      // service, region and account are keys as the costs API gives them (AWS:123456789012)
      const filters = {
        provider: option(args, 'provider'),
        service: option(args, 'service'),
        region: option(args, 'region'),
        account: option(args, 'account'),
        category: option(args, 'category'),
      };
      if (format === 'focus') {
        if (from >= to) throw new CliUsageError('--to must be after --from (it is exclusive)');
        await toStdout((w) =>
          exportFocusCsv(
            {
              from: new Date(`${from}T00:00:00Z`),
              to: new Date(`${to}T00:00:00Z`),
              filters: focusExportFilters(parseInput(ZCostFilters, filters)),
            },
            w,
          ),
        );
        return 0;
      }
      const query = parseInput(ZCostQuery, {
        from,
        to,
        groupBy: option(args, 'group-by'),
        granularity: option(args, 'granularity'),
        currency: option(args, 'currency') ?? env().DISPLAY_CURRENCY,
        ...filters,
      });
      const result = await getCosts(query);
      if (format === 'json') io.out(JSON.stringify(result, null, 2));
      else if (format === 'csv') {
        io.out('period,key,label,billedCost,effectiveCost,currency');
        for (const r of result.rows) io.out([r.period, r.key, r.label, r.billedCost, r.effectiveCost, result.currency].map(csvCell).join(','));
      } else {
        const money = (v: string) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        table(
          [
            ['PERIOD', query.groupBy.toUpperCase(), `BILLED ${result.currency}`, `EFFECTIVE ${result.currency}`],
            ...result.rows.map((r) => [r.period, r.label, money(r.billedCost), money(r.effectiveCost)]),
          ],
          io,
        );
        if (!result.rows.length) io.out('no costs in that period');
      }
      return 0;
    },
  },
  {
    name: 'resources',
    usage: 'resources [--provider P] [--format table|json]',
    summary: 'list the resources connections have found (clusters, caches, zones, deployments)',
    valueOptions: ['provider', 'format'],
    run: async (args, io) => {
      const format = formatOption(args, ['table', 'json'] as const, 'table');
      const rows = await prisma.resource.findMany({
        where: { provider: option(args, 'provider') },
        orderBy: [{ provider: 'asc' }, { name: 'asc' }],
        include: { connection: { select: { name: true } } },
      });
      const list = rows.map((r) => ({
        id: r.id,
        provider: r.provider,
        kind: r.kind,
        name: r.name,
        externalId: r.externalId,
        region: r.region,
        size: r.size,
        capacity: r.capacity,
        connection: r.connection?.name ?? null,
        updatedAt: r.updatedAt.toISOString(),
      }));
      if (format === 'json') io.out(JSON.stringify(list, null, 2));
      else if (!list.length) io.out('no resources yet: sync a connection first');
      else
        table(
          [
            ['PROVIDER', 'KIND', 'NAME', 'REGION', 'SIZE', 'ID'],
            ...list.map((r) => [r.provider, r.kind, r.name, r.region ?? '', r.size ?? '', r.id]),
          ],
          io,
        );
      return 0;
    },
  },
  {
    name: 'metrics',
    usage: 'metrics RESOURCE [--metric NAME] [--from DATE] [--to DATE] [--format table|json]   (RESOURCE: a name or an id; default the last 24 hours)',
    summary: 'print a resource’s utilisation samples',
    valueOptions: ['metric', 'from', 'to', 'format'],
    run: async (args, io) => {
      const format = formatOption(args, ['table', 'json'] as const, 'table');
      const resource = await findResource(positional(args, 0, 'RESOURCE'));
      const to = timeOption(args, 'to') ?? new Date();
      const from = timeOption(args, 'from') ?? new Date(to.getTime() - 86_400_000);
      if (from >= to) throw new CliUsageError('--to must be after --from');
      const samples = await prisma.utilizationSample.findMany({
        where: { resourceId: resource.id, metric: option(args, 'metric'), ts: { gte: from, lt: to } },
        orderBy: [{ metric: 'asc' }, { ts: 'asc' }],
        take: 100_000,
      });
      if (format === 'json') {
        io.out(
          JSON.stringify(
            {
              resource: { id: resource.id, provider: resource.provider, name: resource.name, capacity: resource.capacity },
              samples: samples.map((s) => ({ metric: s.metric, unit: s.unit, ts: s.ts.toISOString(), value: s.value })),
            },
            null,
            2,
          ),
        );
        return 0;
      }
      io.out(`${resource.name} (${resource.provider} ${resource.kind}, ${resource.id}): ${samples.length} samples`);
      table([['TIME', 'METRIC', 'VALUE', 'UNIT'], ...samples.map((s) => [s.ts.toISOString(), s.metric, String(s.value), s.unit])], io);
      return 0;
    },
  },
];
