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

  it('leaves validation messages that name a field alone', () => {
    for (const text of ['credentials: apiKey: Invalid input: expected string', 'the Basic plan is free', 'invalid username-password pair']) {
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

  it('takes the user name and password out of a redis:// URL credential, decoded too', () => {
    const forms = secretForms({ url: 'redis://admin:p%40ss-w0rd!@cache:6379/0' });
    expect(scrubText('AUTH admin p@ss-w0rd! refused; sent p%40ss-w0rd!', forms)).not.toMatch(/p@ss|p%40ss|admin/);
  });
});
