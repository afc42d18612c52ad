// The report's sections fed by features of their own, each through that feature's reader (the same
// the pages and the API use): month to date against budgets with the month-end forecast, the week's
// new anomalies, the open recommendations and capacity runway, unit costs. A section with nothing
// to say yet is 'empty' (the e-mail says so in one line), never made-up numbers.
import { distinctEvents } from '../anomalies/distinct-events';
import { addIsoDays } from '../dates';
import { getForecast } from '../queries/get-forecast';
import { getUnitCosts } from '../queries/get-unit-costs';
import { listAnomalies } from '../queries/list-anomalies';
import { listBudgets } from '../queries/list-budgets';
import { listBusinessMetrics } from '../queries/list-business-metrics';
import { listRecommendations } from '../queries/list-recommendations';
import { appLink, type TBudgetLine, type TReportData, type TReportScope } from './build-report';
import { addWeeks, type TIsoWeek } from './iso-week';

export type TOptionalContext = { week: TIsoWeek; currency: string; scope: TReportScope; timeZone: string; appUrl: string; asOf: Date };

const TOP_RECOMMENDATIONS = 5;

async function budgetsSection(ctx: TOptionalContext): Promise<TReportData['budgets']> {
  const budgets = (await listBudgets({ now: ctx.asOf, timeZone: ctx.timeZone })).filter((b) => !ctx.scope.provider || b.scope.provider === ctx.scope.provider);
  const lines: TBudgetLine[] = [];
  for (const b of budgets) {
    const c = b.current;
    if (c.amount === null || c.amount === undefined) continue;
    const amount = Number(c.amount);
    const spent = Number(c.actual);
    const forecast = c.forecast !== null && c.forecast !== undefined ? { p50: Number(c.forecast), p10: Number(c.forecastLower ?? c.forecast), p90: Number(c.forecastUpper ?? c.forecast) } : null;
    const status = spent > amount ? 'over' : c.state === 'alarm' || (forecast && forecast.p50 > amount) ? 'at_risk' : 'on_track';
    lines.push({ id: b.id, name: b.name, amount, spent, forecast, status, link: appLink(ctx.appUrl, '/budgets', {}) });
  }
  // the month-end forecast of everything in scope, with its interval
  const asOfDay = new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.asOf);
  const monthStart = `${asOfDay.slice(0, 7)}-01`;
  const nextMonth = addIsoDays(`${asOfDay.slice(0, 7)}-28`, 4).slice(0, 7) + '-01';
  const forecast = await getForecast(
    { from: monthStart, to: nextMonth, granularity: 'month', groupBy: 'none', interval: 80, provider: ctx.scope.provider },
    { now: ctx.asOf, timeZone: ctx.timeZone, currency: ctx.currency },
  );
  const row = forecast.rows.find((r) => r.method !== 'plan' && r.period === monthStart);
  const month = { p50: row ? Number(row.mean) : 0, p10: row ? Number(row.lower) : 0, p90: row ? Number(row.upper) : 0 };
  if (!lines.length && !row) return { state: 'empty' };
  return { state: 'ok', data: { month: monthStart.slice(0, 7), lines, forecast: row ? month : null } };
}

// New anomalies: open ones that started in the report's week (an ongoing one from before was news then).
async function anomaliesSection(ctx: TOptionalContext): Promise<TReportData['anomalies']> {
  const found = await listAnomalies({ from: ctx.week.from, to: ctx.week.to, status: 'open', provider: ctx.scope.provider, limit: 200 });
  const distinct = distinctEvents(found.filter((a) => a.startDay >= ctx.week.from && a.startDay < ctx.week.to));
  const items = distinct
    .sort((a, b) => Math.abs(Number(b.impact)) - Math.abs(Number(a.impact)))
    .slice(0, 5)
    .map((a) => ({
      id: a.id,
      label: a.monitor.name,
      firstDay: a.startDay,
      lastDay: a.endDay,
      expected: Number(a.expected),
      actual: Number(a.actual),
      impact: Number(a.impact),
      link: appLink(ctx.appUrl, '/anomalies', { from: ctx.week.from, to: ctx.week.to, provider: ctx.scope.provider, anomaly: a.id }),
    }));
  return items.length ? { state: 'ok', data: { items } } : { state: 'empty' };
}

async function recommendationsSection(ctx: TOptionalContext): Promise<TReportData['recommendations']> {
  const list = await listRecommendations({ status: ['open'], kind: undefined, includeRetired: false, provider: ctx.scope.provider, currency: ctx.currency, now: ctx.asOf });
  const open = list.items.filter((r) => r.status === 'open');
  const line = (r: (typeof open)[number]) => ({ id: r.id, message: r.message, link: appLink(ctx.appUrl, `/recommendations/${r.id}`, {}) });
  const top = open
    .filter((r) => r.kind !== 'runway' && r.monthlySavings && Number(r.monthlySavings.p50) > 0)
    .slice(0, TOP_RECOMMENDATIONS)
    .map((r) => ({ ...line(r), savings: Number(r.monthlySavings!.p50) }));
  const runway = open.filter((r) => r.kind === 'runway').map(line);
  const totalSavings = open.reduce((sum, r) => sum + (r.monthlySavings ? Math.max(0, Number(r.monthlySavings.p50)) : 0), 0);
  if (!open.length) return { state: 'empty' };
  return { state: 'ok', data: { top, runway, totalSavings, openCount: open.length } };
}

// Each business metric's unit cost this week and the week before.
async function unitCostsSection(ctx: TOptionalContext): Promise<TReportData['unitCosts']> {
  const metrics = (await listBusinessMetrics()).filter((m) => m.points > 0);
  const previous = addWeeks(ctx.week, -1);
  const items = [];
  for (const m of metrics) {
    const read = (w: TIsoWeek) => getUnitCosts({ metric: m.name, from: w.from, to: w.to, granularity: 'day', currency: ctx.currency, provider: ctx.scope.provider });
    const [now, before] = await Promise.all([read(ctx.week), read(previous)]);
    if (now.total.unitCost === null) continue;
    items.push({ id: m.name, label: m.label, per: m.per, unit: m.unit, current: Number(now.total.unitCost), previous: before.total.unitCost === null ? null : Number(before.total.unitCost) });
  }
  return items.length ? { state: 'ok', data: { items } } : { state: 'empty' };
}

export async function loadOptionalSections(ctx: TOptionalContext): Promise<Pick<TReportData, 'budgets' | 'anomalies' | 'recommendations' | 'unitCosts'>> {
  const [budgets, anomalies, recommendations, unitCosts] = await Promise.all([budgetsSection(ctx), anomaliesSection(ctx), recommendationsSection(ctx), unitCostsSection(ctx)]);
  return { budgets, anomalies, recommendations, unitCosts };
}
