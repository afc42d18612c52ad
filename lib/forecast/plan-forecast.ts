// The plan of record as forecast rows, so "plan" can be drawn beside "trend" in the same shape.
import type { TForecastDay, TForecastMonth } from './forecast-spend';

/** One month of the plan's cost timeline; money as numbers or decimal strings (the planner's output). */
export type TPlanMonth = { month: string; p10: number | string; p50: number | string; p90: number | string };

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

function money(value: number | string, field: string, month: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`plan month ${month}: ${field} is not a number (${String(value)})`);
  return n;
}

/**
 * Month rows from the plan: the mean is the P50 and the band P10–P90, the plan's own 80% range (it is not
 * rescaled to another `interval`: the plan's distribution is only known at those percentiles).
 */
export function planForecast(months: readonly TPlanMonth[], options: { from?: string; to?: string } = {}): TForecastMonth[] {
  return [...months]
    .filter((m) => {
      if (!MONTH_RE.test(m.month)) throw new RangeError(`plan month must be YYYY-MM, got ${m.month}`);
      return (!options.from || m.month >= options.from) && (!options.to || m.month <= options.to);
    })
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => {
      const mean = money(m.p50, 'p50', m.month);
      const lower = money(m.p10, 'p10', m.month);
      const upper = money(m.p90, 'p90', m.month);
      if (!(lower <= mean && mean <= upper)) throw new RangeError(`plan month ${m.month}: needs p10 ≤ p50 ≤ p90`);
      return { month: m.month, mean, lower, upper, method: 'plan' as const, actual: 0, forecast: mean };
    });
}

/** Day rows from the plan: each month's P10, P50 and P90 spread evenly over its days. */
export function planForecastDays(months: readonly TPlanMonth[], options: { from?: string; to?: string } = {}): TForecastDay[] {
  const rows: TForecastDay[] = [];
  for (const m of planForecast(months)) {
    const [y, mo] = m.month.split('-').map(Number);
    const length = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    for (let d = 1; d <= length; d++) {
      const day = `${m.month}-${String(d).padStart(2, '0')}`;
      if ((options.from && day < options.from) || (options.to && day > options.to)) continue;
      rows.push({ day, mean: m.mean / length, lower: m.lower / length, upper: m.upper / length, method: 'plan' });
    }
  }
  return rows;
}
