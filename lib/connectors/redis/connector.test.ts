// Against the real Redis at 127.0.0.1:6379, directly and through a TCP proxy the test can cut.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { ConnectorError, type TFetchContext } from '../types';
import { parseInfoText } from './api-types';
import { createRedisConnector } from './connector';

const REDIS = { host: '127.0.0.1', port: 6379 };
const now = new Date('2026-11-03T12:34:56Z');
const ctx = (): TFetchContext => ({
  window: { from: new Date('2026-11-03T12:30:00Z'), to: new Date('2026-11-03T12:35:00Z') },
  now,
  finalDays: new Set(),
  log: () => {},
});

// A TCP proxy in front of Redis that can be stopped, or made to drop or swallow the INFO command.
class Proxy {
  mode: 'pass' | 'cut-on-info' | 'hang-on-info' = 'pass';
  port = 0;
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(REDIS.port, REDIS.host);
      this.sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.on('data', (chunk) => client.write(chunk));
      client.on('data', (chunk) => {
        if (/\bINFO\b/i.test(chunk.toString('latin1'))) {
          if (this.mode === 'cut-on-info') return void this.stop();
          if (this.mode === 'hang-on-info') return;
        }
        upstream.write(chunk);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  // the server goes away: the listener closes and open connections drop
  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

async function infoNow() {
  const client = createClient({ url: `redis://${REDIS.host}:${REDIS.port}` });
  await client.connect();
  const fields = parseInfoText(String(await client.info()));
  await client.close();
  return fields;
}

describe('redis connector against the real server', () => {
  const prefix = `tourmalet-test:${randomBytes(4).toString('hex')}:`;
  const writer = createClient({ url: `redis://${REDIS.host}:${REDIS.port}/0` });
  const connector = createRedisConnector({ timeoutMs: 1500 });
  const proxy = new Proxy();

  beforeAll(async () => {
    await writer.connect();
    for (let i = 0; i < 20; i++) await writer.set(`${prefix}${i}`, 'x'.repeat(1000));
    for (let i = 0; i < 10; i++) await writer.get(`${prefix}${i}`);
    for (let i = 0; i < 5; i++) await writer.get(`${prefix}missing-${i}`);
  });
  afterAll(async () => {
    const keys = await writer.keys(`${prefix}*`);
    if (keys.length) await writer.del(keys);
    await writer.close();
    await proxy.stop();
  });
  afterEach(() => {
    proxy.mode = 'pass';
  });

  it('samples INFO into sane values for the server resource', async () => {
    const before = await infoNow();
    const result = await connector.fetch(
      { settings: { name: 'sessions cache', sampleEveryMinutes: 5 }, credentials: { url: 'redis://127.0.0.1:6379/0' } },
      ctx(),
    );
    const after = await infoNow();

    expect(result.resources).toHaveLength(1);
    const resource = result.resources[0];
    expect(resource).toMatchObject({ provider: 'redis', kind: 'cache', externalId: '127.0.0.1:6379/0', name: 'sessions cache' });
    const maxmemory = Number(after.maxmemory);
    expect(resource.capacity?.memory_used_bytes).toBe(maxmemory > 0 ? maxmemory : Number(after.total_system_memory));
    expect(resource.capacity?.connected_clients).toBe(Number(after.maxclients));
    expect(resource.attributes?.redisVersion).toBe(after.redis_version);

    const value = (metric: string) => result.samples.find((s) => s.metric === metric)?.value;
    expect(result.samples.every((s) => s.ts.toISOString() === '2026-11-03T12:34:00.000Z')).toBe(true);
    // 20 keys of 1000 bytes were written: the server holds at least that much
    const used = value('memory_used_bytes')!;
    expect(used).toBeGreaterThan(20_000);
    const low = Math.min(Number(before.used_memory), Number(after.used_memory));
    const high = Math.max(Number(before.used_memory), Number(after.used_memory));
    expect(used).toBeGreaterThanOrEqual(low * 0.9);
    expect(used).toBeLessThanOrEqual(high * 1.1);
    // our writer is connected, and so was the connector itself while it read INFO
    expect(value('connected_clients')).toBeGreaterThanOrEqual(2);
    expect(value('evicted_keys')).toBe(Number(after.evicted_keys));
    const hits = Number(after.keyspace_hits);
    const misses = Number(after.keyspace_misses);
    expect(misses).toBeGreaterThanOrEqual(5);
    expect(value('hit_ratio')).toBeGreaterThan(0);
    expect(value('hit_ratio')).toBeLessThan(1);
    expect(Math.abs(value('hit_ratio')! - hits / (hits + misses))).toBeLessThan(0.05);
    expect(value('ops_per_sec')).toBeGreaterThanOrEqual(0);
  });

  it('names the resource after the host by default and reports ok on test()', async () => {
    const config = { settings: { sampleEveryMinutes: 5 }, credentials: { url: 'redis://127.0.0.1:6379' } };
    const result = await connector.fetch(config, ctx());
    expect(result.resources[0].name).toBe('127.0.0.1');
    expect(await connector.test(config)).toMatchObject({ status: 'ok', message: expect.stringContaining('127.0.0.1:6379') });
  });

  it('fails cleanly when the server goes away mid-sample, and the next run through a restored server succeeds', async () => {
    await proxy.start();
    const config = () => ({ settings: { sampleEveryMinutes: 5 }, credentials: { url: `redis://127.0.0.1:${proxy.port}` } });
    const first = await connector.fetch(config(), ctx());
    expect(first.samples.length).toBeGreaterThanOrEqual(4);

    proxy.mode = 'cut-on-info';
    const started = Date.now();
    const error = await connector.fetch(config(), ctx()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).status).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(1500);
    // still gone: refused outright
    const refused = await connector.fetch(config(), ctx()).catch((e: unknown) => e);
    expect((refused as ConnectorError).status).toBe('unreachable');
    expect(await connector.test(config())).toMatchObject({ status: 'unreachable' });

    proxy.mode = 'pass';
    await proxy.start(); // same port: the stored URL works again
    const recovered = await connector.fetch(config(), ctx());
    expect(recovered.samples.find((s) => s.metric === 'memory_used_bytes')!.value).toBeGreaterThan(20_000);
  });

  it('gives up on a server that stops answering', async () => {
    await proxy.stop();
    await proxy.start();
    proxy.mode = 'hang-on-info';
    const started = Date.now();
    const error = await connector
      .fetch({ settings: { sampleEveryMinutes: 5 }, credentials: { url: `redis://127.0.0.1:${proxy.port}` } }, ctx())
      .catch((e: unknown) => e);
    expect((error as ConnectorError).status).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('reports a rejected password and a malformed URL', async () => {
    expect(await connector.test({ settings: { sampleEveryMinutes: 5 }, credentials: { url: 'redis://:not-the-password@127.0.0.1:6379' } })).toMatchObject(
      { status: 'authentication_failed' },
    );
    expect(await connector.test({ settings: { sampleEveryMinutes: 5 }, credentials: { url: 'http://127.0.0.1:6379' } })).toMatchObject({
      status: 'invalid_configuration',
      message: expect.stringContaining('url'),
    });
  });
});
