// Small output helpers shared by the CLI commands: aligned tables, CSV cells, run summaries.
import type { TSyncRunView } from '../api/schemas/connections';
import { isIsoDay } from '../dates';
import { CliUsageError, type TCliArgs } from './types';

export function table(rows: string[][], io: { out: (line: string) => void }) {
  if (!rows.length) return;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) io.out(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd());
}

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function values(args: TCliArgs, name: string): string[] {
  const v = args.options[name];
  if (v === undefined || typeof v === 'boolean') return [];
  return Array.isArray(v) ? v : [v];
}

export function flag(args: TCliArgs, name: string): boolean {
  return args.options[name] === true || args.options[name] === 'true';
}

export function dayOption(args: TCliArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !isIsoDay(v))
    throw new CliUsageError(`--${name} must be a date as YYYY-MM-DD`);
  return v;
}

// A day (YYYY-MM-DD, midnight UTC) or a full ISO time.
export function timeOption(args: TCliArgs, name: string): Date | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  const d = typeof v === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime())) throw new CliUsageError(`--${name} must be a date (YYYY-MM-DD) or an ISO time`);
  return d;
}

export function formatOption<T extends string>(args: TCliArgs, allowed: readonly T[], fallback: T): T {
  const v = args.options.format;
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new CliUsageError(`--format must be one of ${allowed.join(', ')}`);
  return v as T;
}

export function printRunSummary(run: TSyncRunView, io: { out: (line: string) => void }) {
  io.out(`run ${run.id}: ${run.status}`);
  io.out(`  window    ${run.windowStart ?? '?'} → ${run.windowEnd ?? '?'} (end exclusive)`);
  io.out(`  rows      ${run.rowsInserted} inserted, ${run.rowsUpdated} updated, ${run.rowsUnchanged} unchanged`);
  const d = run.details as { costs?: { inserted: number; updated: number; unchanged: number }; resources?: { inserted: number; updated: number; unchanged: number }; samples?: { inserted: number; updated: number; unchanged: number } };
  for (const kind of ['costs', 'resources', 'samples'] as const) {
    const c = d[kind];
    if (c && c.inserted + c.updated + c.unchanged > 0) io.out(`    ${kind.padEnd(9)} ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`);
  }
  io.out(`  api       ${run.apiRequests} requests, ${run.apiCost} ${run.apiCostCurrency}`);
  if (run.durationMs !== null) io.out(`  duration  ${(run.durationMs / 1000).toFixed(1)} s`);
  if (run.error) io.out(`  error     ${run.errorStatus ? `${run.errorStatus}: ` : ''}${run.error}`);
}
