// Spend forecasts of the total or any scope, by day or month, with the interval from each series' own backtest
// (lib/forecast), the plan of record's months beside the trend, and AWS's GetCostForecast for AWS scopes.
import { z } from 'zod';
import { addIsoDays, isoDay, ZDay } from '../dates';
import { pool } from '../db';
import { AppError } from '../errors';
import { forecastSpend, type TBacktestSummary, type TRowMethod, type TSpendForecast } from '../forecast/forecast-spend';
import { planForecast, planForecastDays, type TPlanMonth } from '../forecast/plan-forecast';
import { moneyFromNumber } from '../money/decimal';
import { localToday } from './get-overview';
import { firstUnknownDay, readSpendSeries, SERIES_GROUP_BYS, ZSpendScope, type TSpendScope } from './read-spend-series';

// Enough history for a weekly model (26 weeks are fitted) and the backtest's origins before them.
export const HISTORY_DAYS = 400;
export const MAX_DAY_MONTHS = 3;
export const MAX_MONTHS = 12;

const ZTagParam = z
  .string()
  .regex(/^[^=]+=.*$/, 'must be KEY=VALUE')
  .max(520)
  .transform((v) => ({ key: v.slice(0, v.indexOf('=')), value: v.slice(v.indexOf('=') + 1) }));

