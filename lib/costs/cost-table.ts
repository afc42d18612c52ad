// The costs table: one row per group, one column per period, the group's total over the range
// and its change against the previous range of the same length. The page shows it and the table
// download writes it, so that the file holds exactly what the page shows, in the same order.
// Amounts stay decimal strings (exact sums); only the change is a ratio.
import { z } from 'zod';
import { addIsoDays, DAY_MS, parseIsoDay, ZDay } from '../dates';
import { compareDecimal, divideDecimal, subtractDecimal, sumDecimals } from '../money/decimal';
import type { TCostResult } from '../queries/get-costs';

export const COST_TABLE_SORTS = ['name', 'total', 'change'] as const;

export const ZCostTableSort = z.object({
  sort: z.union([z.enum(COST_TABLE_SORTS), ZDay]).default('total').describe('the column the rows are ordered by: name, total, change, or a period (its first day, YYYY-MM-DD)'),
  dir: z.enum(['asc', 'desc']).optional().describe('asc or desc; by default names ascend and amounts descend'),
});
export type TCostTableSort = z.infer<typeof ZCostTableSort>;

export type TCostTableRow = {
  key: string;
  label: string;
  // per period (the table's periods, in order): null where the group has no cost at all
  cells: (string | null)[];
  total: string;
  // the total of the previous range; null when no previous range was read
  previous: string | null;
  // (total − previous) / |previous|; null when there is nothing to compare against
  change: number | null;
};

export type TCostTable = {
  periods: string[];
  rows: TCostTableRow[];
  totals: Omit<TCostTableRow, 'key' | 'label' | 'cells'> & { cells: string[] };
  sort: { by: TCostTableSort['sort']; dir: 'asc' | 'desc' };
};

export function changeRatio(total: string, previous: string | null): number | null {
  if (previous === null || compareDecimal(previous, '0') === 0) return null;
  const ratio = Number(divideDecimal(subtractDecimal(total, previous), previous, 12));
  return compareDecimal(previous, '0') < 0 ? -ratio : ratio;
}

const defaultDir = (by: TCostTableSort['sort']) => (by === 'name' ? 'asc' : 'desc');

export function buildCostTable(current: TCostResult, previous: TCostResult | null, sort: Partial<TCostTableSort> = {}): TCostTable {
  const periods = [...new Set(current.rows.map((r) => r.period))].sort();
  const column = new Map(periods.map((p, i) => [p, i]));
  const groups = new Map<string, { label: string; cells: string[][] }>();
  for (const r of current.rows) {
    const g = groups.get(r.key) ?? { label: r.label, cells: periods.map(() => []) };
    g.cells[column.get(r.period)!].push(r.effectiveCost);
    groups.set(r.key, g);
  }
  const before = new Map<string, string[]>();
  for (const r of previous?.rows ?? []) before.set(r.key, [...(before.get(r.key) ?? []), r.effectiveCost]);

  const rows: TCostTableRow[] = [...groups].map(([key, g]) => {
    const cells = g.cells.map((c) => (c.length ? sumDecimals(c) : null));
    const total = sumDecimals(cells.filter((c): c is string => c !== null));
    const prev = previous ? sumDecimals(before.get(key) ?? []) : null;
    return { key, label: g.label, cells, total, previous: prev, change: changeRatio(total, prev) };
  });

  const by = sort.sort ?? 'total';
  const dir = sort.dir ?? defaultDir(by);
  const sign = dir === 'asc' ? 1 : -1;
  const byLabel = (x: TCostTableRow, y: TCostTableRow) => x.label.localeCompare(y.label);
  const periodIndex = column.get(by);
  const value = (r: TCostTableRow): number | null =>
    by === 'total' ? Number(r.total) : by === 'change' ? r.change : periodIndex !== undefined ? Number(r.cells[periodIndex] ?? 0) : null;
  rows.sort((x, y) => {
    if (by === 'name') return sign * byLabel(x, y);
    const vx = value(x);
    const vy = value(y);
    // rows with nothing to compare sit last whichever way the column is read
    if (vx === null || vy === null) return vx === vy ? byLabel(x, y) : vx === null ? 1 : -1;
    return vx === vy ? byLabel(x, y) : sign * (vx - vy);
  });

  const cells = periods.map((_, i) => sumDecimals(rows.map((r) => r.cells[i] ?? '0')));
  const total = sumDecimals(rows.map((r) => r.total));
  const prev = previous ? sumDecimals(previous.rows.map((r) => r.effectiveCost)) : null;
  return { periods, rows, totals: { cells, total, previous: prev, change: changeRatio(total, prev) }, sort: { by, dir } };
}

// The range of the same number of days just before [from, to): what the change column compares with.
export function previousRange(from: string, to: string): { from: string; to: string } {
  const days = Math.round((parseIsoDay(to).getTime() - parseIsoDay(from).getTime()) / DAY_MS);
  return { from: addIsoDays(from, -days), to: from };
}
