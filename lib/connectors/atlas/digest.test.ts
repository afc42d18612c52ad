import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseAuthParams, parseDigestChallenge } from './digest';

describe('digest auth', () => {
  it('computes the RFC 2617 example response', () => {
    // RFC 2617 §3.5: Mufasa / "Circle Of Life" → 6629fae49393a05397450978507c4ef1
    const header = digestAuthorization({
      username: 'Mufasa',
      password: 'Circle Of Life',
      method: 'GET',
      uri: '/dir/index.html',
      challenge: {
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        qop: 'auth,auth-int',
        opaque: '5ccc069c403ebaf9f0171e9517f40e41',
        stale: false,
      },
      nc: 1,
      cnonce: '0a4f113b',
    });
    const p = parseAuthParams(header.slice('Digest '.length));
    expect(p.response).toBe('6629fae49393a05397450978507c4ef1');
    expect(p).toMatchObject({ nc: '00000001', qop: 'auth', cnonce: '0a4f113b', opaque: '5ccc069c403ebaf9f0171e9517f40e41' });
  });

  it('parses the challenge Atlas sends', () => {
    const c = parseDigestChallenge(
      'Digest realm="MMS Public API", domain="", nonce="OtYh3u+ZQ8Ug3ZeRlb1/8YcxTbGvp2Ku", algorithm=MD5, qop="auth", stale=false',
    );
    expect(c).toEqual({
      realm: 'MMS Public API',
      nonce: 'OtYh3u+ZQ8Ug3ZeRlb1/8YcxTbGvp2Ku',
      qop: 'auth',
      opaque: undefined,
      algorithm: 'MD5',
      stale: false,
    });
    expect(parseDigestChallenge('Bearer realm="x"')).toBeNull();
    expect(parseDigestChallenge('Digest realm="x", stale=TRUE, nonce=abc')?.stale).toBe(true);
  });
});
