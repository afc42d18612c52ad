// Thin client over @aws-sdk/client-cost-explorer: one method per operation the connector uses.
// It owns what every call needs: throttling retries (ours, not the SDK's, so each attempt is
// counted), the request count Cost Explorer bills ($0.01 each), error mapping and payload checks.
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostForecastCommand,
  GetReservationCoverageCommand,
  GetReservationPurchaseRecommendationCommand,
  GetReservationUtilizationCommand,
  GetSavingsPlansPurchaseRecommendationCommand,
  type GetCostAndUsageCommandInput,
  type GetCostForecastCommandInput,
  type GetReservationCoverageCommandInput,
  type GetReservationPurchaseRecommendationCommandInput,
  type GetReservationUtilizationCommandInput,
  type GetSavingsPlansPurchaseRecommendationCommandInput,
} from '@aws-sdk/client-cost-explorer';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { z } from 'zod';
import { ConnectorError } from '../types';
import {
  ZGetCostAndUsageResponse,
  ZGetCostForecastResponse,
  ZGetReservationCoverageResponse,
  ZGetReservationPurchaseRecommendationResponse,
  ZGetReservationUtilizationResponse,
  ZGetSavingsPlansPurchaseRecommendationResponse,
  type TGetCostAndUsageResponse,
  type TGetCostForecastResponse,
} from './api-types';
import { scrubError, secretForms } from '../scrub';
import { isThrottling, payloadError, toConnectorError } from './errors';
import { DEFAULT_RETRY, withRetry, type TRetryPolicy } from './retry';
import type { TAwsCredentials, TAwsSettings } from './settings';

export const COST_METRICS = ['UnblendedCost', 'AmortizedCost', 'UsageQuantity'];

export type TCostExplorerApiOptions = {
  settings: TAwsSettings;
  credentials: TAwsCredentials;
  retry?: Partial<TRetryPolicy>;
  signal?: AbortSignal;
  log?: (message: string, fields?: Record<string, unknown>) => void;
};

type TSend = (options: { abortSignal?: AbortSignal }) => Promise<object>;
type TPaged = { NextPageToken?: string };

export class CostExplorerApi {
  // requests that reached Cost Explorer (each one billed), throttled attempts included
  requests = 0;
  private readonly client: CostExplorerClient;
  private readonly retry: TRetryPolicy;

  constructor(private readonly options: TCostExplorerApiOptions) {
    const { settings, credentials } = options;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.client = new CostExplorerClient({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      credentials: credentialProvider(settings, credentials),
      maxAttempts: 1,
    });
  }

  destroy() {
    this.client.destroy();
  }

  getCostAndUsagePage(input: GetCostAndUsageCommandInput): Promise<TGetCostAndUsageResponse> {
    return this.call('GetCostAndUsage', (o) => this.client.send(new GetCostAndUsageCommand(input), o), ZGetCostAndUsageResponse).then((r) => r.data);
  }

  // Every page of a GetCostAndUsage query, in order.
  async getCostAndUsage(input: GetCostAndUsageCommandInput): Promise<TGetCostAndUsageResponse[]> {
    return this.allPages('GetCostAndUsage', (token) => this.getCostAndUsagePage({ ...input, NextPageToken: token }));
  }

  getCostForecast(input: GetCostForecastCommandInput): Promise<{ data: TGetCostForecastResponse; raw: unknown }> {
    return this.call('GetCostForecast', (o) => this.client.send(new GetCostForecastCommand(input), o), ZGetCostForecastResponse);
  }

  // All pages merged into one payload shaped like a single response.
  async getReservationPurchaseRecommendation(input: GetReservationPurchaseRecommendationCommandInput) {
    const pages = await this.allPages('GetReservationPurchaseRecommendation', (token) =>
      this.call(
        'GetReservationPurchaseRecommendation',
        (o) => this.client.send(new GetReservationPurchaseRecommendationCommand({ ...input, NextPageToken: token }), o),
        ZGetReservationPurchaseRecommendationResponse,
      ).then((r) => r.data),
    );
    return { Metadata: pages[0]?.Metadata, Recommendations: pages.flatMap((p) => p.Recommendations ?? []) };
  }

