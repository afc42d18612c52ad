// Cloudflare: zones → CDN resources, GraphQL daily HTTP traffic per zone → samples, and plan
// subscriptions → recurring purchases.
import { z } from 'zod';
import { ZHttpUrl } from '../http-url';
import { addUtcDays, isoDay, startOfUtcMonth, utcDaysOverlapping } from '../../dates';
import { parseConnectionConfig, TEST_TIMEOUT_MS, testConnection, type THttpConnectorOptions } from '../http';
import { ConnectorError, emptyFetchResult, type TConnector, type TFetchContext, type TFetchResult } from '../types';
import type { TCfZone } from './api-types';
import { CLOUDFLARE_DEFAULT_BASE_URL, CloudflareClient } from './client';
import { mapPlanCharges, mapTraffic, mapZone, planFromSubscription, planFromZone, type TPlanCharge } from './mapper';

export const ZCloudflareSettings = z.object({
  accountId: z.string().regex(/^[0-9a-f]{32}$/, 'must be the 32-hex-digit account id').optional(),
  // comma-separated zone ids; empty means every zone the token can read
  zones: z.string().regex(/^\s*([0-9a-f]{32}\s*(,\s*|$))*$/, 'must be comma-separated 32-hex-digit zone ids').optional(),
  baseUrl: ZHttpUrl.default(CLOUDFLARE_DEFAULT_BASE_URL),
});
export type TCloudflareSettings = z.infer<typeof ZCloudflareSettings>;

export const ZCloudflareCredentials = z.object({ apiToken: z.string().min(20, 'must be a Cloudflare API token') });
export type TCloudflareCredentials = z.infer<typeof ZCloudflareCredentials>;

export function parseZoneList(zones: string | undefined): string[] {
  return (zones ?? '')
    .split(',')
    .map((z) => z.trim())
    .filter(Boolean);
}

const ZONES_PER_QUERY = 10;
const DAYS_PER_QUERY = 31;

export type TCloudflareConnectorOptions = THttpConnectorOptions & { perPage?: number; graphqlMinIntervalMs?: number };

export function createCloudflareConnector(
  options: TCloudflareConnectorOptions = {},
): TConnector<TCloudflareSettings, TCloudflareCredentials> {
  const schemas = { settingsSchema: ZCloudflareSettings, credentialsSchema: ZCloudflareCredentials };
  const clientFor = (settings: TCloudflareSettings, credentials: TCloudflareCredentials, timeoutMs?: number) =>
    new CloudflareClient({ ...options, apiToken: credentials.apiToken, baseUrl: settings.baseUrl, timeoutMs: timeoutMs ?? options.timeoutMs });

  async function zonesInScope(client: CloudflareClient, settings: TCloudflareSettings, signal?: AbortSignal): Promise<TCfZone[]> {
    const zones = await client.listZones(settings.accountId, signal);
    const wanted = parseZoneList(settings.zones);
    if (!wanted.length) return zones;
    const missing = wanted.filter((id) => !zones.some((z) => z.id === id));
    if (missing.length) {
      throw new ConnectorError('invalid_configuration', `zones not found or not readable with this token: ${missing.join(', ')}`);
    }
    return zones.filter((z) => wanted.includes(z.id));
  }

  async function traffic(client: CloudflareClient, zones: TCfZone[], ctx: TFetchContext) {
    const days = utcDaysOverlapping(ctx.window.from, ctx.window.to < ctx.now ? ctx.window.to : ctx.now);
    const samples = [];
    for (let z = 0; z < zones.length; z += ZONES_PER_QUERY) {
      const batch = zones.slice(z, z + ZONES_PER_QUERY).map((zone) => zone.id);
      for (let d = 0; d < days.length; d += DAYS_PER_QUERY) {
        const chunk = days.slice(d, d + DAYS_PER_QUERY);
        const until = addUtcDays(chunk[chunk.length - 1], 1);
        const byZone = await client.zoneDailyTraffic(batch, isoDay(chunk[0]), isoDay(until), ctx.signal);
        for (const [zoneId, groups] of byZone) samples.push(...mapTraffic(zoneId, groups));
      }
    }
    return samples;
  }

  async function plans(client: CloudflareClient, settings: TCloudflareSettings, zones: TCfZone[], ctx: TFetchContext) {
    const found: TPlanCharge[] = [];
    const seen = new Set<string>();
    const anchor = startOfUtcMonth(ctx.now);
    for (const zone of zones) {
      const sub = await client.zoneSubscription(zone.id, ctx.signal);
      const plan = sub ? planFromSubscription(sub, zone, anchor) : planFromZone(zone, ctx.now);
      if (sub?.id) seen.add(sub.id);
      if (plan) found.push(plan);
    }
    if (settings.accountId) {
      const zoneIds = new Set(zones.map((z) => z.id));
      for (const sub of (await client.accountSubscriptions(settings.accountId, ctx.signal)) ?? []) {
        // zone plans were read per zone; zones out of scope are not this connection's
        if ((sub.id && seen.has(sub.id)) || (sub.zone && !zoneIds.has(sub.zone.id))) continue;
        const plan = planFromSubscription(sub, null, anchor);
        if (plan) found.push(plan);
      }
    }
    return found;
  }

  return {
    provider: 'cloudflare',
    label: 'Cloudflare',
    ...schemas,
    defaultSchedule: '41 */3 * * *',
    defaultBackfillDays: 35,

    async test(config, testOptions) {
      return testConnection(schemas, config, async ({ settings, credentials }) => {
        const client = clientFor(settings, credentials, options.timeoutMs ?? TEST_TIMEOUT_MS);
        const zones = await zonesInScope(client, settings, testOptions?.signal);
        if (!zones.length) return { status: 'no_data_yet', message: 'Connected, but the token sees no zones yet' };
        return { status: 'ok', message: `Connected to Cloudflare: ${zones.length} zones (${zones.slice(0, 3).map((z) => z.name).join(', ')}${zones.length > 3 ? ', …' : ''})` };
      });
    },

    async fetch(config, ctx): Promise<TFetchResult> {
      const { settings, credentials } = parseConnectionConfig(schemas, config);
      const client = clientFor(settings, credentials);
      const result = emptyFetchResult();
      const zones = await zonesInScope(client, settings, ctx.signal);
      result.resources = zones.map(mapZone);
      if (zones.length) result.samples = await traffic(client, zones, ctx);
      const accountId = settings.accountId ?? zones[0]?.account?.id ?? 'unknown';
      for (const plan of await plans(client, settings, zones, ctx)) {
        result.costs.push(...mapPlanCharges(plan, { accountId, window: ctx.window, now: ctx.now }));
      }
      result.apiRequests = client.requests;
      ctx.log('cloudflare fetch done', { zones: zones.length, samples: result.samples.length, costs: result.costs.length });
      return result;
    },
  };
}

export const cloudflareConnector = createCloudflareConnector();
