// The costs table as CSV: what the page's table shows, in its order, for a spreadsheet. Amounts are
// plain decimals to the cent ("1234.50", never "1 234,50 €"), the currency in a column of its own;
// periods are named by their first day (YYYY-MM-DD); the change is a ratio (0.125 = +12.5 %).
import { csvCell } from '../cli/cli-format';
import { compareDecimal, divideDecimal, negateDecimal, subtractDecimal, toFixedDecimal } from '../money/decimal';
import type { TCostTable } from './cost-table';

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is quoted after a "'",
// so that a label from a provider's bill cannot run in the reader's spreadsheet.
function textCell(value: string): string {
  return csvCell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

const amount = (value: string | null) => (value === null ? '' : toFixedDecimal(value, 2));
// the change from the amounts themselves, in decimals (a double rounds 1.26005 down)
function change(total: string, previous: string | null): string {
  if (previous === null || compareDecimal(previous, '0') === 0) return '';
  const base = compareDecimal(previous, '0') < 0 ? negateDecimal(previous) : previous;
  return toFixedDecimal(divideDecimal(subtractDecimal(total, previous), base, 4), 4);
}

export function costTableCsv(table: TCostTable, options: { groupHeader: string; currency: string }): string {
  const lines = [[textCell(options.groupHeader), ...table.periods, 'total', 'previous_total', 'change', 'currency'].join(',')];
  for (const r of table.rows) lines.push([textCell(r.label), ...r.cells.map(amount), amount(r.total), amount(r.previous), change(r.total, r.previous), options.currency].join(','));
  const t = table.totals;
  lines.push(['Total', ...t.cells.map(amount), amount(t.total), amount(t.previous), change(t.total, t.previous), options.currency].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
