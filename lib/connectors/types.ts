// The contract every provider connector implements. Connectors read from providers and return
// FOCUS-shaped records, resources and samples; they never touch the database (ingestion does).
import type { z } from 'zod';
import type { TFocusRecord, TResourceInput, TSampleInput } from '../focus/types';
import { scrubAuthLike } from './scrub';

export const PROVIDERS = ['aws', 'atlas', 'redis-cloud', 'redis', 'cloudflare', 'prometheus'] as const;
export type TProvider = (typeof PROVIDERS)[number];

// What a Test connection tells the user, and so what to fix.
export const CONNECTION_STATUSES = [
  'ok',
  'invalid_configuration',
  'authentication_failed',
  'unreachable',
  'unexpected_response',
  'no_data_yet',
] as const;
export type TConnectionStatusCode = (typeof CONNECTION_STATUSES)[number];
export type TConnectionStatus = { status: TConnectionStatusCode; message: string };

// Facts a provider computes that are not cost rows: forecasts, its own recommendations, coverage.
export type TProviderInsight = {
  kind: string; // e.g. 'aws.forecast', 'aws.ri-recommendation', 'aws.sp-recommendation', 'aws.ri-coverage'
  key: string; // identifies the insight within its kind, for idempotent replacement
  periodStart?: Date | null;
  periodEnd?: Date | null;
  payload: unknown; // as the provider returned it (validated by the connector's schema)
};

export type TFetchWindow = { from: Date; to: Date }; // [from, to), UTC

export type TFetchContext = {
  window: TFetchWindow;
  now: Date;
  // days (YYYY-MM-DD) already stored as final for this connection: a connector need not ask again
  finalDays: ReadonlySet<string>;
  signal?: AbortSignal;
  log: (message: string, fields?: Record<string, unknown>) => void;
};

export type TFetchResult = {
  costs: TFocusRecord[];
  resources: TResourceInput[];
  samples: TSampleInput[];
  insights: TProviderInsight[];
  // what the fetch cost in provider API calls (Cost Explorer bills $0.01 a request)
  apiRequests: number;
  apiCost: { amount: string; currency: string };
};

export type TConnectionConfig<S, C> = { settings: S; credentials: C };

export interface TConnector<S = unknown, C = unknown> {
  provider: TProvider;
  label: string;
  settingsSchema: z.ZodType<S>;
  credentialsSchema: z.ZodType<C>;
  // how often a scheduled sync runs by default (cron), and how far back the first sync reaches
  defaultSchedule: string;
  defaultBackfillDays: number;
  test(config: TConnectionConfig<S, C>, options?: { signal?: AbortSignal }): Promise<TConnectionStatus>;
  fetch(config: TConnectionConfig<S, C>, ctx: TFetchContext): Promise<TFetchResult>;
}

// Raised by connectors: the status code tells the user what to fix; the message is the provider's,
// with anything Authorization-shaped taken out (a provider may echo the request's headers back).
// The connection's own credential values are scrubbed where the connector is called (registry.ts).
export class ConnectorError extends Error {
  // provider API calls made before it failed (a sync's run log counts them, and AWS bills them)
  apiRequests?: number;

  constructor(
    readonly status: Exclude<TConnectionStatusCode, 'ok'>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(scrubAuthLike(message), options);
    this.name = 'ConnectorError';
  }
}

export function emptyFetchResult(): TFetchResult {
  return { costs: [], resources: [], samples: [], insights: [], apiRequests: 0, apiCost: { amount: '0', currency: 'USD' } };
}
