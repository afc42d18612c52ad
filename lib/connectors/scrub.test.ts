import { describe, expect, it } from 'vitest';
import { scrubAuthLike, scrubText, secretForms } from './scrub';

describe('scrubAuthLike', () => {
  it.each([
    ['authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', 'eyJhbGci'],
    ['{"authorization":"Basic dXNlcjpwYXNzd29yZDEyMw=="}', 'dXNlcjpw'],
    ['Authorization: Digest username="pubkey", realm="MMS", nonce="n", uri="/x", response="0123456789abcdef0123456789abcdef"', '0123456789abcdef'],
    ['{"authorization":"Digest username=\\"pubkey\\", response=\\"0123456789abcdef0123456789abcdef\\""}', '0123456789abcdef'],
    ['AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261104/us-east-1/ce/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027', 'fe5f80f77d'],
    ['{"x-api-key":"A1b2C3d4E5","x-api-secret-key":"S1e2c3r4e5t"}', 'A1b2C3d4E5'],
    ['x-amz-security-token: FwoGZXIvYXdzEBEaD', 'FwoGZXIv'],
    ['{"clientSecret":"very-secret-value"}', 'very-secret'],
    ['GET /q?access_token=abc123def456&x=1', 'abc123def456'],
    ['could not reach redis://default:hunter2hunter2@cache:6379/0', 'hunter2'],
    ['key AKIAIOSFODNN7EXAMPLE was refused', 'AKIAIOSFODNN7EXAMPLE'],
  ])('takes the secret out of %s', (text, secret) => {
    const out = scrubAuthLike(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it.each([
    // a header echoed on one line of its own, as an object key, and flattened into prose
    ['GET / HTTP/1.1\r\nHost: api\r\nCookie: session=abc; other=def\r\n', ['session=abc', 'other=def']],
    ["{ host: 'api', cookie: 'sid=s3cr3t-value' }", ['s3cr3t-value']],
    ['echoed: "x-api-key": "PlainLettersOnlyKey"', ['PlainLettersOnlyKey']],
    ['refused (headers host: api x-api-key: A1b2C3d4E5F6 accept: json)', ['A1b2C3d4E5F6']],
    ['echoed GET / HTTP/1.1 Host: api Cookie: sid=abc; other=def Accept: */*', ['sid=abc', 'other=def']],
    ['Bearer abcdefghijklmnopqrstuvwxyz', ['abcdefghijklmnop']],
    ['Basic dXNlcjpw', ['dXNlcjpw']],
    ['Bearer tok.en-value', ['tok.en-value']],
    ['Authorization: Digest username="pubkey", realm="MMS", response="abc"', ['pubkey', 'response="abc"']],
  ])('takes every secret out of %s', (text, secrets) => {
    const out = scrubAuthLike(text);
    for (const secret of secrets) expect(out).not.toContain(secret);
  });

  it('leaves prose alone: validation messages, and scheme and header names used as words', () => {
    for (const text of [
      'credentials: apiKey: Invalid input: expected string',
      'the Basic plan is free',
      'invalid username-password pair',
      'Basic authentication failed',
      'Bearer authentication required',
      'requires Basic authentication.',
      'basic features are available on every plan',
      'the session cookie: expired',
      'refused, cookie: expired',
      'the x-api-key header: missing',
      'Digest authentication is not supported',
      'using the default database',
    ]) {
      expect(scrubAuthLike(text)).toBe(text);
    }
  });
});

describe('scrubText with a connection’s credentials', () => {
  it('removes each value as is, URL-encoded, JSON-escaped, base64 and as a Basic pair', () => {
    const credentials = { clientId: 'client-id-0001', clientSecret: 'se/cr+et"value' };
    const forms = secretForms(credentials);
    const b64 = Buffer.from('client-id-0001:se/cr+et"value').toString('base64');
    const text = `id client-id-0001 secret se/cr+et"value enc ${encodeURIComponent('se/cr+et"value')} json se/cr+et\\"value pair ${b64.replace(/=+$/, '')}`;
    const out = scrubText(text, forms);
    for (const leak of ['client-id-0001', 'se/cr+et', encodeURIComponent('se/cr+et"value'), b64.slice(0, 12)]) expect(out).not.toContain(leak);
  });

  it('takes the password of a redis:// URL credential out, decoded too, and the user name only with it', () => {
    const forms = secretForms({ url: 'redis://admin:p%40ss-w0rd!@cache:6379/0' });
    const b64 = Buffer.from('admin:p@ss-w0rd!').toString('base64');
    const out = scrubText(`AUTH admin p@ss-w0rd! refused; sent p%40ss-w0rd! and admin:p@ss-w0rd! and Basic ${b64}`, forms);
    expect(out).not.toMatch(/p@ss|p%40ss|admin:/);
    expect(out).not.toContain(b64.slice(0, 12));
    // the user name alone is no secret: Redis's default user is called "default"
    expect(out).toContain('AUTH admin [redacted]');
    const redis = secretForms({ url: 'redis://default:hunter2hunter2@cache:6379/0' });
    expect(scrubText('using the default database; AUTH default hunter2hunter2', redis)).toBe('using the default database; AUTH default [redacted]');
    expect(scrubText('default:hunter2hunter2', redis)).not.toContain('hunter2');
  });

  it('does not scrub the user name of a URL that has no password', () => {
    const forms = secretForms({ url: 'redis://default@cache:6379/0' });
    expect(scrubText('using the default database', forms)).toBe('using the default database');
  });

  it('removes a value with a slash as a JSON writer that escapes "/" writes it', () => {
    const forms = secretForms({ apiKey: 'key-id-0001', secretKey: 'abc/def+ghi=jkl' });
    const pair = Buffer.from('key-id-0001:abc/def+ghi=jkl').toString('base64');
    const out = scrubText(`{"error":"bad key abc\\/def+ghi=jkl","sent":"${pair.replaceAll('/', '\\/')}"}`, forms);
    expect(out).not.toContain('def+ghi');
    expect(out).toBe('{"error":"bad key [redacted]","sent":"[redacted]"}');
  });
});
