// What the auth route hands better-auth: the request with the client's address resolved from the
// socket and TRUSTED_PROXIES (lib/http/client-address.ts) under the one header better-auth is told
// to read, replacing anything the client sent under that name. X-Forwarded-For itself is never
// read by better-auth, so a forged one cannot give a guesser a fresh per-address budget.
import { env } from '../env';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies, type TTrustedProxies } from '../http/client-address';

let proxies: { text: string | undefined; parsed: TTrustedProxies } | undefined;

function trustedProxies(): TTrustedProxies {
  const text = env().TRUSTED_PROXIES;
  if (!proxies || proxies.text !== text) proxies = { text, parsed: parseTrustedProxies(text) };
  return proxies!.parsed;
}

export function withClientAddress(req: Request): Request {
  const headers = new Headers(req.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = clientAddress(req.headers, trustedProxies());
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(req.url, {
    method: req.method,
    headers,
    body: hasBody ? req.body : undefined,
    signal: req.signal,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}
