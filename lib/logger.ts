// Structured JSON logs. Secrets are redacted by path wherever they might appear.
import pino from 'pino';
import { env } from './env';

const globalForLogger = globalThis as unknown as { tourmaletLogger?: pino.Logger };

export const logger: pino.Logger =
  globalForLogger.tourmaletLogger ??
  pino({
    level: env().LOG_LEVEL,
    base: { app: 'tourmalet' },
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
