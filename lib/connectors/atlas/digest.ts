// HTTP Digest authentication (RFC 7616, MD5 with qop=auth) as Atlas programmatic API keys use it.
// Written here rather than pulling urllib in: it is a few lines over node's crypto and works with fetch.
import { createHash, randomBytes } from 'node:crypto';
import type { TAuthAttempt, THttpAuth, THttpResponse } from '../http';

export type TDigestChallenge = {
  realm: string;
  nonce: string;
  qop?: string;
  opaque?: string;
  algorithm?: string;
  stale: boolean;
};

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

// Parses the key=value / key="quoted value" list after an auth scheme name.
export function parseAuthParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  const re = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  }
  return params;
}

export function parseDigestChallenge(header: string | null): TDigestChallenge | null {
  if (!header) return null;
  const at = header.search(/digest\s/i);
  if (at < 0) return null;
  const params = parseAuthParams(header.slice(at + 'digest'.length));
  if (!params.nonce) return null;
  return {
    realm: params.realm ?? '',
    nonce: params.nonce,
    qop: params.qop,
    opaque: params.opaque,
    algorithm: params.algorithm,
    stale: (params.stale ?? '').toLowerCase() === 'true',
  };
}

export function digestAuthorization(input: {
  username: string;
  password: string;
  method: string;
  uri: string; // path and query, as sent on the request line
  challenge: TDigestChallenge;
  nc: number;
  cnonce: string;
}): string {
  const { username, password, method, uri, challenge, nc, cnonce } = input;
  const algorithm = challenge.algorithm ?? 'MD5';
  if (!/^md5(-sess)?$/i.test(algorithm)) throw new Error(`unsupported digest algorithm ${algorithm}`);
  let ha1 = md5(`${username}:${challenge.realm}:${password}`);
  if (/-sess$/i.test(algorithm)) ha1 = md5(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = md5(`${method}:${uri}`);
  const qops = (challenge.qop ?? '').split(',').map((q) => q.trim());
  const ncText = nc.toString(16).padStart(8, '0');
  const useQop = qops.includes('auth');
  const response = useQop
    ? md5(`${ha1}:${challenge.nonce}:${ncText}:${cnonce}:auth:${ha2}`)
    : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username="${username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${uri}"`,
    `algorithm=${algorithm}`,
    `response="${response}"`,
  ];
  if (useQop) parts.push('qop=auth', `nc=${ncText}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

// Keeps the last challenge so later requests answer it directly (one round trip instead of two);
// a rejected answer to a fresh, non-stale challenge means the keys are wrong.
export class DigestAuth implements THttpAuth {
  private challenge: TDigestChallenge | null = null;
  private nc = 0;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly cnonce: () => string = () => randomBytes(8).toString('hex'),
  ) {}

  async apply(attempt: TAuthAttempt): Promise<void> {
    if (!this.challenge) return;
    this.nc += 1;
    attempt.headers.set(
      'authorization',
      digestAuthorization({
        username: this.username,
        password: this.password,
        method: attempt.method,
        uri: attempt.url.pathname + attempt.url.search,
        challenge: this.challenge,
        nc: this.nc,
        cnonce: this.cnonce(),
      }),
    );
  }

  async onUnauthorized(response: THttpResponse, attempt: TAuthAttempt): Promise<boolean> {
    const challenge = parseDigestChallenge(response.headers.get('www-authenticate'));
    if (!challenge) return false;
    const answeredFresh = attempt.state.digestRenewed === true;
    this.challenge = challenge;
    this.nc = 0;
    if (answeredFresh && !challenge.stale) return false;
    attempt.state.digestRenewed = true;
    return true;
  }
}
