// Structured JSON logs. Secrets are redacted by path wherever they might appear.
import pino from 'pino';
import { logLevel } from './env';

const globalForLogger = globalThis as unknown as { tourmaletLogger?: pino.Logger };

export const logger: pino.Logger =
  globalForLogger.tourmaletLogger ??
  pino({
    level: logLevel(),
    base: { app: 'tourmalet' },
    // errors from pg carry their whole client: keep what helps, never connection internals
    serializers: {
      err: (e: { name?: string; message?: string; code?: string; stack?: string }) => ({
        type: e?.name,
        message: e?.message,
        code: e?.code,
        stack: e?.stack,
      }),
    },
    redact: {
      paths: [
        'password',
        '*.password',
        'credentials',
        '*.credentials',
        '*.secretAccessKey',
        '*.privateKey',
        '*.apiKey',
        '*.secretKey',
        '*.apiToken',
        '*.token',
        'token',
        'authorization',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  });

globalForLogger.tourmaletLogger = logger;
