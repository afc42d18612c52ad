// AWS Cost Explorer connector: daily costs as FOCUS records, plus Cost Explorer's forecasts,
// recommendations and reservation figures as provider insights.
import { addIsoDays, isoDay, startOfUtcDay } from '../../dates';
import { ConnectorError, type TConnectionConfig, type TConnectionStatus, type TConnector, type TFetchResult } from '../types';
import { CostExplorerApi, COST_METRICS } from './client';
import { daysToFetch } from './days';
import { fetchAwsCosts } from './fetch-costs';
import { fetchAwsInsights } from './fetch-insights';
import type { TRetryPolicy } from './retry';
import { ZAwsCredentials, ZAwsSettings, awsConfigProblem, type TAwsCredentials, type TAwsSettings } from './settings';

export type TAwsConnectorOptions = { retry?: Partial<TRetryPolicy> };

// A failed fetch still cost money: the error carries the requests made before it.
export type TConnectorErrorWithRequests = ConnectorError & { apiRequests?: number };

export function apiCostOf(requests: number) {
  // $0.01 a request, in integer cents so no float ever touches the amount
  return { amount: `${Math.floor(requests / 100)}.${String(requests % 100).padStart(2, '0')}`, currency: 'USD' };
}

function parseConfig(config: TConnectionConfig<unknown, unknown>): { settings: TAwsSettings; credentials: TAwsCredentials } {
  const settings = ZAwsSettings.safeParse(config.settings ?? {});
  if (!settings.success) throw configError('settings', settings.error.issues);
  const credentials = ZAwsCredentials.safeParse(config.credentials ?? {});
  if (!credentials.success) throw configError('credentials', credentials.error.issues);
  const problem = awsConfigProblem(settings.data, credentials.data);
  if (problem) throw new ConnectorError('invalid_configuration', problem);
  return { settings: settings.data, credentials: credentials.data };
}

function configError(where: string, issues: { path: PropertyKey[]; message: string }[]) {
  const text = issues.map((i) => `${i.path.map(String).join('.') || where}: ${i.message}`).join('; ');
  return new ConnectorError('invalid_configuration', text);
}

function billingAccountOf(settings: TAwsSettings): string {
  return settings.billingAccountId ?? settings.roleArn?.split(':')[4] ?? 'aws';
}

export function createAwsConnector(options: TAwsConnectorOptions = {}): TConnector<TAwsSettings, TAwsCredentials> {
  return {
    provider: 'aws',
    label: 'AWS Cost Explorer',
    settingsSchema: ZAwsSettings,
    credentialsSchema: ZAwsCredentials,
    defaultSchedule: '0 */6 * * *',
    defaultBackfillDays: 90,

    // One cheap call (yesterday's total, ungrouped): proves the endpoint, the credentials and the
    // ce:GetCostAndUsage permission at $0.01.
    async test(config, testOptions): Promise<TConnectionStatus> {
      let api: CostExplorerApi | undefined;
      try {
        const { settings, credentials } = parseConfig(config);
        api = new CostExplorerApi({ settings, credentials, retry: options.retry, signal: testOptions?.signal });
        const today = isoDay(startOfUtcDay(new Date()));
        const yesterday = addIsoDays(today, -1);
        const page = await api.getCostAndUsagePage({
          TimePeriod: { Start: yesterday, End: today },
          Granularity: 'DAILY',
          Metrics: COST_METRICS,
        });
        const total = page.ResultsByTime[0]?.Total?.UnblendedCost;
        if (!total) return { status: 'no_data_yet', message: `Connected; Cost Explorer has no cost for ${yesterday} yet` };
        return { status: 'ok', message: `Connected; cost on ${yesterday}: ${total.Amount} ${total.Unit}` };
      } catch (e) {
        if (e instanceof ConnectorError) {
          if ((e.cause as Error | undefined)?.name === 'DataUnavailableException')
            return { status: 'no_data_yet', message: `Connected, but Cost Explorer has no data yet: ${e.message}` };
          return { status: e.status, message: e.message };
        }
        throw e;
      } finally {
        api?.destroy();
      }
    },

    async fetch(config, ctx): Promise<TFetchResult> {
      const { settings, credentials } = parseConfig(config);
      const api = new CostExplorerApi({ settings, credentials, retry: options.retry, signal: ctx.signal, log: ctx.log });
      try {
        const ranges = daysToFetch(ctx.window, ctx.finalDays, ctx.now);
        ctx.log('aws: days to fetch', { ranges });
        const costs = await fetchAwsCosts(api, ranges, { billingAccountId: billingAccountOf(settings), log: ctx.log });
        // insights describe "now": a backfill of old days does not ask for them again
        const reachesToday = ctx.window.to.getTime() > startOfUtcDay(ctx.now).getTime();
        const insights = settings.insights && reachesToday ? await fetchAwsInsights(api, settings, ctx.now, ctx.log) : [];
        return { costs, resources: [], samples: [], insights, apiRequests: api.requests, apiCost: apiCostOf(api.requests) };
      } catch (e) {
        if (e instanceof ConnectorError) (e as TConnectorErrorWithRequests).apiRequests = api.requests;
        throw e;
      } finally {
        api.destroy();
      }
    },
  };
}

export const awsConnector = createAwsConnector();
