// The security headers of every answer, set per request in proxy.ts (the ones that never change
// are in next.config.js too, for the static assets the proxy does not see).
//
// Pages get a nonce-based Content-Security-Policy: Next.js reads the nonce from the request's own
// Content-Security-Policy header and puts it on the scripts it renders (its runtime, the RSC
// payload), and 'strict-dynamic' lets those load their chunks, so no script that is not ours runs,
// inline or from elsewhere. style-src needs 'unsafe-inline': React's style={...} attributes and
// Recharts' inline SVG styles cannot carry a nonce; a style cannot run code, so that is an
// accepted trade. API answers are data, never a document: they get a policy that allows nothing.

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // for browsers that do not know frame-ancestors
  'X-Frame-Options': 'DENY',
};

export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

// HSTS only when the app is served over https: sent over http it would be ignored at best, and
// would pin a host that later moves to https to it before it is ready at worst.
export function hstsHeader(appUrl: string | undefined): string | null {
  return appUrl?.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function applySecurityHeaders(headers: Headers, csp: string, appUrl: string | undefined): void {
  headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
  const hsts = hstsHeader(appUrl);
  if (hsts) headers.set('Strict-Transport-Security', hsts);
}
