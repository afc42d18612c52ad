// Reads INFO from a live Redis (self-hosted, ElastiCache, Redis Enterprise endpoint) with the node
// `redis` client: one short-lived connection per sample, no reconnects, no offline queue, so a server
// that goes away fails the sample at once instead of retrying in the background.
import { createClient } from 'redis';
import { scrubError, secretForms } from '../scrub';
import { ConnectorError } from '../types';

export type TRedisEndpoint = { host: string; port: number; db: number; tls: boolean };

export function describeEndpoint(url: string): TRedisEndpoint {
  const parsed = new URL(url);
  const tls = parsed.protocol === 'rediss:';
  const db = Number(parsed.pathname.replace(/^\//, '') || 0);
  return { host: parsed.hostname, port: Number(parsed.port || 6379), db: Number.isInteger(db) ? db : 0, tls };
}

const AUTH_ERRORS = /WRONGPASS|NOAUTH|invalid password|invalid username-password|without any password configured|NOPERM/i;
const NETWORK_ERRORS =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|EPIPE|socket closed|closed unexpectedly|connection timeout|socket timeout|timed out|The client is closed/i;

function describeError(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describeError).join('; ');
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message || error.name;
  }
  return String(error);
}

export function redisError(error: unknown, where: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const text = describeError(error);
  const name = error instanceof Error ? error.name : '';
  if (AUTH_ERRORS.test(text)) return new ConnectorError('authentication_failed', `Redis at ${where} refused the credentials: ${text}`, { cause: error });
  if (NETWORK_ERRORS.test(text) || /Socket|Timeout|Disconnected/.test(name)) {
    return new ConnectorError('unreachable', `Redis at ${where} is unreachable: ${text}`, { cause: error });
  }
  return new ConnectorError('unexpected_response', `Redis at ${where} answered unexpectedly: ${text}`, { cause: error });
}

// One INFO round trip; the whole exchange (connect, auth, INFO) must finish within timeoutMs.
export async function readInfo(url: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  const endpoint = describeEndpoint(url);
  const where = `${endpoint.host}:${endpoint.port}`;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: options.timeoutMs, socketTimeout: options.timeoutMs, reconnectStrategy: false },
  });
  client.on('error', () => {
    // failures surface through the pending command; without a listener node would throw them
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
  });
  const aborted = new Promise<never>((_, reject) => {
    options.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
  });
  const work = (async () => {
    await client.connect();
    return String(await client.info());
  })();
  work.catch(() => {}); // settled by the race below; keeps a late rejection from going unhandled
  try {
    const text = await Promise.race([work, deadline, aborted]);
    await client.close().catch(() => {});
    return text;
  } catch (error) {
    try {
      client.destroy();
    } catch {
      // already closed
    }
    if (options.signal?.aborted) throw error;
    // a server may quote the AUTH command back: the URL's user name and password never leave in it
    throw scrubError(redisError(error, where), secretForms({ url }));
  } finally {
    clearTimeout(timer);
  }
}
