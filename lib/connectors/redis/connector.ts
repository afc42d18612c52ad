// Live Redis servers (any redis:// or rediss:// URL: self-hosted, ElastiCache, Redis Enterprise):
// each sync reads INFO once and records memory against maxmemory, throughput, hit ratio, evictions
// and clients. Nothing can be read back in time, so a sync samples now.
import { z } from 'zod';
import { parseConnectionConfig, parsePayload, testConnection } from '../http';
import { emptyFetchResult, type TConnector, type TFetchResult } from '../types';
import { parseInfoText, ZRedisInfo } from './api-types';
import { describeEndpoint, readInfo } from './client';
import { mapRedisResource, mapRedisSamples, redisExternalId } from './mapper';

export const ZRedisSettings = z.object({
  // the resource's name; default the host
  name: z.string().min(1).optional(),
  sampleEveryMinutes: z.coerce.number().int().min(1).max(60).default(5),
});
export type TRedisSettings = z.infer<typeof ZRedisSettings>;

// The URL is a credential: it carries the password (redis://user:password@host:6379/0).
export const ZRedisCredentials = z.object({
  url: z
    .string()
    .refine((u) => URL.canParse(u) && /^rediss?:$/.test(new URL(u).protocol), 'must be a redis:// or rediss:// URL'),
});
export type TRedisCredentials = z.infer<typeof ZRedisCredentials>;

// The cron a connection's schedule should use for its sampling interval.
export function redisSchedule(settings: Pick<TRedisSettings, 'sampleEveryMinutes'>): string {
  const every = settings.sampleEveryMinutes;
  return every >= 60 ? '0 * * * *' : `*/${every} * * * *`;
}

export type TRedisConnectorOptions = { timeoutMs?: number };

export function createRedisConnector(options: TRedisConnectorOptions = {}): TConnector<TRedisSettings, TRedisCredentials> {
  const schemas = { settingsSchema: ZRedisSettings, credentialsSchema: ZRedisCredentials };
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function sample(credentials: TRedisCredentials, signal?: AbortSignal) {
    const endpoint = describeEndpoint(credentials.url);
    const text = await readInfo(credentials.url, { timeoutMs, signal });
    const info = parsePayload(ZRedisInfo, parseInfoText(text), `Redis at ${endpoint.host}:${endpoint.port} INFO`);
    return { endpoint, info };
  }

  return {
    provider: 'redis',
    label: 'Redis',
    ...schemas,
    defaultSchedule: redisSchedule({ sampleEveryMinutes: 5 }),
    defaultBackfillDays: 0,

    async test(config, testOptions) {
      return testConnection(schemas, config, async ({ credentials }) => {
        const { endpoint, info } = await sample(credentials, testOptions?.signal);
        const bound = info.maxmemory > 0 ? `maxmemory ${info.maxmemory} bytes` : 'no maxmemory set';
        return {
          status: 'ok',
          message: `Connected to Redis ${info.redis_version} at ${endpoint.host}:${endpoint.port}: ${info.used_memory} bytes used, ${bound}`,
        };
      });
    },

    async fetch(config, ctx): Promise<TFetchResult> {
      const { settings, credentials } = parseConnectionConfig(schemas, config);
      const { endpoint, info } = await sample(credentials, ctx.signal);
      const result = emptyFetchResult();
      const resource = mapRedisResource(info, endpoint, settings.name ?? endpoint.host);
      result.resources.push(resource);
      // one sample per minute at most, so a re-run within the minute replaces rather than adds
      const ts = new Date(Math.floor(ctx.now.getTime() / 60_000) * 60_000);
      if (ts >= ctx.window.from && ts <= ctx.window.to) {
        result.samples.push(...mapRedisSamples(info, redisExternalId(endpoint), ts));
      } else {
        ctx.log('redis: the window is in the past; live INFO cannot fill it', { from: ctx.window.from, to: ctx.window.to });
      }
      ctx.log('redis sampled', { resource: resource.externalId, usedMemory: info.used_memory });
      return result;
    },
  };
}

export const redisConnector = createRedisConnector();
