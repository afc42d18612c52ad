import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeServer, type TFakeServer } from '../../test/fakes/http-fake';
import { HttpClient, parseRetryAfter, statusForHttp } from './http';
import { ConnectorError } from './types';

describe('http helper', () => {
  let server: TFakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('parses Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('maps HTTP statuses to what the user has to fix', () => {
    expect(statusForHttp(401)).toBe('authentication_failed');
    expect(statusForHttp(403)).toBe('authentication_failed');
    expect(statusForHttp(404)).toBe('invalid_configuration');
    expect(statusForHttp(500)).toBe('unreachable');
    expect(statusForHttp(400)).toBe('unexpected_response');
  });

  it('caps the backoff and counts every attempt', async () => {
    server = await startFakeServer(() => ({ status: 502, text: 'bad gateway' }));
    const sleeps: number[] = [];
    const client = new HttpClient({
      provider: 'Test',
      baseUrl: server.url,
      maxRetries: 6,
      baseDelayMs: 1000,
      maxDelayMs: 4000,
      random: () => 1,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const error = await client.request({ path: '/x' }).catch((e: unknown) => e);
    expect(sleeps).toEqual([1000, 2000, 4000, 4000, 4000, 4000]);
    expect(client.requests).toBe(7);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).status).toBe('unreachable');
    expect((error as ConnectorError).message).toContain('HTTP 502 after 7 attempts');
    // the attempts go with the error, so a failed sync's run still counts them
    expect((error as ConnectorError).apiRequests).toBe(7);
  });

  it('counts the requests behind an answer it cannot read, too', async () => {
    server = await startFakeServer(() => ({ status: 200, text: '{"unexpected":true}' }));
    const client = new HttpClient({ provider: 'Test', baseUrl: server.url, sleep: async () => {} });
    await client.request({ path: '/a' });
    const error = (await client.json(z.object({ result: z.array(z.string()) }), { path: '/b' }).catch((e: unknown) => e)) as ConnectorError;
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.apiRequests).toBe(2);
  });

  it('refuses a Retry-After longer than it is willing to wait', async () => {
    server = await startFakeServer(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const client = new HttpClient({ provider: 'Test', baseUrl: server.url, maxRetryAfterMs: 60_000, sleep: async () => {} });
    const error = (await client.request({ path: '/x' }).catch((e: unknown) => e)) as ConnectorError;
    expect(error.status).toBe('unreachable');
    expect(error.message).toContain('rate limited');
    expect(client.requests).toBe(1);
  });

  it('names the field of a payload that does not match the schema, and rejects non-JSON', async () => {
    server = await startFakeServer((req) =>
      req.path.endsWith('/bad') ? { json: { items: [{ id: 'a', size: 1 }, { id: 'b', size: 'big' }] } } : { text: '<html>oops' },
    );
    const client = new HttpClient({ provider: 'Test', baseUrl: `${server.url}/api/` });
    const schema = z.object({ items: z.array(z.object({ id: z.string(), size: z.number() })) });
    const bad = (await client.json(schema, { path: '/bad' }).catch((e: unknown) => e)) as ConnectorError;
    expect(bad.status).toBe('unexpected_response');
    expect(bad.message).toContain('items.1.size');
    expect(server.requests[0].path).toBe('/api/bad');
    const html = (await client.json(schema, { path: 'html' }).catch((e: unknown) => e)) as ConnectorError;
    expect(html.status).toBe('unexpected_response');
    expect(html.message).toContain('not JSON');
  });

  it('gives up on a server that does not answer in time', async () => {
    server = await startFakeServer(() => new Promise(() => {}));
    const client = new HttpClient({ provider: 'Test', baseUrl: server.url, timeoutMs: 100, maxNetworkRetries: 1, sleep: async () => {} });
    const error = (await client.request({ path: '/slow' }).catch((e: unknown) => e)) as ConnectorError;
    expect(error.status).toBe('unreachable');
    expect(error.message).toContain('no answer within');
    expect(client.requests).toBe(2);
  });
});