  async getSavingsPlansPurchaseRecommendation(input: GetSavingsPlansPurchaseRecommendationCommandInput) {
    const pages = await this.allPages('GetSavingsPlansPurchaseRecommendation', (token) =>
      this.call(
        'GetSavingsPlansPurchaseRecommendation',
        (o) => this.client.send(new GetSavingsPlansPurchaseRecommendationCommand({ ...input, NextPageToken: token }), o),
        ZGetSavingsPlansPurchaseRecommendationResponse,
      ).then((r) => r.data),
    );
    const first = pages[0];
    const details = pages.flatMap(
      (p) => (p.SavingsPlansPurchaseRecommendation?.SavingsPlansPurchaseRecommendationDetails as unknown[]) ?? [],
    );
    return {
      Metadata: first?.Metadata,
      SavingsPlansPurchaseRecommendation: first?.SavingsPlansPurchaseRecommendation
        ? { ...first.SavingsPlansPurchaseRecommendation, SavingsPlansPurchaseRecommendationDetails: details }
        : undefined,
    };
  }

  async getReservationUtilization(input: GetReservationUtilizationCommandInput) {
    const pages = await this.allPages('GetReservationUtilization', (token) =>
      this.call(
        'GetReservationUtilization',
        (o) => this.client.send(new GetReservationUtilizationCommand({ ...input, NextPageToken: token }), o),
        ZGetReservationUtilizationResponse,
      ).then((r) => r.data),
    );
    return { UtilizationsByTime: pages.flatMap((p) => p.UtilizationsByTime), Total: pages.at(-1)?.Total };
  }

  async getReservationCoverage(input: GetReservationCoverageCommandInput) {
    const pages = await this.allPages('GetReservationCoverage', (token) =>
      this.call(
        'GetReservationCoverage',
        (o) => this.client.send(new GetReservationCoverageCommand({ ...input, NextPageToken: token }), o),
        ZGetReservationCoverageResponse,
      ).then((r) => r.data),
    );
    return { CoveragesByTime: pages.flatMap((p) => p.CoveragesByTime), Total: pages.at(-1)?.Total };
  }

  private async allPages<T extends TPaged>(operation: string, page: (token?: string) => Promise<T>): Promise<T[]> {
    const pages: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const result = await page(token);
      pages.push(result);
      token = result.NextPageToken || undefined;
      if (token && seen.has(token))
        throw new ConnectorError('unexpected_response', `${operation} returned the same NextPageToken twice`);
      if (token) seen.add(token);
    } while (token);
    return pages;
  }

  private async call<S extends z.ZodType>(
    operation: string,
    send: TSend,
    schema: S,
  ): Promise<{ data: z.infer<S>; raw: unknown }> {
    const { signal, log } = this.options;
    let output: Record<string, unknown>;
    try {
      output = await withRetry(
        async () => {
          try {
            return (await send({ abortSignal: signal })) as Record<string, unknown>;
          } catch (e) {
            // answered (even with an error) means billed; a refused connection is not
            if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined) this.requests++;
            throw e;
          }
        },
        isThrottling,
        this.retry,
        signal,
        ({ retry, delayMs, error }) =>
          log?.(`${operation} throttled, retrying`, { retry, delayMs, error: (error as Error).name }),
      );
    } catch (e) {
      // the SDK's message may quote what an endpoint echoed: none of the keys leave in it
      throw scrubError(toConnectorError(e, operation), secretForms(this.options.credentials));
    }
    this.requests++;
    const { $metadata: _metadata, ...raw } = output;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw payloadError(operation, parsed.error);
    return { data: parsed.data, raw };
  }
}

// A key pair as given, or the role assumed with it (or with the machine's default credentials).
function credentialProvider(
  settings: TAwsSettings,
  credentials: TAwsCredentials,
): AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined {
  const keys: AwsCredentialIdentity | undefined =
    credentials.accessKeyId && credentials.secretAccessKey
      ? {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
        }
      : undefined;
  const roleArn = settings.roleArn;
  if (!roleArn) return keys;
  let cached: Promise<AwsCredentialIdentity> | undefined;
  return () => {
    cached ??= assumeRole(settings, roleArn, keys).catch((e) => {
      cached = undefined;
      throw e;
    });
    return cached;
  };
}

async function assumeRole(
  settings: TAwsSettings,
  roleArn: string,
  keys: AwsCredentialIdentity | undefined,
): Promise<AwsCredentialIdentity> {
  const sts = new STSClient({
    region: settings.region,
    ...(settings.stsEndpoint ? { endpoint: settings.stsEndpoint } : {}),
    ...(keys ? { credentials: keys } : {}),
  });
  try {
    const out = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'tourmalet-cost-sync', DurationSeconds: 3600 }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey)
      throw new ConnectorError('unexpected_response', `STS AssumeRole for ${roleArn} returned no credentials`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  } catch (e) {
    const mapped = toConnectorError(e, `AssumeRole ${roleArn}`);
    if (mapped.status === 'authentication_failed')
      throw new ConnectorError('authentication_failed', `Cannot assume role ${roleArn}: ${(e as Error).message}`, { cause: e });
    throw mapped;
  } finally {
    sts.destroy();
  }
}
