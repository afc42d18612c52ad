// Reads what the weekly report says through the same readers as the pages and the API (getCosts,
// getPlanActuals, getPlanOfRecord, …), so a number in the e-mail is the number on the page.
import { getCosts } from '../queries/get-costs';
import { getDataFreshness } from '../queries/get-data-freshness';
import { getPlanActuals } from '../queries/get-plan-actuals';
import { getPlanOfRecord } from '../queries/get-plan-of-record';
import { buildReport, CONTRIBUTION_CHILD, contributionKey, MOVER_DIMENSIONS, rankMovers, type TMoverDimension, type TPair, type TPlanActualInput, type TReportData, type TReportScope, type TReportView } from './build-report';
import { addWeeks, weekInstants, type TIsoWeek } from './iso-week';
import { loadOptionalSections } from './optional-sections';

export type TLoadReportOptions = {
  week: TIsoWeek;
  currency: string;
  scope: TReportScope;
  timeZone: string;
  appUrl: string;
  now: Date;
};

const WEEKS_SHOWN = 8;

// this week and the week before, per group of a dimension
async function pairs(options: { from: string; split: string; to: string; groupBy: TMoverDimension; currency: string; filters: Record<string, string | undefined> }): Promise<TPair[]> {
  const result = await getCosts({ from: options.from, to: options.to, granularity: 'day', groupBy: options.groupBy, currency: options.currency, ...options.filters });
  const byKey = new Map<string, TPair>();
  for (const r of result.rows) {
    const p = byKey.get(r.key) ?? { key: r.key, label: r.label, current: 0, previous: 0 };
    if (r.period >= options.split) p.current += Number(r.effectiveCost);
    else p.previous += Number(r.effectiveCost);
    byKey.set(r.key, p);
  }
  return [...byKey.values()];
}

export async function loadReportData(options: TLoadReportOptions): Promise<TReportData> {
  const { week, currency, scope } = options;
  const weeks = Array.from({ length: WEEKS_SHOWN }, (_, i) => addWeeks(week, i - (WEEKS_SHOWN - 1)));
  const previous = addWeeks(week, -1);
  const filters = { provider: scope.provider };
  // as of the end of the week (or now, for the week still running): month to date, plan, freshness
  const weekEnd = weekInstants(week, options.timeZone).end;
  const asOf = new Date(Math.min(options.now.getTime(), weekEnd.getTime() - 1));

  const [byProvider, moverLists, freshness, planActual, optional] = await Promise.all([
    getCosts({ from: weeks[0].from, to: week.to, granularity: 'day', groupBy: 'provider', currency, ...filters }),
    Promise.all(MOVER_DIMENSIONS.map((groupBy) => pairs({ from: previous.from, split: week.from, to: week.to, groupBy, currency, filters }))),
    getDataFreshness({ asOf: week.to, provider: scope.provider }),
    scope.provider ? Promise.resolve(null) : loadPlanActual({ now: asOf, currency, timeZone: options.timeZone }),
    loadOptionalSections({ week, currency, scope, timeZone: options.timeZone, appUrl: options.appUrl, asOf }),
  ]);
  const movers = Object.fromEntries(MOVER_DIMENSIONS.map((d, i) => [d, moverLists[i]])) as Record<TMoverDimension, TPair[]>;

  // the children behind each top mover, read with the mover as a filter
  const contributions: Record<string, TPair[]> = {};
  await Promise.all(
    rankMovers(movers).map(async ({ dimension, pair }) => {
      contributions[contributionKey(dimension, pair.key)] = await pairs({
        from: previous.from,
        split: week.from,
        to: week.to,
        groupBy: CONTRIBUTION_CHILD[dimension],
        currency,
        filters: { ...filters, [dimension]: pair.key },
      });
    }),
  );

  return {
    week,
    weeks,
    currency,
    scope,
    appUrl: options.appUrl,
    providerDays: byProvider.rows.map((r) => ({ day: r.period, key: r.key, label: r.label, amount: Number(r.effectiveCost) })),
    movers,
    contributions,
    freshness,
    planActual,
    ...optional,
  };
}

async function loadPlanActual(options: { now: Date; currency: string; timeZone: string }): Promise<TPlanActualInput | null> {
  const [actuals, plan] = await Promise.all([getPlanActuals(options), getPlanOfRecord({ now: options.now, currency: options.currency })]);
  const month = actuals.monthToDate.month.slice(0, 7);
  const planned = plan?.evaluation.months.find((m) => m.month.slice(0, 7) === month);
  return {
    month,
    actual: {
      total: Number(actuals.monthToDate.total),
      days: actuals.monthToDate.days,
      daysInMonth: actuals.monthToDate.daysInMonth,
      runRate: actuals.monthToDate.runRate === null ? null : Number(actuals.monthToDate.runRate),
    },
    plan: plan
      ? {
          scenarioId: plan.scenario.id,
          scenarioName: plan.scenario.name,
          month: planned ? { likely: Number(planned.likely), p10: Number(planned.total.p10), p90: Number(planned.total.p90) } : null,
          firstMonth: plan.evaluation.months[0]?.month.slice(0, 7) ?? null,
        }
      : null,
  };
}

export async function buildWeeklyReport(options: TLoadReportOptions): Promise<TReportView> {
  return buildReport(await loadReportData(options));
}
