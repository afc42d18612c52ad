import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies, PEER_ADDRESS_HEADER } from './client-address';
import { installPeerAddressStamp } from './stamp-peer-address';

const at = (peer: string | null, xff?: string, extra: Record<string, string> = {}) =>
  new Headers({ ...(peer ? { [PEER_ADDRESS_HEADER]: peer } : {}), ...(xff ? { 'x-forwarded-for': xff } : {}), ...extra });

describe('clientAddress', () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');

  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(at('192.0.2.1', '6.6.6.6'), none)).toBe('192.0.2.1');
    expect(clientAddress(at('::ffff:192.0.2.1', '6.6.6.6'), none)).toBe('192.0.2.1');
    // the socket is a proxy, but not a trusted one
    expect(clientAddress(at('192.0.2.1', '6.6.6.6'), proxies)).toBe('192.0.2.1');
  });

  it('walks X-Forwarded-For from the right past trusted proxies', () => {
    expect(clientAddress(at('127.0.0.1', '198.51.100.7'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(at('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(at('fd00::1', '2001:db8::5'), proxies)).toBe('2001:db8::5');
    // garbage where a proxy would have written an address: the last trusted hop answers
    expect(clientAddress(at('127.0.0.1', 'not-an-ip, 10.1.2.3'), proxies)).toBe('10.1.2.3');
    // a request from the proxy itself, or X-Real-IP from a single trusted proxy
    expect(clientAddress(at('127.0.0.1'), proxies)).toBe('127.0.0.1');
    expect(clientAddress(at('127.0.0.1', undefined, { 'x-real-ip': '198.51.100.8' }), proxies)).toBe('198.51.100.8');
  });

  it('is null without a socket address (not through the app’s server)', () => {
    expect(clientAddress(at(null, '6.6.6.6'), proxies)).toBeNull();
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or range, naming it', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1', '::1/129']) {
      expect(() => parseTrustedProxies(`127.0.0.1, ${bad}`)).toThrow(bad);
    }
  });
});

describe('the peer address stamp', () => {
  it('puts the socket’s address on each request, over whatever the client sent', async () => {
    installPeerAddressStamp();
    const seen: Array<string | string[] | undefined> = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[PEER_ADDRESS_HEADER]);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' } });
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1']);
  });
});
