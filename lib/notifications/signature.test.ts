import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from './signature';

describe('webhook signature', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = JSON.stringify({ kind: 'test', text: 'héllo' });
  const at = new Date('2026-12-06T08:00:00Z');

  it('is the HMAC-SHA256 of "t.body" in hex, with the unix timestamp', () => {
    const header = signPayload(body, secret, at);
    const t = at.getTime() / 1000;
    const hex = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${hex}`);
  });

  it('verifies within the tolerance and refuses a changed body, another secret, or a replay', () => {
    const header = signPayload(body, secret, at);
    expect(verifySignature(header, body, secret, { now: new Date(at.getTime() + 60_000) })).toBe(true);
    expect(verifySignature(header, body + ' ', secret, { now: at })).toBe(false);
    expect(verifySignature(header, body, 'another-secret-0123', { now: at })).toBe(false);
    expect(verifySignature(header, body, secret, { now: new Date(at.getTime() + 301_000) })).toBe(false);
    expect(verifySignature('t=abc,v1=00', body, secret, { now: at })).toBe(false);
    expect(verifySignature(null, body, secret, { now: at })).toBe(false);
  });
});
