// What each provider's connection form asks for, derived from the connector's zod schemas (type,
// default, pattern, choices, required) plus a sentence per field for people filling it in.
import { z } from 'zod';
import { connectors } from '../connectors/registry';
import { ALL_PROM_QUERIES, DEFAULT_PLACEMENT_QUERY, scopeOf } from '../connectors/prometheus/queries';
import type { TProvider } from '../connectors/types';

export type TProviderField = {
  name: string;
  type: string;
  required: boolean;
  secret: boolean;
  description: string | null;
  default?: unknown;
  enum?: string[];
  pattern?: string;
};

export type TProviderDescription = {
  provider: TProvider;
  label: string;
  defaultSchedule: string;
  defaultBackfillDays: number;
  settings: TProviderField[];
  credentials: TProviderField[];
};

const DESCRIPTIONS: Record<TProvider, Record<string, string>> = {
  aws: {
    region: 'Cost Explorer region (its API lives in us-east-1)',
    endpoint: 'Overrides the Cost Explorer endpoint (proxies, tests); AWS_ENDPOINT_URL_COST_EXPLORER also works',
    roleArn: 'IAM role to assume through STS, instead of or with the access key pair',
    stsEndpoint: 'Overrides the STS endpoint used to assume roleArn',
    billingAccountId: 'The payer account (FOCUS BillingAccountId); default the role’s account',
    insights: 'Also fetch forecasts, RI/Savings Plans recommendations and reservation coverage',
    recommendationTerm: 'Term of the purchase recommendations',
    recommendationPaymentOption: 'Payment option of the purchase recommendations',
    recommendationLookback: 'Usage history the recommendations are based on',
    accessKeyId: 'Access key id of an IAM user or role with ce:Get* permissions',
    secretAccessKey: 'Secret access key that goes with accessKeyId',
    sessionToken: 'Session token, for temporary credentials',
  },
  atlas: {
    orgId: 'Atlas organisation id (24 hex digits)',
    baseUrl: 'Atlas Admin API base URL',
    publicKey: 'Programmatic API key: public key (HTTP digest)',
    privateKey: 'Programmatic API key: private key',
    clientId: 'Service account client id (OAuth client credentials), instead of an API key',
    clientSecret: 'Service account client secret',
  },
  'redis-cloud': {
    baseUrl: 'Redis Cloud API base URL',
    apiKey: 'Account API key (x-api-key)',
    secretKey: 'User API secret key (x-api-secret-key)',
  },
  redis: {
    name: 'Resource name shown in Tourmalet; default the host',
    sampleEveryMinutes: 'How often INFO is sampled (the sync schedule follows it)',
    url: 'redis:// or rediss:// URL, with the password if any',
  },
  cloudflare: {
    accountId: 'Account id (32 hex digits), for plan subscriptions',
    zones: 'Comma-separated zone ids; empty means every zone the token can read',
    baseUrl: 'Cloudflare API base URL',
    apiToken: 'API token with Analytics:Read and Zone:Read',
  },
  prometheus: {
    url: 'Prometheus (or compatible) base URL',
    stepSeconds: 'Resolution of the range queries, in seconds',
    cluster: 'Cluster name given to the node groups when the series carry no cluster label',
    region: 'Cloud region of the cluster (prices its node groups), e.g. eu-west-3',
    placementQuery: 'PromQL for the pods of each deployment per node group (where its pods run), asked at the end of each sync',
    token: 'Bearer token, when the server needs one',
  },
};

for (const q of ALL_PROM_QUERIES) DESCRIPTIONS.prometheus[q.setting] ??= `PromQL for ${q.metric} (${q.unit}) per ${scopeOf(q) === 'node-group' ? 'node group' : 'deployment'}`;

type TJsonProperty = {
  type?: string;
  default?: unknown;
  enum?: string[];
  pattern?: string;
  description?: string;
  anyOf?: TJsonProperty[];
};

function fields(provider: TProvider, schema: z.ZodType, secret: boolean): TProviderField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, TJsonProperty>;
    required?: string[];
  };
  const defaults: Record<string, unknown> =
    provider === 'prometheus' ? Object.fromEntries([...ALL_PROM_QUERIES, DEFAULT_PLACEMENT_QUERY].map((q) => [q.setting, q.query])) : {};
  // JSON Schema leaves out some defaults (on unions): ask each field what it becomes when absent
  if (schema instanceof z.ZodObject)
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const absent = field.safeParse(undefined);
      if (absent.success && absent.data !== undefined) defaults[name] ??= absent.data;
    }
  return Object.entries(json.properties ?? {}).map(([name, p]) => {
    const options = p.enum ?? p.anyOf?.find((a) => a.enum)?.enum;
    const isBoolean = p.type === 'boolean' || p.anyOf?.some((a) => a.type === 'boolean');
    const type = isBoolean ? 'boolean' : p.type === 'integer' || p.type === 'number' ? 'number' : options ? 'enum' : 'string';
    const field: TProviderField = {
      name,
      type,
      required: (json.required ?? []).includes(name),
      secret,
      description: p.description ?? DESCRIPTIONS[provider][name] ?? null,
    };
    const fallback = p.default ?? defaults[name];
    if (fallback !== undefined) field.default = fallback;
    if (options && !isBoolean) field.enum = options;
    if (p.pattern) field.pattern = p.pattern;
    return field;
  });
}

export function describeProviders(): TProviderDescription[] {
  return (Object.keys(connectors) as TProvider[]).map((provider) => {
    const c = connectors[provider];
    return {
      provider,
      label: c.label,
      defaultSchedule: c.defaultSchedule,
      defaultBackfillDays: c.defaultBackfillDays,
      settings: fields(provider, c.settingsSchema, false),
      credentials: fields(provider, c.credentialsSchema, true),
    };
  });
}
