// The one place that reads process.env: validated with zod, so a bad value stops the start with its name.
import { z } from 'zod';
import { parseTrustedProxies } from './http/client-address';
import { isValidLocale } from './i18n/locales';

const boolFlag = z.enum(['0', '1']).optional();

export const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number({ error: 'must be a port number (1–65535)' }).int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  APP_URL: z.string().url().optional(),
  DEMO: boolFlag,
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  // 32 bytes, base64: encrypts provider credentials (AES-256-GCM)
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64')
    .optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  EMBEDDED_PG_PORT: z.coerce.number({ error: 'must be a port number (1–65535)' }).int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ORG_TIMEZONE: z.string().min(1).default('Europe/Paris'),
  DISPLAY_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').default('EUR'),
  LOCALE: z
    .string()
    .refine(isValidLocale, 'must be a locale tag such as fr-FR or en-GB')
    .default('fr-FR'),
  WORKER: boolFlag,
  SIGNIN_ATTEMPTS_PER_MINUTE: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(10_000).default(5),
  // proxies whose X-Forwarded-For is believed: comma-separated IPs or CIDR ranges, none by default
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
  // outgoing mail (weekly report, e-mail notifications): smtp://user:pass@host:port, smtps:// for TLS from the start
  SMTP_URL: z
    .string()
    .refine((v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol) && new URL(v).hostname !== '', 'must be an smtp:// or smtps:// URL such as smtp://user:pass@host:587')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});

export type TEnv = z.infer<typeof ZEnv>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

// Used by the launcher to hand resolved values (embedded database URL, generated keys) to children.
// null unsets a value (tests that need a variable absent again).
export function setEnv(values: Partial<Record<keyof TEnv, string | null>>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === null) delete process.env[k];
    else if (v !== undefined) process.env[k] = v;
  }
  cached = undefined;
}

// The address people use: APP_URL, else the default the README gives (http://localhost:PORT).
// Sign-in, the same-origin check and the start message all read it here.
export function appUrl(): string {
  const config = env();
  return config.APP_URL ?? `http://localhost:${config.PORT}`;
}

export function requireEnv<K extends keyof TEnv>(key: K): NonNullable<TEnv[K]> {
  const value = env()[key];
  if (value === undefined || value === null) throw new EnvError(`${String(key)} is not set`);
  return value as NonNullable<TEnv[K]>;
}

// The log level alone, never throwing: the logger exists before the configuration is validated,
// so that a bad configuration can still be reported.
export function logLevel(): TEnv['LOG_LEVEL'] {
  const parsed = ZEnv.shape.LOG_LEVEL.safeParse(process.env.LOG_LEVEL || undefined);
  return parsed.success ? parsed.data : 'info';
}

// The whole environment, to hand to child processes (and for tests that set a variable a library
// reads itself, such as the AWS SDK's endpoint variable).
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}
