// Everything the overview shows, read in parallel from the same cost reader the API uses.
import { addIsoDays, addUtcDays, isoDay, startOfUtcDay, startOfUtcMonth } from '../dates';
import { pool } from '../db';
import { laggingProviders, monthToDateTone, monthToDateWindows, type TMtdNeutralReason, type TMtdTone } from '../overview/compare-month-to-date';
import { getCosts, type TCostRow } from './get-costs';

export type TOverview = {
  currency: string;
  today: string;
  hasData: boolean;
  isDemo: boolean;
  // this month from its first day to today inclusive (today's costs still arriving)
  monthToDate: { total: number; from: string; to: string };
  // the same complete days of this month and the last, inclusive; null before a day can be compared
  comparison: {
    current: number;
    previous: number;
    currentFirst: string;
    currentLast: string;
    previousFirst: string;
    previousLast: string;
    days: number;
    change: number | null;
    tone: TMtdTone;
    reason: TMtdNeutralReason | null;
    lagging: string[]; // providers whose costs this month stop before the last compared day
  } | null;
  // series by provider key, and per month (x) each series' amount at its index
  byProviderMonthly: { months: string[]; providers: { key: string; label: string }[]; rows: { x: string; values: number[] }[] };
  byServiceLast30: { key: string; label: string; amount: number }[]; // '__other' last, labelled by the page
  otherCount: number; // services grouped under '__other'
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
  const thirteenAgo = startOfUtcMonth(today, -12);
  const thirtyAgo = addUtcDays(tomorrow, -30);
  const currency = options.currency;

  const [mtd, spans, monthly, services, demo] = await Promise.all([
    getCosts({ from: isoDay(thisMonth), to: isoDay(tomorrow), granularity: 'month', groupBy: 'none', currency }),
    // the days each provider has costs on, last month and this (a few rows a provider a day)
    pool().query<{ provider: string; day: string }>(
      `SELECT DISTINCT provider_name AS provider, to_char(day, 'YYYY-MM-DD') AS day
         FROM cost_daily WHERE day >= $1::date AND day < $2::date`,
      [isoDay(lastMonth), isoDay(tomorrow)],
    ),
    getCosts({ from: isoDay(thirteenAgo), to: isoDay(tomorrow), granularity: 'month', groupBy: 'provider', currency }),
    getCosts({ from: isoDay(thirtyAgo), to: isoDay(tomorrow), granularity: 'month', groupBy: 'service', currency }),
    pool().query<{ demo: boolean }>("SELECT EXISTS (SELECT 1 FROM sync_run WHERE kind = 'demo' AND status = 'succeeded') AS demo"),
  ]);

  const thisMonthDays = spans.rows.filter((r) => r.day >= isoDay(thisMonth)).map((r) => r.day);
  const lastDataDay = thisMonthDays.length ? thisMonthDays.reduce((a, b) => (a > b ? a : b)) : null;
  const windows = monthToDateWindows({ today: isoDay(today), lastDataDay });
  let comparison: TOverview['comparison'] = null;
  if (windows.current && windows.previous) {
    const { current: cw, previous: pw } = windows;
    const [cur, prev] = await Promise.all([
      getCosts({ from: cw.first, to: addIsoDays(cw.last, 1), granularity: 'month', groupBy: 'none', currency }),
      getCosts({ from: pw.first, to: addIsoDays(pw.last, 1), granularity: 'month', groupBy: 'none', currency }),
    ]);
    const lagging = laggingProviders(spans.rows, windows.current, windows.previous);
    const current = sum(cur.rows);
    const previous = sum(prev.rows);
    comparison = {
      current,
      previous,
      currentFirst: cw.first,
      currentLast: cw.last,
      previousFirst: pw.first,
      previousLast: pw.last,
      days: windows.days,
      ...monthToDateTone({ windows, current, previous, lagging }),
      lagging,
    };
  }

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
  // the page names the rest in its language from otherCount
  if (rest.length) byService.push({ key: '__other', label: '', amount: rest.reduce((a, s) => a + s.amount, 0) });

  return {
    currency,
    today: isoDay(today),
    hasData: monthly.rows.length > 0 || services.rows.length > 0,
    isDemo: demo.rows[0]?.demo ?? false,
    monthToDate: { total: sum(mtd.rows), from: isoDay(thisMonth), to: isoDay(today) },
    comparison,
    byProviderMonthly: { months, providers, rows },
    byServiceLast30: byService,
    otherCount: rest.length,
    last30Total: sorted.reduce((a, s) => a + s.amount, 0),
  };
}
