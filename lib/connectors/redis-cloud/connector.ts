// Redis Cloud (Pro and Essentials): databases → resources with their memory limit and plan price;
// the FOCUS cost report where the account has it, otherwise the plan prices as recurring charges.
import { z } from 'zod';
import { ZHttpUrl } from '../http-url';
import type { TFocusRecord } from '../../focus/types';
import { addUtcDays, isoDay, utcDaysOverlapping } from '../../dates';
import { numberToDecimal } from '../../money/decimal';
import { parseConnectionConfig, TEST_TIMEOUT_MS, testConnection, type THttpConnectorOptions } from '../http';
import { emptyFetchResult, type TConnector, type TFetchContext, type TFetchResult } from '../types';
import { RedisCloudClient, REDIS_CLOUD_DEFAULT_BASE_URL } from './client';
import {
  databaseExternalId,
  essentialsPlanCharges,
  mapCostRow,
  mapDatabase,
  mapDatabaseSample,
  monthlyPlanPrice,
  proPlanCharges,
} from './mapper';

export const ZRedisCloudSettings = z.object({
  baseUrl: ZHttpUrl.default(REDIS_CLOUD_DEFAULT_BASE_URL),
});
export type TRedisCloudSettings = z.infer<typeof ZRedisCloudSettings>;

export const ZRedisCloudCredentials = z.object({
  apiKey: z.string().min(1),
  secretKey: z.string().min(1),
});
export type TRedisCloudCredentials = z.infer<typeof ZRedisCloudCredentials>;

// the cost report covers at most 40 days a request
const REPORT_CHUNK_DAYS = 31;

export type TRedisCloudConnectorOptions = THttpConnectorOptions & { pageSize?: number; taskPollMs?: number };

export function createRedisCloudConnector(
  options: TRedisCloudConnectorOptions = {},
): TConnector<TRedisCloudSettings, TRedisCloudCredentials> {
  const schemas = { settingsSchema: ZRedisCloudSettings, credentialsSchema: ZRedisCloudCredentials };
  const clientFor = (settings: TRedisCloudSettings, credentials: TRedisCloudCredentials, timeoutMs?: number) =>
    new RedisCloudClient({ ...options, ...credentials, baseUrl: settings.baseUrl, timeoutMs: timeoutMs ?? options.timeoutMs });

  // The cost report in chunks over the window; null as soon as the account turns out not to have it.
  async function reportRows(client: RedisCloudClient, ctx: TFetchContext): Promise<TFocusRecord[] | null> {
    const end = ctx.window.to < ctx.now ? ctx.window.to : ctx.now;
    const rows: TFocusRecord[] = [];
    for (let from = ctx.window.from; from < end; from = addUtcDays(from, REPORT_CHUNK_DAYS)) {
      const to = new Date(Math.min(addUtcDays(from, REPORT_CHUNK_DAYS).getTime(), end.getTime()));
      if (utcDaysOverlapping(from, to).every((d) => ctx.finalDays.has(isoDay(d)))) continue;
      const report = await client.costReport(isoDay(from), isoDay(new Date(to.getTime() - 1)), ctx.signal);
      if (report === null) return null;
      rows.push(...report.map(mapCostRow));
    }
    return rows.filter((r) => r.chargePeriodStart >= ctx.window.from && r.chargePeriodStart < ctx.window.to);
  }

  return {
    provider: 'redis-cloud',
    label: 'Redis Cloud',
    ...schemas,
    defaultSchedule: '23 */6 * * *',
    defaultBackfillDays: 35,

    async test(config, testOptions) {
      return testConnection(schemas, config, async ({ settings, credentials }) => {
        const client = clientFor(settings, credentials, options.timeoutMs ?? TEST_TIMEOUT_MS);
        const pro = await client.listSubscriptions(testOptions?.signal);
        const essentials = await client.listFixedSubscriptions(testOptions?.signal);
        const count = pro.subscriptions.length + essentials.subscriptions.length;
        if (!count) return { status: 'no_data_yet', message: 'Connected, but the account has no subscriptions yet' };
        return {
          status: 'ok',
          message: `Connected to Redis Cloud account ${pro.accountId ?? essentials.accountId ?? ''}: ${pro.subscriptions.length} Pro and ${essentials.subscriptions.length} Essentials subscriptions`,
        };
      });
    },

    async fetch(config, ctx): Promise<TFetchResult> {
      const { settings, credentials } = parseConnectionConfig(schemas, config);
      const client = clientFor(settings, credentials);
      const result = emptyFetchResult();
      const pro = await client.listSubscriptions(ctx.signal);
      const essentials = await client.listFixedSubscriptions(ctx.signal);
      const accountId = String(pro.accountId ?? essentials.accountId ?? 'unknown');
      const sampleTs = new Date(Math.floor(ctx.now.getTime() / 60_000) * 60_000);
      const sampleNow = sampleTs >= ctx.window.from && sampleTs <= ctx.window.to;

      const subscriptions = [
        ...pro.subscriptions.map((s) => ({
          id: s.id,
          name: s.name,
          status: s.status,
          kind: 'pro' as const,
          monthlyPrice: monthlyPlanPrice(s.subscriptionPricing ?? []),
        })),
        ...essentials.subscriptions.map((s) => ({
          id: s.id,
          name: s.name,
          status: s.status,
          kind: 'essentials' as const,
          monthlyPrice: s.price != null ? { amount: numberToDecimal(s.price), currency: s.priceCurrency ?? 'USD' } : null,
        })),
      ].filter((s) => s.status === 'active');

      for (const subscription of subscriptions) {
        for (const db of await client.listDatabases(subscription.kind, subscription.id, ctx.signal)) {
          result.resources.push(mapDatabase(db, subscription));
          const sample = sampleNow ? mapDatabaseSample(db, databaseExternalId(subscription.id, db.databaseId), sampleTs) : null;
          if (sample) result.samples.push(sample);
        }
      }

      const report = await reportRows(client, ctx);
      if (report) {
        result.costs = report;
      } else {
        ctx.log('redis-cloud: no cost report for this account; using plan prices');
        const planCtx = { accountId, window: ctx.window, now: ctx.now };
        for (const s of pro.subscriptions.filter((s) => s.status === 'active')) result.costs.push(...proPlanCharges(s, planCtx));
        for (const s of essentials.subscriptions.filter((s) => s.status === 'active')) {
          result.costs.push(...essentialsPlanCharges(s, planCtx));
        }
      }
      result.apiRequests = client.requests;
      return result;
    },
  };
}

export const redisCloudConnector = createRedisCloudConnector();
