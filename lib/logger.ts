// Structured JSON logs. Secrets are redacted by path wherever they might appear, and every string
// logged (the message, fields, an error's message and stack) goes through the Authorization-shape
// scrub: the last line behind the connectors' own scrubbing, for text that got past it.
import pino from 'pino';
import { scrubAuthLike } from './connectors/scrub';
import { logLevel } from './env';

const globalForLogger = globalThis as unknown as { tourmaletLogger?: pino.Logger };

// A copy of a log line's fields with every string scrubbed; errors are left to their serializer.
function scrubFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubAuthLike(value);
  if (depth > 6 || value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrubFields(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubFields(v, depth + 1);
  return out;
}

export const logger: pino.Logger =
  globalForLogger.tourmaletLogger ??
  pino({
    level: logLevel(),
    base: { app: 'tourmalet' },
    // errors from pg carry their whole client: keep what helps, never connection internals
    serializers: {
      err: (e: { name?: string; message?: string; code?: string; stack?: string }) => ({
        type: e?.name,
        message: typeof e?.message === 'string' ? scrubAuthLike(e.message) : e?.message,
        code: e?.code,
        stack: typeof e?.stack === 'string' ? scrubAuthLike(e.stack) : e?.stack,
      }),
    },
    formatters: { log: (object) => scrubFields(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubAuthLike(a) : a)) as Parameters<typeof method>);
      },
    },
    redact: {
      paths: [
        'password',
        '*.password',
        'credentials',
        '*.credentials',
        '*.secretAccessKey',
        '*.sessionToken',
        '*.privateKey',
        '*.clientSecret',
        '*.apiKey',
        '*.secretKey',
        '*.apiToken',
        '*.token',
        'token',
        'authorization',
        '*.authorization',
        'cookie',
        '*.cookie',
        'headers.authorization',
        'headers.cookie',
        '*.headers.authorization',
        '*.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });

globalForLogger.tourmaletLogger = logger;