export const ZForecastQuery = z
  .object({
    from: ZDay,
    to: ZDay.describe('exclusive'),
    granularity: z.enum(['day', 'month']).default('month'),
    groupBy: z.enum(SERIES_GROUP_BYS).default('none'),
    provider: ZSpendScope.shape.provider,
    service: ZSpendScope.shape.service,
    region: ZSpendScope.shape.region,
    account: ZSpendScope.shape.account,
    tag: ZTagParam.optional().describe('KEY=VALUE: only records with that tag value'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').optional().describe('default DISPLAY_CURRENCY'),
    interval: z.coerce.number().int('must be a whole percent').min(50).max(95).default(80),
    asOf: ZDay.optional().describe('the first day not known: the forecast uses only the days before it (default: the day after the last day of cost data, at most today)'),
  })
  .refine((q) => q.from < q.to, { message: 'must be after from (to is exclusive)', path: ['to'] });
export type TForecastQuery = z.output<typeof ZForecastQuery>;

export type TForecastRow = { period: string; key: string; label: string; mean: string; lower: string; upper: string; method: TRowMethod };
export type TProviderForecast = {
  provider: 'AWS';
  source: 'GetCostForecast';
  period: string;
  periodEnd: string;
  currency: string;
  mean: string;
  lower: string | null;
  upper: string | null;
  /** The prediction interval AWS was asked for, in percent. */
  level: number | null;
  fetchedAt: string;
  /** Ours for the same scope (AWS), days and currency, at the query's interval: what was spent in the period
   * before asOf plus our forecast of the rest. */
  ours: { mean: string; lower: string; upper: string; method: TRowMethod };
};
export type TForecastResult = {
  currency: string;
  asOf: string;
  interval: number;
  granularity: 'day' | 'month';
  groupBy: (typeof SERIES_GROUP_BYS)[number];
  rows: TForecastRow[];
  backtest: Pick<TBacktestSummary, 'mape' | 'coverage' | 'baselineMape' | 'baselineName' | 'points'> & { method: string; historyDays: number; note: string | null };
  /** The plan of record followed by the "plan" rows, when there is one and the scope is the total. */
  plan: { scenarioId: string; name: string; version: number } | null;
  providerForecasts: TProviderForecast[];
};

/** The plan of record's months (P10/P50/P90) in a currency; null without a plan of record. */
export type TPlanSource = (options: { now: Date; currency: string }) => Promise<{
  scenario: { id: string; name: string; version: number };
  months: TPlanMonth[];
} | null>;

function monthsBetween(fromMonth: string, toMonth: string): number {
  const [y1, m1] = fromMonth.split('-').map(Number);
  const [y2, m2] = toMonth.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

const money = (v: number) => moneyFromNumber(v, 2);

/** The default asOf: the day after the last day of data, never after today in the zone. */
export async function defaultAsOf(now: Date, timeZone: string): Promise<string> {
  const today = isoDay(localToday(now, timeZone));
  const unknown = await firstUnknownDay();
  return unknown && unknown < today ? unknown : today;
}

export function scopeOf(q: { provider?: string; service?: string; region?: string; account?: string; tag?: { key: string; value: string } }): TSpendScope {
  const scope: TSpendScope = {};
  if (q.provider) scope.provider = q.provider;
  if (q.service) scope.service = q.service;
  if (q.region) scope.region = q.region;
  if (q.account) scope.account = q.account;
  if (q.tag) scope.tag = q.tag;
  return scope;
}

export async function getForecast(
  input: TForecastQuery,
  options: { now: Date; timeZone: string; currency: string; plan?: TPlanSource },
): Promise<TForecastResult> {
  const q = { ...input, currency: input.currency ?? options.currency };
  const asOf = q.asOf ?? (await defaultAsOf(options.now, options.timeZone));
  const lastDay = addIsoDays(q.to, -1);
  const ahead = monthsBetween(asOf.slice(0, 7), lastDay.slice(0, 7));
  const limit = q.granularity === 'day' ? MAX_DAY_MONTHS : MAX_MONTHS;
  if (ahead > limit) {
    const message = `a forecast by ${q.granularity} reaches at most ${limit} months after the month of asOf (${asOf.slice(0, 7)})`;
    throw new AppError('BAD_REQUEST', `to: ${message}`, [{ field: 'to', message }]);
  }
  const scope = scopeOf(q);
  const history = await readSpendSeries({ scope, groupBy: q.groupBy, currency: q.currency, from: addIsoDays(asOf, -HISTORY_DAYS), to: asOf });
  const run = (points: Parameters<typeof forecastSpend>[0]['points']) =>
    forecastSpend({ points, asOf, interval: q.interval, months: Math.max(0, ahead) });

  const forecasts = history.map((s) => ({ series: s, forecast: run(s.points) }));
  // The backtest is the scope's total: the one series without groups, else the groups summed.
  const total: TSpendForecast =
    q.groupBy === 'none' && forecasts.length === 1 ? forecasts[0].forecast : run(history.flatMap((s) => s.points));

  const rows: TForecastRow[] = [];
  const keep = (period: string) => period >= q.from && period < q.to;
  const keepMonth = (month: string) => `${month}-01` < q.to && `${month}-31` >= q.from;
  for (const { series, forecast } of forecasts.sort((a, b) => a.series.label.localeCompare(b.series.label))) {
    if (q.granularity === 'day') {
      for (const d of forecast.days) {
        if (keep(d.day)) rows.push({ period: d.day, key: series.key, label: series.label, mean: money(d.mean), lower: money(d.lower), upper: money(d.upper), method: d.method });
      }
    } else {
      for (const m of forecast.months) {
        if (keepMonth(m.month)) rows.push({ period: `${m.month}-01`, key: series.key, label: series.label, mean: money(m.mean), lower: money(m.lower), upper: money(m.upper), method: m.method });
      }
    }
  }

  let plan: TForecastResult['plan'] = null;
  const isTotal = Object.keys(scope).length === 0;
  if (isTotal && options.plan) {
    const source = await options.plan({ now: options.now, currency: q.currency });
    if (source) {
      plan = { scenarioId: source.scenario.id, name: source.scenario.name, version: source.scenario.version };
      if (q.granularity === 'day') {
        for (const d of planForecastDays(source.months, { from: q.from > asOf ? q.from : asOf, to: lastDay })) {
          rows.push({ period: d.day, key: 'total', label: 'Plan', mean: money(d.mean), lower: money(d.lower), upper: money(d.upper), method: 'plan' });
        }
      } else {
        for (const m of planForecast(source.months, { from: q.from.slice(0, 7) > asOf.slice(0, 7) ? q.from.slice(0, 7) : asOf.slice(0, 7), to: lastDay.slice(0, 7) })) {
          rows.push({ period: `${m.month}-01`, key: 'total', label: 'Plan', mean: money(m.mean), lower: money(m.lower), upper: money(m.upper), method: 'plan' });
        }
      }
    }
  }

  const awsScope = !scope.tag && (scope.provider === 'AWS' || (!scope.provider && !scope.service && !scope.region && !scope.account));
  const stored = awsScope && !scope.service && !scope.region && !scope.account ? await readAwsForecasts(q.from, q.to) : [];
  const providerForecasts = await withOurs(stored, { asOf, interval: q.interval });

  return {
    currency: q.currency,
    asOf,
    interval: q.interval,
    granularity: q.granularity,
    groupBy: q.groupBy,
    rows,
    backtest: {
      mape: total.backtest.mape,
      coverage: total.backtest.coverage,
      baselineMape: total.backtest.baselineMape,
      baselineName: total.backtest.baselineName,
      points: total.backtest.points,
      method: total.method,
      historyDays: total.historyDays,
      note: total.note,
    },
    plan,
    providerForecasts,
  };
}

// Ours beside AWS's, on the same footing: AWS's scope (the provider as a whole), AWS's currency, AWS's days.
async function withOurs(stored: Omit<TProviderForecast, 'ours'>[], o: { asOf: string; interval: number }): Promise<TProviderForecast[]> {
  const out: TProviderForecast[] = [];
  for (const currency of [...new Set(stored.map((p) => p.currency))]) {
    const same = stored.filter((p) => p.currency === currency);
    const history = await readSpendSeries({ scope: { provider: 'AWS' }, groupBy: 'none', currency, from: addIsoDays(o.asOf, -HISTORY_DAYS), to: o.asOf });
    const periods = same.map((p, i) => ({ key: String(i), startDay: p.period, endDay: p.periodEnd }));
    const f = forecastSpend({ points: history.flatMap((s) => s.points), asOf: o.asOf, interval: o.interval, months: 0, periods });
    same.forEach((p, i) => {
      const ours = f.periods[i];
      out.push({ ...p, ours: { mean: money(ours.mean), lower: money(ours.lower), upper: money(ours.upper), method: ours.method } });
    });
  }
  return out.sort((a, b) => a.period.localeCompare(b.period));
}

const ZAwsForecastPayload = z.object({
  request: z.object({ PredictionIntervalLevel: z.number().optional() }).optional(),
  response: z.object({
    Total: z.object({ Amount: z.string().optional(), Unit: z.string().optional() }).optional(),
    ForecastResultsByTime: z.array(
      z.object({
        TimePeriod: z.object({ Start: z.string(), End: z.string() }),
        MeanValue: z.string(),
        PredictionIntervalLowerBound: z.string().optional(),
        PredictionIntervalUpperBound: z.string().optional(),
      }),
    ),
  }),
});

// AWS's own monthly forecasts as its last sync stored them (AWS's currency, its 80% interval), for the AWS
// scope as a whole: Cost Explorer was asked for the account's total, not a service or region.
async function readAwsForecasts(from: string, to: string): Promise<Omit<TProviderForecast, 'ours'>[]> {
  const { rows } = await pool().query<{ payload: unknown; fetched_at: Date }>(
    `SELECT payload, fetched_at FROM provider_insight WHERE kind = 'aws.forecast' ORDER BY fetched_at`,
  );
  const out: Omit<TProviderForecast, 'ours'>[] = [];
  for (const r of rows) {
    const parsed = ZAwsForecastPayload.safeParse(r.payload);
    if (!parsed.success) continue;
    const currency = parsed.data.response.Total?.Unit ?? 'USD';
    for (const f of parsed.data.response.ForecastResultsByTime) {
      if (f.TimePeriod.Start >= to || f.TimePeriod.End <= from) continue;
      out.push({
        provider: 'AWS',
        source: 'GetCostForecast',
        period: f.TimePeriod.Start,
        periodEnd: f.TimePeriod.End,
        currency,
        mean: f.MeanValue,
        lower: f.PredictionIntervalLowerBound ?? null,
        upper: f.PredictionIntervalUpperBound ?? null,
        level: parsed.data.request?.PredictionIntervalLevel ?? null,
        fetchedAt: r.fetched_at.toISOString(),
      });
    }
  }
  return out.sort((a, b) => a.period.localeCompare(b.period));
}
