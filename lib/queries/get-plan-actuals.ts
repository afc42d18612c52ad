// What the bill says, by the planner's resource classes, to set beside a scenario's model: the last
// full month, the month to date (and the days it covers) with its run rate, and what no rule maps.
// Amounts come from getCosts (effective cost, converted with the stored FX rates, as the overview and
// the costs page show them), so the classes plus unmapped add up to the costs API's total.
import { DAY_MS, addUtcDays, isoDay, startOfUtcMonth } from '../dates';
import { addDecimals, divideDecimal, multiplyDecimal, sumDecimals } from '../money/decimal';
import { classResolver, hasCategoryRules, MAPPED_CLASSES, type TClassRule, type TMappedClass } from '../planning/cost-class-rules';
import { categoryValue, parseScopedKey, scopedKey } from './cost-keys';
import { getCosts, type TCostRow } from './get-costs';
import { localToday } from './get-overview';
import { listCostClassRules } from './list-cost-class-rules';

export type TServiceActual = {
  provider: string;
  service: string;
  /** The category when the service is split by category-specific rules, else null (every category). */
  category: string | null;
  /** The costs API's service key (PROVIDER:SERVICE). */
  key: string;
  resourceClass: TMappedClass;
  source: 'override' | 'default';
  lastMonth: string;
  monthToDate: string;
};

export type TClassActual = { resourceClass: TMappedClass; lastMonth: string; monthToDate: string; runRate: string | null };

export type TPlanActuals = {
  currency: string;
  /** Effective cost: commitments amortised over the days they cover, credits deducted. */
  basis: 'effectiveCost';
  today: string;
  lastMonth: { month: string; from: string; to: string; total: string };
  monthToDate: {
    month: string;
    from: string;
    /** The last day with costs in the month so far (inclusive), null before any. */
    lastDay: string | null;
    days: number;
    daysInMonth: number;
    total: string;
    /** The month to date spread over the whole month (total ÷ days × days in month), null before any day. */
    runRate: string | null;
  };
  /** One entry per resource class, then unmapped, always in that order. */
  classes: TClassActual[];
  services: TServiceActual[];
};

type TAmounts = { lastMonth: string; monthToDate: string };

export async function getPlanActuals(options: { now: Date; currency: string; timeZone: string; rules?: TClassRule[] }): Promise<TPlanActuals> {
  const { currency } = options;
  const today = localToday(options.now, options.timeZone);
  const thisMonth = startOfUtcMonth(today);
  const lastMonth = startOfUtcMonth(today, -1);
  const nextMonth = startOfUtcMonth(today, 1);
  const tomorrow = addUtcDays(today, 1);
  const last = { from: isoDay(lastMonth), to: isoDay(thisMonth) };
  const mtd = { from: isoDay(thisMonth), to: isoDay(tomorrow) };

  const [rules, lastRows, mtdRows] = await Promise.all([
    options.rules ?? listCostClassRules(),
    getCosts({ ...last, granularity: 'month', groupBy: 'service', currency }),
    // by day: the last day with costs tells which days the month to date covers
    getCosts({ ...mtd, granularity: 'day', groupBy: 'service', currency }),
  ]);

  // (provider, service, category) → amounts; category null for a service read whole
  const amounts = new Map<string, TAmounts & { provider: string; service: string; category: string | null; key: string }>();
  const add = (provider: string, service: string, category: string | null, field: keyof TAmounts, amount: string) => {
    const id = JSON.stringify([provider, service, category]);
    const entry = amounts.get(id) ?? { provider, service, category, key: scopedKey(provider, service), lastMonth: '0', monthToDate: '0' };
    entry[field] = addDecimals(entry[field], amount);
    amounts.set(id, entry);
  };

  // a service some rule splits by category is read again by category (the same rows, so the same sum)
  const split = new Set<string>();
  const collect = async (rows: TCostRow[], field: keyof TAmounts, period: { from: string; to: string }) => {
    const reads: Promise<void>[] = [];
    for (const r of rows) {
      const ref = parseScopedKey(r.key)!;
      if (hasCategoryRules(rules, ref.provider, ref.id)) {
        split.add(r.key);
        continue;
      }
      add(ref.provider, ref.id, null, field, r.effectiveCost);
    }
    for (const key of new Set(rows.map((r) => r.key).filter((k) => split.has(k)))) {
      const ref = parseScopedKey(key)!;
      reads.push(
        getCosts({ ...period, service: key, granularity: 'month', groupBy: 'category', currency }).then((byCategory) => {
          for (const c of byCategory.rows) add(ref.provider, ref.id, categoryValue(c.key), field, c.effectiveCost);
        }),
      );
    }
    await Promise.all(reads);
  };
  await collect(lastRows.rows, 'lastMonth', last);
  await collect(mtdRows.rows, 'monthToDate', mtd);

  const resolve = classResolver(rules);
  const services: TServiceActual[] = [...amounts.values()]
    .map((a) => ({ ...a, ...resolve({ provider: a.provider, service: a.service, category: a.category ?? undefined }) }))
    .sort((x, y) => Number(y.lastMonth) - Number(x.lastMonth) || Number(y.monthToDate) - Number(x.monthToDate) || x.key.localeCompare(y.key));

  const days = new Set(mtdRows.rows.map((r) => r.period));
  const lastDay = days.size ? [...days].sort().at(-1)! : null;
  const dayCount = lastDay ? Math.round((Date.parse(`${lastDay}T00:00:00Z`) - thisMonth.getTime()) / DAY_MS) + 1 : 0;
  const daysInMonth = Math.round((nextMonth.getTime() - thisMonth.getTime()) / DAY_MS);
  const runRate = (amount: string) => (dayCount > 0 ? multiplyDecimal(divideDecimal(amount, String(dayCount)), String(daysInMonth)) : null);

  const classes: TClassActual[] = MAPPED_CLASSES.map((resourceClass) => {
    const mine = services.filter((s) => s.resourceClass === resourceClass);
    const monthToDate = sumDecimals(mine.map((s) => s.monthToDate));
    return { resourceClass, lastMonth: sumDecimals(mine.map((s) => s.lastMonth)), monthToDate, runRate: runRate(monthToDate) };
  });
  const mtdTotal = sumDecimals(services.map((s) => s.monthToDate));
  return {
    currency,
    basis: 'effectiveCost',
    today: isoDay(today),
    lastMonth: { month: last.from, ...last, total: sumDecimals(services.map((s) => s.lastMonth)) },
    monthToDate: { month: mtd.from, from: mtd.from, lastDay, days: dayCount, daysInMonth, total: mtdTotal, runRate: runRate(mtdTotal) },
    classes,
    services,
  };
}
