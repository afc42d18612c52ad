// Every provider's connector, keyed by provider: adding a provider to PROVIDERS without a connector
// here is a type error. Plus the helpers the CLI, API and UI share to handle connection settings.
import { z } from 'zod';
import { AppError } from '../errors';
import { atlasConnector } from './atlas/connector';
import { awsConnector } from './aws/connector';
import { cloudflareConnector } from './cloudflare/connector';
import { guardConnector } from './guard-connector';
import { prometheusConnector } from './prometheus/connector';
import { redisCloudConnector } from './redis-cloud/connector';
import { redisConnector } from './redis/connector';
import { PROVIDERS, type TConnector, type TProvider } from './types';

// Connectors are generic in their settings; the registry holds them behind the erased type.
type TAnyConnector = TConnector<unknown, unknown>;

// Each behind guardConnector: what a connector reports leaves without the connection's secrets.
export const connectors: Record<TProvider, TAnyConnector> = {
  aws: guardConnector(awsConnector as TAnyConnector),
  atlas: guardConnector(atlasConnector as TAnyConnector),
  'redis-cloud': guardConnector(redisCloudConnector as TAnyConnector),
  redis: guardConnector(redisConnector as TAnyConnector),
  cloudflare: guardConnector(cloudflareConnector as TAnyConnector),
  prometheus: guardConnector(prometheusConnector as TAnyConnector),
};

export function isProvider(value: string): value is TProvider {
  return (PROVIDERS as readonly string[]).includes(value);
}

export function getConnector(provider: string): TAnyConnector {
  if (!isProvider(provider))
    throw new AppError('BAD_REQUEST', `Unknown provider "${provider}"; expected one of: ${PROVIDERS.join(', ')}`, [
      { field: 'provider', message: 'unknown provider' },
    ]);
  return connectors[provider];
}

// The top-level keys an object schema declares, looking through optional/default/pipe wrappers.
export function schemaKeys(schema: z.ZodType): string[] {
  let current: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const def = (current as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    const next = def.innerType ?? def.in;
    if (!next) break;
    current = next;
  }
  return [];
}

// Sorts `--set key=value` pairs into settings and credentials by the schema that declares the key.
// Values stay strings: the connector's schemas parse them (see parseConnectionConfig).
export function splitSettings(
  provider: TProvider,
  values: Record<string, string>,
): { settings: Record<string, string>; credentials: Record<string, string> } {
  const connector = getConnector(provider);
  const settingKeys = new Set(schemaKeys(connector.settingsSchema));
  const credentialKeys = new Set(schemaKeys(connector.credentialsSchema));
  const settings: Record<string, string> = {};
  const credentials: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (credentialKeys.has(key)) credentials[key] = value;
    else if (settingKeys.has(key)) settings[key] = value;
    else unknown.push(key);
  }
  if (unknown.length) {
    const known = [...settingKeys, ...credentialKeys];
    throw new AppError(
      'BAD_REQUEST',
      `Unknown setting${unknown.length > 1 ? 's' : ''} for ${provider}: ${unknown.join(', ')}` +
        (known.length ? ` (known: ${known.join(', ')})` : ''),
      unknown.map((field) => ({ field, message: 'unknown setting' })),
    );
  }
  return { settings, credentials };
}

// Validates settings and credentials with the connector's schemas; errors name the field.
const URL_WITH_USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]*@/i;

// Provider and network messages may echo a URL: never let its user name or password through.
export function redactUrlCredentials(message: string): string {
  return message.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/gi, '$1[redacted]@');
}

export function parseConnectionConfig(
  provider: TProvider,
  config: { settings: unknown; credentials: unknown },
): { settings: unknown; credentials: unknown } {
  const connector = getConnector(provider);
  // settings are shown to viewers and written to the audit log: a URL there must not carry a password
  for (const [key, value] of Object.entries((config.settings ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' && URL_WITH_USERINFO.test(value)) {
      throw new AppError('BAD_REQUEST', `${key}: must not contain a user name or password; put secrets in the credentials (e.g. token)`, [
        { field: key, message: 'must not contain a user name or password' },
      ]);
    }
  }
  const settings = connector.settingsSchema.safeParse(config.settings ?? {});
  const credentials = connector.credentialsSchema.safeParse(config.credentials ?? {});
  const issues = [
    ...(settings.success ? [] : settings.error.issues),
    ...(credentials.success ? [] : credentials.error.issues),
  ].map((i) => ({ field: i.path.map(String).join('.') || undefined, message: i.message }));
  if (issues.length)
    throw new AppError(
      'BAD_REQUEST',
      `Invalid ${provider} connection: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}`,
      issues,
    );
  return { settings: settings.data, credentials: credentials.data };
}

// What may be shown of each secret: its last 4 characters, and nothing of a secret too short to
// give away a third of (under 12 characters).
export function credentialHint(credentials: Record<string, unknown>): Record<string, string> {
  const hint: Record<string, string> = {};
  for (const [key, value] of Object.entries(credentials)) {
    if (typeof value !== 'string' || value === '') continue;
    hint[key] = value.length >= 12 ? value.slice(-4) : '';
  }
  return hint;
}
