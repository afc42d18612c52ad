// Cost Explorer's own figures kept beside ours: forecasts with their prediction interval, RI and
// Savings Plans purchase recommendations, reservation utilisation and coverage. Each is stored as
// { request, response } with the response as AWS returned it.
import { addIsoDays, isoDay, parseIsoDay, startOfUtcDay, startOfUtcMonth } from '../../dates';
import type { TProviderInsight } from '../types';
import { ConnectorError } from '../types';
import type { CostExplorerApi } from './client';
import type { TAwsSettings } from './settings';

export const PREDICTION_INTERVAL_LEVEL = 80;

// Cost Explorer's names for the services it makes reservation recommendations for.
export const RI_SERVICES = [
  'Amazon Elastic Compute Cloud - Compute',
  'Amazon ElastiCache',
  'Amazon Relational Database Service',
];

const LOOKBACK_DAYS = 30;

// Accounts without enough history (or without reservations) get DataUnavailableException: that is
// an absence of insight, not a failed sync.
function isDataUnavailable(e: unknown) {
  return e instanceof ConnectorError && (e.cause as Error | undefined)?.name === 'DataUnavailableException';
}

async function optional<T>(
  what: string,
  log: (message: string, fields?: Record<string, unknown>) => void,
  run: () => Promise<T>,
): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    if (!isDataUnavailable(e)) throw e;
    log(`aws: no data for ${what}`, { error: (e as Error).message });
    return null;
  }
}

export async function fetchAwsInsights(
  api: CostExplorerApi,
  settings: TAwsSettings,
  now: Date,
  log: (message: string, fields?: Record<string, unknown>) => void,
): Promise<TProviderInsight[]> {
  const insights: TProviderInsight[] = [];
  const today = startOfUtcDay(now);

  const forecasts: { key: string; start: Date; end: Date }[] = [
    { key: 'current-month', start: today, end: startOfUtcMonth(now, 1) },
    { key: 'next-3-months', start: startOfUtcMonth(now, 1), end: startOfUtcMonth(now, 4) },
  ];
  for (const f of forecasts) {
    const request = {
      TimePeriod: { Start: isoDay(f.start), End: isoDay(f.end) },
      Metric: 'UNBLENDED_COST' as const,
      Granularity: 'MONTHLY' as const,
      PredictionIntervalLevel: PREDICTION_INTERVAL_LEVEL,
    };
    const result = await optional(`forecast ${f.key}`, log, () => api.getCostForecast(request));
    if (result)
      insights.push({ kind: 'aws.forecast', key: f.key, periodStart: f.start, periodEnd: f.end, payload: { request, response: result.raw } });
  }

  const terms = {
    TermInYears: settings.recommendationTerm,
    PaymentOption: settings.recommendationPaymentOption,
    LookbackPeriodInDays: settings.recommendationLookback,
  };
  const termKey = `${terms.TermInYears}/${terms.PaymentOption}/${terms.LookbackPeriodInDays}`;
  for (const service of RI_SERVICES) {
    const request = { Service: service, AccountScope: 'PAYER' as const, ...terms };
    const response = await optional(`RI recommendation ${service}`, log, () =>
      api.getReservationPurchaseRecommendation(request),
    );
    if (response) insights.push({ kind: 'aws.ri-recommendation', key: `${service}/${termKey}`, payload: { request, response } });
  }

  const spRequest = { SavingsPlansType: 'COMPUTE_SP' as const, AccountScope: 'PAYER' as const, ...terms };
  const sp = await optional('Savings Plans recommendation', log, () => api.getSavingsPlansPurchaseRecommendation(spRequest));
  if (sp) insights.push({ kind: 'aws.sp-recommendation', key: `COMPUTE_SP/${termKey}`, payload: { request: spRequest, response: sp } });

  // reservation figures over the last 30 complete days
  const end = isoDay(today);
  const start = addIsoDays(end, -LOOKBACK_DAYS);
  const period = { periodStart: parseIsoDay(start), periodEnd: parseIsoDay(end) };
  const utilRequest = { TimePeriod: { Start: start, End: end }, Granularity: 'DAILY' as const };
  const utilization = await optional('reservation utilisation', log, () => api.getReservationUtilization(utilRequest));
  if (utilization)
    insights.push({ kind: 'aws.ri-utilization', key: `last-${LOOKBACK_DAYS}-days`, ...period, payload: { request: utilRequest, response: utilization } });
  const coverageRequest = { TimePeriod: { Start: start, End: end }, Granularity: 'DAILY' as const };
  const coverage = await optional('reservation coverage', log, () => api.getReservationCoverage(coverageRequest));
  if (coverage)
    insights.push({ kind: 'aws.ri-coverage', key: `last-${LOOKBACK_DAYS}-days`, ...period, payload: { request: coverageRequest, response: coverage } });

  return insights;
}
