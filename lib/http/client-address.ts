// The client's address, for the per-address sign-in limit and the sessions' ipAddress. The address
// comes from the socket (stamped on the request by instrumentation.ts, see stamp-peer-address.ts);
// X-Forwarded-For counts only when the socket's peer is a proxy listed in TRUSTED_PROXIES, and
// then only the hops those proxies appended: walking from the right, the first address that is not
// a trusted proxy is the client. Anything a client writes to the left of that is ignored.
import { BlockList, isIP } from 'node:net';

// Set from the socket on every request, whatever the client sent under that name.
export const PEER_ADDRESS_HEADER = 'x-tourmalet-peer-address';
// The resolved client address, set by the auth handler for better-auth to read (and nothing else).
export const CLIENT_ADDRESS_HEADER = 'x-tourmalet-client-address';

export type TTrustedProxies = { list: BlockList; count: number };

function normalise(address: string): string {
  const a = address.trim().replace(/^\[(.*)\]$/, '$1');
  // an IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a;
}

// Parses "10.0.0.1, 10.1.0.0/16, fd00::/8"; throws naming the entry that is neither.
export function parseTrustedProxies(text: string | undefined): TTrustedProxies {
  const list = new BlockList();
  let count = 0;
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || extra !== undefined || Number.isNaN(bits) || (bits !== null && bits > (family === 4 ? 32 : 128)))
      throw new RangeError(`"${entry}" is not an IP address or CIDR range (such as 10.0.0.1 or 10.0.0.0/8)`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
    count += 1;
  }
  return { list, count };
}

function isTrusted(address: string, proxies: TTrustedProxies): boolean {
  const family = isIP(address);
  if (!family || proxies.count === 0) return false;
  return proxies.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

// The client's address, or null when the request carries no socket address (it did not come
// through the app's server: a test calling a handler, a script).
export function clientAddress(headers: Headers, proxies: TTrustedProxies): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer || !isIP(normalise(peer))) return null;
  let client = normalise(peer);
  if (!isTrusted(client, proxies)) return client;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map(normalise).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    // a hop that is not an address was not written by a proxy we trust: stop at the last good one
    if (!isIP(hops[i])) return client;
    client = hops[i];
    if (!isTrusted(client, proxies)) return client;
  }
  // every hop is a trusted proxy: a proxy's own request, or X-Real-IP from a single trusted proxy
  const real = normalise(headers.get('x-real-ip') ?? '');
  return hops.length === 0 && isIP(real) ? real : client;
}
