// The HTTP plumbing the API connectors share: base URL, timeouts, retries with capped exponential
// backoff and jitter (HTTP 429 Retry-After honoured), request counting, and failures turned into
// ConnectorError with the contract's status so the user knows what to fix.
import type { z } from 'zod';
import { abortableSleep, equalJitterDelay, type TSleep } from './backoff';
import { NETWORK_ERROR_CODES } from './network-errors';
import { scrubValues, secretForms } from './scrub';
import { ConnectorError, type TConnectionConfig, type TConnectionStatus, type TConnectionStatusCode } from './types';

export type TQueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

export type THttpRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  // relative to the base URL ('/groups'), or an absolute URL
  path: string;
  query?: Record<string, TQueryValue>;
  headers?: Record<string, string>;
  // sent as JSON with content-type application/json
  json?: unknown;
  // sent as is (set the content-type header yourself)
  body?: string;
  signal?: AbortSignal;
  // for the token endpoint of an OAuth scheme, which must not itself be authorised
  skipAuth?: boolean;
};

export type THttpResponse = { status: number; headers: Headers; text: string; url: string };

// What an auth scheme sees of one attempt; `state` lives as long as the request (all its attempts).
export type TAuthAttempt = { method: string; url: URL; headers: Headers; state: Record<string, unknown> };

export interface THttpAuth {
  apply(attempt: TAuthAttempt, signal?: AbortSignal): Promise<void>;
  // Called on HTTP 401: true when another attempt may succeed (a fresh digest challenge, an expired token).
  onUnauthorized?(response: THttpResponse, attempt: TAuthAttempt): Promise<boolean>;
}

export type THttpClientOptions = {
  provider: string; // 'MongoDB Atlas', used in messages
  baseUrl: string;
  headers?: Record<string, string>;
  auth?: THttpAuth;
  timeoutMs?: number; // per attempt, default 30 s
  maxRetries?: number; // for 429 and 5xx, default 5
  maxNetworkRetries?: number; // for refused/reset/timed-out connections, default 2
  baseDelayMs?: number; // default 500 ms
  maxDelayMs?: number; // cap of the exponential backoff, default 30 s
  maxRetryAfterMs?: number; // a Retry-After longer than this fails the request instead, default 5 min
  sleep?: TSleep;
  random?: () => number;
};

// The status a provider's HTTP error means for the user.
export function statusForHttp(status: number): Exclude<TConnectionStatusCode, 'ok' | 'no_data_yet'> {
  if (status === 401 || status === 403) return 'authentication_failed';
  if (status === 404) return 'invalid_configuration';
  if (status === 408 || status === 429 || status >= 500) return 'unreachable';
  return 'unexpected_response';
}

function networkReason(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}

// Parses Retry-After (delta-seconds or an HTTP date) into milliseconds.
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

// Summarises zod issues as 'path.to.field: message' so a malformed payload names its field.
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : '';
  return parts.join('; ') + more;
}

// Headers whose values are secrets: the token, key or signature itself, or what a scheme derives
// from it (an OAuth access token, a digest response).
const SECRET_HEADER = /auth|key|token|secret|cookie|signature|credential|password/i;

// The forms in which the secret headers of one attempt could come back in an answer: each value,
// the part after its scheme name ("Bearer x" → x), and what a Basic value decodes to.
export function sentSecretForms(headers: Headers): string[] {
  const values: string[] = [];
  headers.forEach((value, name) => {
    if (!SECRET_HEADER.test(name) || !value) return;
    values.push(value);
    const scheme = /^([A-Za-z0-9-]+)\s+(\S+)$/.exec(value);
    if (scheme) {
      values.push(scheme[2]);
      if (/^basic$/i.test(scheme[1])) values.push(...Buffer.from(scheme[2], 'base64').toString('utf8').split(':'));
    }
  });
  return secretForms(values);
}

