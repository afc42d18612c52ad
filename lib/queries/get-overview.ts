// Everything the overview shows, read in parallel from the same cost reader the API uses.
import { addUtcDays, DAY_MS, isoDay, startOfUtcDay, startOfUtcMonth } from '../dates';
import { pool } from '../db';
import { getCosts, type TCostRow } from './get-costs';

export type TOverview = {
  currency: string;
  today: string;
  hasData: boolean;
  isDemo: boolean;
  monthToDate: { current: number; previous: number; from: string; to: string; previousFrom: string; previousTo: string };
  // series by provider key, and per month (x) each series' amount at its index
  byProviderMonthly: { months: string[]; providers: { key: string; label: string }[]; rows: { x: string; values: number[] }[] };
  byServiceLast30: { key: string; label: string; amount: number }[];
  last30Total: number;
};

function sum(rows: TCostRow[]) {
  return rows.reduce((acc, r) => acc + Number(r.effectiveCost), 0);
}

// Today as the organisation sees it (Paris's 1 November starts at 23:00 UTC on 31 October): the
// month-to-date boundaries follow the local calendar; the days themselves are stored as UTC days.
export function localToday(now: Date, timeZone: string): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return new Date(`${day}T00:00:00.000Z`);
}

export async function getOverview(options: { now: Date; currency: string; timeZone?: string; topServices?: number }): Promise<TOverview> {
  const today = options.timeZone ? localToday(options.now, options.timeZone) : startOfUtcDay(options.now);
  const tomorrow = addUtcDays(today, 1);
  const thisMonth = startOfUtcMonth(today);
  const lastMonth = startOfUtcMonth(today, -1);
  // the same point last month: as many days in, capped at that month's length
  const daysIn = Math.round((tomorrow.getTime() - thisMonth.getTime()) / DAY_MS);
  const lastMonthEnd = thisMonth;
  const previousTo = new Date(Math.min(addUtcDays(lastMonth, daysIn).getTime(), lastMonthEnd.getTime()));
  const thirteenAgo = startOfUtcMonth(today, -12);
  const thirtyAgo = addUtcDays(tomorrow, -30);
  const currency = options.currency;

  const [mtd, prev, monthly, services, demo] = await Promise.all([
    getCosts({ from: isoDay(thisMonth), to: isoDay(tomorrow), granularity: 'month', groupBy: 'none', currency }),
    getCosts({ from: isoDay(lastMonth), to: isoDay(previousTo), granularity: 'month', groupBy: 'none', currency }),
    getCosts({ from: isoDay(thirteenAgo), to: isoDay(tomorrow), granularity: 'month', groupBy: 'provider', currency }),
    getCosts({ from: isoDay(thirtyAgo), to: isoDay(tomorrow), granularity: 'month', groupBy: 'service', currency }),
    pool().query<{ demo: boolean }>("SELECT EXISTS (SELECT 1 FROM sync_run WHERE kind = 'demo' AND status = 'succeeded') AS demo"),
  ]);

  const months: string[] = [];
  for (let m = thirteenAgo; m <= thisMonth; m = startOfUtcMonth(m, 1)) months.push(isoDay(m));
  const providerTotals = new Map<string, { label: string; total: number }>();
  for (const r of monthly.rows) {
    const entry = providerTotals.get(r.key) ?? { label: r.label, total: 0 };
    entry.total += Number(r.effectiveCost);
    providerTotals.set(r.key, entry);
  }
  const providers = [...providerTotals.entries()].sort((a, b) => b[1].total - a[1].total).map(([key, v]) => ({ key, label: v.label }));
  const index = new Map(providers.map((p, i) => [p.key, i]));
  const rows = months.map((month) => {
    const values = providers.map(() => 0);
    for (const r of monthly.rows) if (r.period === month) values[index.get(r.key)!] += Number(r.effectiveCost);
    return { x: month, values };
  });

  const serviceTotals = new Map<string, { key: string; label: string; amount: number }>();
  for (const r of services.rows) {
    const entry = serviceTotals.get(r.key) ?? { key: r.key, label: r.label, amount: 0 };
    entry.amount += Number(r.effectiveCost);
    serviceTotals.set(r.key, entry);
  }
  const sorted = [...serviceTotals.values()].sort((a, b) => b.amount - a.amount);
  const top = options.topServices ?? 10;
  const byService = sorted.slice(0, top);
  const rest = sorted.slice(top);
  if (rest.length) byService.push({ key: '__other', label: `Other (${rest.length} services)`, amount: rest.reduce((a, s) => a + s.amount, 0) });

  return {
    currency,
    today: isoDay(today),
    hasData: monthly.rows.length > 0 || services.rows.length > 0,
    isDemo: demo.rows[0]?.demo ?? false,
    monthToDate: {
      current: sum(mtd.rows),
      previous: sum(prev.rows),
      from: isoDay(thisMonth),
      to: isoDay(tomorrow),
      previousFrom: isoDay(lastMonth),
      previousTo: isoDay(previousTo),
    },
    byProviderMonthly: { months, providers, rows },
    byServiceLast30: byService,
    last30Total: sorted.reduce((a, s) => a + s.amount, 0),
  };
}
