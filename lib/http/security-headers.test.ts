import { describe, expect, it } from 'vitest';
import { API_CSP, applySecurityHeaders, hstsHeader, newNonce, pageCsp } from './security-headers';

describe('security headers', () => {
  it('send HSTS only when the app is served over https', () => {
    expect(hstsHeader('https://tourmalet.example.com')).toMatch(/^max-age=\d+/);
    expect(hstsHeader('http://localhost:3000')).toBeNull();
    expect(hstsHeader(undefined)).toBeNull();
    const headers = new Headers();
    applySecurityHeaders(headers, API_CSP, 'http://localhost:3000');
    expect(headers.has('strict-transport-security')).toBe(false);
    applySecurityHeaders(headers, API_CSP, 'https://tourmalet.example.com');
    expect(headers.get('strict-transport-security')).toMatch(/max-age/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it('give pages a fresh nonce and no eval, and frame them nowhere', () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    const csp = pageCsp(a);
    expect(csp).toContain(`'nonce-${a}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