// An excerpt of an answer's body for an error message, with the request's own secrets taken out
// before it is cut (so no half of a secret survives at the cut).
function excerpt(text: string, max = 300, forms: readonly string[] = []): string {
  const flat = scrubValues(text, forms).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export class HttpClient {
  // provider API calls sent, retries and auth challenges included
  requests = 0;
  // every secret header value this client has sent, in the forms an answer could echo them
  private sentForms: string[] = [];
  readonly provider: string;
  readonly baseUrl: string;
  private readonly opts: Required<Omit<THttpClientOptions, 'auth' | 'headers'>> &
    Pick<THttpClientOptions, 'auth' | 'headers'>;

  constructor(options: THttpClientOptions) {
    this.provider = options.provider;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.opts = {
      timeoutMs: 30_000,
      maxRetries: 5,
      maxNetworkRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 5 * 60_000,
      sleep: abortableSleep,
      random: Math.random,
      // an option given as undefined keeps its default
      ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as THttpClientOptions),
    };
  }

  url(path: string, query?: Record<string, TQueryValue>): URL {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(this.baseUrl + (path.startsWith('/') ? path : `/${path}`));
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
      else url.searchParams.set(key, String(value));
    }
    return url;
  }

  // Equal-jitter exponential backoff: half the capped delay is fixed, the other half random.
  backoffMs(attempt: number): number {
    return equalJitterDelay(attempt, this.opts);
  }

  // Bounded: a digest header differs on every request (its nonce count), and the generic
  // Authorization patterns of ConnectorError cover those; the static secrets come first and stay.
  private rememberSecrets(headers: Headers) {
    const forms = sentSecretForms(headers).filter((f) => !this.sentForms.includes(f));
    if (!forms.length || this.sentForms.length >= 256) return;
    this.sentForms = [...this.sentForms, ...forms].sort((a, b) => b.length - a.length);
  }

  describe(method: string, url: URL): string {
    return `${method} ${url.pathname}`;
  }

  // The requests this client has sent so far go with every error it raises (apiRequests), so that a
  // failed sync still says what it asked the provider, retries included.
  async request(req: THttpRequest): Promise<THttpResponse> {
    try {
      return await this.send(req);
    } catch (error) {
      throw this.counted(error);
    }
  }

  private counted(error: unknown): unknown {
    if (error instanceof ConnectorError) error.apiRequests = this.requests;
    return error;
  }

  private async send(req: THttpRequest): Promise<THttpResponse> {
    const method = req.method ?? 'GET';
    const url = this.url(req.path, req.query);
    const what = `${this.provider} ${this.describe(method, url)}`;
    let retries = 0;
    let networkRetries = 0;
    let authRetries = 0;
    const state: Record<string, unknown> = {};
    const auth = req.skipAuth ? undefined : this.opts.auth;

    for (;;) {
      const headers = new Headers({ accept: 'application/json', ...this.opts.headers, ...req.headers });
      let body: string | undefined = req.body;
      if (req.json !== undefined) {
        body = JSON.stringify(req.json);
        if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      }
      const attempt: TAuthAttempt = { method, url, headers, state };
      if (auth) await auth.apply(attempt, req.signal);
      this.rememberSecrets(headers);

      const timeout = AbortSignal.timeout(this.opts.timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      let response: THttpResponse;
      this.requests += 1;
      try {
        const res = await fetch(url, { method, headers, body, signal, redirect: 'follow' });
        response = { status: res.status, headers: res.headers, text: await res.text(), url: res.url };
      } catch (error) {
        if (req.signal?.aborted) throw req.signal.reason ?? error;
        const reason = timeout.aborted ? `no answer within ${Math.round(this.opts.timeoutMs / 1000)} s` : networkReason(error);
        if (networkRetries < this.opts.maxNetworkRetries) {
          await this.opts.sleep(this.backoffMs(networkRetries++), req.signal);
          continue;
        }
        throw new ConnectorError('unreachable', `${this.provider} is unreachable at ${url.origin} (${reason})`, {
          cause: error,
        });
      }

      if (response.status >= 200 && response.status < 300) return response;

      if (response.status === 401 && auth?.onUnauthorized && authRetries < 2) {
        if (await auth.onUnauthorized(response, attempt)) {
          authRetries += 1;
          continue;
        }
      }

      if (response.status === 429 || response.status === 503 || response.status >= 500) {
        if (retries < this.opts.maxRetries) {
          const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
          const wait = retryAfter ?? this.backoffMs(retries);
          if (wait <= this.opts.maxRetryAfterMs) {
            retries += 1;
            await this.opts.sleep(wait, req.signal);
            continue;
          }
        }
        const why = response.status === 429 ? 'rate limited' : `HTTP ${response.status}`;
        const echoed = response.text ? `: ${excerpt(response.text, 300, this.sentForms)}` : '';
        throw new ConnectorError('unreachable', `${what}: ${why} after ${retries + 1} attempts${echoed}`);
      }

      const status = statusForHttp(response.status);
      const hint =
        status === 'authentication_failed'
          ? 'credentials rejected'
          : status === 'invalid_configuration'
            ? 'not found (check the ids and base URL)'
            : 'request refused';
      const echoed = response.text ? `: ${excerpt(response.text, 300, this.sentForms)}` : '';
      throw new ConnectorError(status, `${what}: HTTP ${response.status}, ${hint}${echoed}`);
    }
  }

  parseJson(response: THttpResponse, label: string): unknown {
    try {
      return JSON.parse(response.text);
    } catch (error) {
      throw new ConnectorError(
        'unexpected_response',
        `${this.provider} ${label}: the response is not JSON: ${excerpt(response.text, 120, this.sentForms)}`,
        { cause: error },
      );
    }
  }

  // Sends the request and validates the JSON answer against the provider's schema.
  async json<T extends z.ZodType>(schema: T, req: THttpRequest): Promise<z.infer<T>> {
    const response = await this.request(req);
    const label = this.describe(req.method ?? 'GET', this.url(req.path));
    try {
      return parsePayload(schema, this.parseJson(response, label), `${this.provider} ${label}`);
    } catch (error) {
      throw this.counted(error);
    }
  }
}

