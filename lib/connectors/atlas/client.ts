// Thin client over the Atlas Administration API v2. Direct v2 calls throughout (rather than
// mongodb-atlas-api-client): that package covers neither invoices nor process measurements, and one
// code path for auth, paging, versioning and rate limits is simpler than two.
import { z } from 'zod';
import { HttpClient, type TAuthAttempt, type THttpAuth, type THttpClientOptions, type THttpResponse } from '../http';
import { ConnectorError } from '../types';
import {
  ZAtlasCluster,
  ZAtlasInvoice,
  ZAtlasInvoiceMetadata,
  ZAtlasMeasurements,
  ZAtlasProcess,
  ZAtlasProject,
  ZAtlasToken,
  zAtlasPage,
} from './api-types';
import { DigestAuth } from './digest';

export const ATLAS_DEFAULT_BASE_URL = 'https://cloud.mongodb.com';
const V2023 = 'application/vnd.atlas.2023-01-01+json';
const V2024 = 'application/vnd.atlas.2024-08-05+json';
const MAX_PAGES = 1000;

export type TAtlasAuthInput =
  | { kind: 'digest'; publicKey: string; privateKey: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string };

// Service-account client credentials: a bearer token from /api/oauth/token, renewed before expiry
// and once more if the API rejects it.
class AtlasOAuth implements THttpAuth {
  private token: { value: string; expiresAt: number } | null = null;
  constructor(
    private readonly http: () => HttpClient,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {}

  private async fetchToken(signal?: AbortSignal) {
    const basic = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64');
    let answer: z.infer<typeof ZAtlasToken>;
    try {
      answer = await this.http().json(ZAtlasToken, {
        method: 'POST',
        path: '/api/oauth/token',
        headers: {
          accept: 'application/json',
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
        skipAuth: true,
        signal,
      });
    } catch (error) {
      // the token endpoint answers 400 invalid_client as well as 401 for a wrong id or secret
      if (error instanceof ConnectorError && /HTTP 40[01]/.test(error.message)) {
        throw new ConnectorError('authentication_failed', error.message, { cause: error });
      }
      throw error;
    }
    const ttlMs = (answer.expires_in ?? 3600) * 1000;
    this.token = { value: answer.access_token, expiresAt: Date.now() + Math.max(ttlMs - 60_000, ttlMs / 2) };
  }

  async apply(attempt: TAuthAttempt, signal?: AbortSignal): Promise<void> {
    if (!this.token || Date.now() >= this.token.expiresAt) await this.fetchToken(signal);
    attempt.headers.set('authorization', `Bearer ${this.token!.value}`);
  }

  async onUnauthorized(_response: THttpResponse, attempt: TAuthAttempt): Promise<boolean> {
    if (attempt.state.tokenRenewed) return false;
    attempt.state.tokenRenewed = true;
    this.token = null;
    return true;
  }
}

export type TAtlasClientOptions = Omit<THttpClientOptions, 'provider' | 'baseUrl' | 'auth'> & {
  baseUrl?: string;
  auth: TAtlasAuthInput;
};

export class AtlasClient {
  readonly http: HttpClient;

  constructor(options: TAtlasClientOptions) {
    const { auth, baseUrl, ...rest } = options;
    const scheme: THttpAuth =
      auth.kind === 'digest'
        ? new DigestAuth(auth.publicKey, auth.privateKey)
        : new AtlasOAuth(() => this.http, auth.clientId, auth.clientSecret);
    this.http = new HttpClient({
      ...rest,
      provider: 'MongoDB Atlas',
      baseUrl: baseUrl ?? ATLAS_DEFAULT_BASE_URL,
      headers: { accept: V2023 },
      auth: scheme,
    });
  }

  get requests() {
    return this.http.requests;
  }

  // Walks pageNum until the answer has no rel=next link and the total (when given) is reached.
  async listAll<T extends z.ZodType>(
    path: string,
    item: T,
    options: { query?: Record<string, string | number | string[]>; accept?: string; pageSize?: number; signal?: AbortSignal } = {},
  ): Promise<z.infer<T>[]> {
    const schema = zAtlasPage(item);
    const pageSize = options.pageSize ?? 500;
    const all: z.infer<T>[] = [];
    for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
      const page = await this.http.json(schema, {
        path,
        query: { ...options.query, pageNum, itemsPerPage: pageSize, includeCount: true },
        headers: options.accept ? { accept: options.accept } : undefined,
        signal: options.signal,
      });
      all.push(...page.results);
      const hasNext = page.links?.some((l) => l.rel === 'next') ?? false;
      const short = page.totalCount !== undefined && all.length < page.totalCount;
      if (!page.results.length || (!hasNext && !short)) break;
    }
    return all;
  }

  countOf(path: string, signal?: AbortSignal) {
    return this.http.json(zAtlasPage(z.unknown()), {
      path,
      query: { pageNum: 1, itemsPerPage: 1, includeCount: true },
      signal,
    });
  }

  listInvoices(orgId: string, fromDate: string | undefined, signal?: AbortSignal) {
    return this.listAll(`/api/atlas/v2/orgs/${encodeURIComponent(orgId)}/invoices`, ZAtlasInvoiceMetadata, {
      query: fromDate ? { fromDate } : {},
      pageSize: 100,
      signal,
    });
  }

  getInvoice(orgId: string, invoiceId: string, signal?: AbortSignal) {
    return this.http.json(ZAtlasInvoice, {
      path: `/api/atlas/v2/orgs/${encodeURIComponent(orgId)}/invoices/${encodeURIComponent(invoiceId)}`,
      signal,
    });
  }

  // The invoice accruing now; Atlas answers 404 when the organisation has none yet.
  async getPendingInvoice(orgId: string, signal?: AbortSignal) {
    try {
      return await this.http.json(ZAtlasInvoice, {
        path: `/api/atlas/v2/orgs/${encodeURIComponent(orgId)}/invoices/pending`,
        signal,
      });
    } catch (error) {
      if (error instanceof ConnectorError && error.status === 'invalid_configuration' && /HTTP 404/.test(error.message)) {
        return null;
      }
      throw error;
    }
  }

  listProjects(signal?: AbortSignal) {
    return this.listAll('/api/atlas/v2/groups', ZAtlasProject, { signal });
  }

  listClusters(groupId: string, signal?: AbortSignal) {
    return this.listAll(`/api/atlas/v2/groups/${encodeURIComponent(groupId)}/clusters`, ZAtlasCluster, {
      accept: V2024,
      signal,
    });
  }

  listProcesses(groupId: string, signal?: AbortSignal) {
    return this.listAll(`/api/atlas/v2/groups/${encodeURIComponent(groupId)}/processes`, ZAtlasProcess, { signal });
  }

  listDisks(groupId: string, processId: string, signal?: AbortSignal) {
    return this.listAll(
      `/api/atlas/v2/groups/${encodeURIComponent(groupId)}/processes/${encodeURIComponent(processId)}/disks`,
      z.object({ partitionName: z.string() }),
      { signal },
    );
  }

  processMeasurements(
    groupId: string,
    processId: string,
    metrics: readonly string[],
    range: { start: Date; end: Date },
    signal?: AbortSignal,
  ) {
    return this.http.json(ZAtlasMeasurements, {
      path: `/api/atlas/v2/groups/${encodeURIComponent(groupId)}/processes/${encodeURIComponent(processId)}/measurements`,
      query: { granularity: 'PT1H', start: range.start.toISOString(), end: range.end.toISOString(), m: metrics },
      signal,
    });
  }

  diskMeasurements(
    groupId: string,
    processId: string,
    partition: string,
    metrics: readonly string[],
    range: { start: Date; end: Date },
    signal?: AbortSignal,
  ) {
    return this.http.json(ZAtlasMeasurements, {
      path:
        `/api/atlas/v2/groups/${encodeURIComponent(groupId)}/processes/${encodeURIComponent(processId)}` +
        `/disks/${encodeURIComponent(partition)}/measurements`,
      query: { granularity: 'PT1H', start: range.start.toISOString(), end: range.end.toISOString(), m: metrics },
      signal,
    });
  }
}
