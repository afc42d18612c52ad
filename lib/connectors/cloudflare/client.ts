// Thin client over the Cloudflare API v4 (API token as a bearer): zones, plan subscriptions, and the
// GraphQL Analytics API, paced to its quota (300 queries per 5 minutes by default).
import { z } from 'zod';
import { abortableSleep, type TSleep } from '../backoff';
import { HttpClient, type THttpClientOptions, type THttpRequest } from '../http';
import { ConnectorError } from '../types';
import { ZCfSubscription, ZCfTrafficAnswer, ZCfZone, zCfEnvelope, type TCfDailyGroup, type TCfSubscription, type TCfZone } from './api-types';

export const CLOUDFLARE_DEFAULT_BASE_URL = 'https://api.cloudflare.com/client/v4';
const MAX_PAGES = 1000;
// Cloudflare error codes that mean the token is missing, malformed, invalid or lacks permission
const AUTH_CODES = /"code":\s*(6003|6111|9106|9109|10000|10001)\b/;

export const ZONE_TRAFFIC_QUERY = `query ZoneDailyTraffic($zoneTags: [string!], $since: Date!, $until: Date!, $limit: uint64!) {
  viewer {
    zones(filter: { zoneTag_in: $zoneTags }) {
      zoneTag
      httpRequests1dGroups(limit: $limit, filter: { date_geq: $since, date_lt: $until }, orderBy: [date_ASC]) {
        dimensions { date }
        sum { requests cachedRequests bytes cachedBytes }
      }
    }
  }
}`;

export type TCloudflareClientOptions = Omit<THttpClientOptions, 'provider' | 'baseUrl' | 'headers' | 'auth'> & {
  baseUrl?: string;
  apiToken: string;
  perPage?: number;
  // spacing between GraphQL queries; 1 s keeps within 300 per 5 minutes
  graphqlMinIntervalMs?: number;
  now?: () => number;
};

export class CloudflareClient {
  readonly http: HttpClient;
  private readonly perPage: number;
  private readonly minIntervalMs: number;
  private readonly sleep: TSleep;
  private readonly now: () => number;
  private lastGraphqlAt = -Infinity;

  constructor(options: TCloudflareClientOptions) {
    const { apiToken, baseUrl, perPage, graphqlMinIntervalMs, now, ...rest } = options;
    this.http = new HttpClient({
      ...rest,
      provider: 'Cloudflare',
      baseUrl: baseUrl ?? CLOUDFLARE_DEFAULT_BASE_URL,
      headers: { authorization: `Bearer ${apiToken}` },
    });
    this.perPage = perPage ?? 50;
    this.minIntervalMs = graphqlMinIntervalMs ?? 1000;
    this.sleep = rest.sleep ?? abortableSleep;
    this.now = now ?? Date.now;
  }

  get requests() {
    return this.http.requests;
  }

  private async call<T extends z.ZodType>(schema: T, req: THttpRequest): Promise<z.infer<T>> {
    try {
      return await this.http.json(schema, req);
    } catch (error) {
      if (error instanceof ConnectorError && error.status !== 'authentication_failed' && AUTH_CODES.test(error.message)) {
        throw new ConnectorError('authentication_failed', error.message, { cause: error });
      }
      throw error;
    }
  }

  // page/per_page paging until result_info says the last page was read
  async listZones(accountId: string | undefined, signal?: AbortSignal): Promise<TCfZone[]> {
    const schema = zCfEnvelope(z.array(ZCfZone));
    const zones: TCfZone[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await this.call(schema, {
        path: '/zones',
        query: { page, per_page: this.perPage, 'account.id': accountId },
        signal,
      });
      zones.push(...answer.result);
      const info = answer.result_info;
      const totalPages = info?.total_pages ?? (info?.total_count !== undefined ? Math.ceil(info.total_count / info.per_page) : page);
      if (!answer.result.length || page >= totalPages) break;
    }
    return zones;
  }

  // Null when the token may not read billing (the zone's plan then stands in).
  async zoneSubscription(zoneId: string, signal?: AbortSignal): Promise<TCfSubscription | null> {
    try {
      const answer = await this.call(zCfEnvelope(ZCfSubscription.nullable()), {
        path: `/zones/${encodeURIComponent(zoneId)}/subscription`,
        signal,
      });
      return answer.result;
    } catch (error) {
      if (error instanceof ConnectorError && /HTTP (403|404)/.test(error.message)) return null;
      throw error;
    }
  }

  async accountSubscriptions(accountId: string, signal?: AbortSignal): Promise<TCfSubscription[] | null> {
    try {
      const answer = await this.call(zCfEnvelope(z.array(ZCfSubscription)), {
        path: `/accounts/${encodeURIComponent(accountId)}/subscriptions`,
        signal,
      });
      return answer.result;
    } catch (error) {
      if (error instanceof ConnectorError && /HTTP (403|404)/.test(error.message)) return null;
      throw error;
    }
  }

  // Daily HTTP traffic of up to 10 zones (the GraphQL API's limit per query) over [since, until).
  async zoneDailyTraffic(
    zoneTags: string[],
    since: string,
    until: string,
    signal?: AbortSignal,
  ): Promise<Map<string, TCfDailyGroup[]>> {
    if (zoneTags.length > 10) throw new RangeError('at most 10 zones per GraphQL query');
    const maxAttempts = 5;
    for (let attempt = 0; ; attempt++) {
      const wait = this.lastGraphqlAt + this.minIntervalMs - this.now();
      if (wait > 0) await this.sleep(wait, signal);
      this.lastGraphqlAt = this.now();
      const answer = await this.call(ZCfTrafficAnswer, {
        method: 'POST',
        path: '/graphql',
        json: { query: ZONE_TRAFFIC_QUERY, variables: { zoneTags, since, until, limit: 10000 } },
        signal,
      });
      const errors = answer.errors ?? [];
      if (!errors.length && answer.data) {
        return new Map(answer.data.viewer.zones.map((z) => [z.zoneTag, z.httpRequests1dGroups]));
      }
      const text = errors.map((e) => e.message).join('; ') || 'no data and no error';
      // the GraphQL quota answers 200 with an error rather than 429
      if (/rate.?limit|budget|too many/i.test(text) && attempt + 1 < maxAttempts) {
        await this.sleep(this.http.backoffMs(attempt + 2), signal);
        continue;
      }
      if (/auth|not authori[sz]ed|permission|access/i.test(text)) {
        throw new ConnectorError('authentication_failed', `Cloudflare GraphQL refused the query: ${text}`);
      }
      if (/rate.?limit|budget|too many/i.test(text)) {
        throw new ConnectorError('unreachable', `Cloudflare GraphQL rate limit still exceeded after ${maxAttempts} attempts: ${text}`);
      }
      throw new ConnectorError('unexpected_response', `Cloudflare GraphQL answered with errors: ${text}`);
    }
  }
}