export function parsePayload<T extends z.ZodType>(schema: T, value: unknown, label: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ConnectorError('unexpected_response', `${label}: unexpected response: ${describeIssues(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

// Turns any failure of a test() into the status it reports.
export function statusFromError(error: unknown): { status: Exclude<TConnectionStatusCode, 'ok'>; message: string } {
  if (error instanceof ConnectorError) return { status: error.status, message: error.message };
  return { status: 'unexpected_response', message: error instanceof Error ? error.message : String(error) };
}

// Validates a connection's settings and credentials; a failure names the field (never its value).
export function parseConnectionConfig<S, C>(
  schemas: { settingsSchema: z.ZodType<S>; credentialsSchema: z.ZodType<C> },
  config: { settings: unknown; credentials: unknown },
): { settings: S; credentials: C } {
  const settings = schemas.settingsSchema.safeParse(config.settings ?? {});
  if (!settings.success) {
    throw new ConnectorError('invalid_configuration', `settings: ${describeIssues(settings.error)}`);
  }
  const credentials = schemas.credentialsSchema.safeParse(config.credentials ?? {});
  if (!credentials.success) {
    throw new ConnectorError('invalid_configuration', `credentials: ${describeIssues(credentials.error)}`);
  }
  return { settings: settings.data, credentials: credentials.data };
}

// What the API connectors pass through to their HttpClient, so tests can inject time and chance.
export type THttpConnectorOptions = { sleep?: TSleep; timeoutMs?: number; random?: () => number };

// A Test connection is someone waiting at a form: each request gets less time than during a sync.
export const TEST_TIMEOUT_MS = 15_000;

// A connector's test(): the check runs on the validated settings and credentials, and any failure,
// invalid configuration included, becomes the status it reports instead of an exception.
export async function testConnection<S, C>(
  schemas: { settingsSchema: z.ZodType<S>; credentialsSchema: z.ZodType<C> },
  config: TConnectionConfig<unknown, unknown>,
  check: (config: { settings: S; credentials: C }) => Promise<TConnectionStatus>,
): Promise<TConnectionStatus> {
  try {
    return await check(parseConnectionConfig(schemas, config));
  } catch (error) {
    return statusFromError(error);
  }
}
