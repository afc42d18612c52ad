// Runs before every page (and the API paths its matcher names): sets the security headers (a
// per-request CSP nonce for pages, see lib/http/security-headers.ts), refuses API paths Next.js
// cannot decode, and sends people without a session cookie to sign-in before any page renders. The cookie is only a hint: pages and API routes check the session (or
// token) themselves.
import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { badPathEncoding } from './lib/api/path-encoding';
import { env } from './lib/env';
import { API_CSP, applySecurityHeaders, newNonce, pageCsp } from './lib/http/security-headers';

// answered without a session: API routes answer 401 themselves; sign-in and static files are public
const PUBLIC = /^\/(?:api\/|sign-in(?:\/|$)|_next\/|favicon\.ico$)|\.(?:png|svg|jpg|ico|css|js|txt|webmanifest)$/;

export function proxy(request: NextRequest) {
  const appUrl = env().APP_URL;
  const path = request.nextUrl.pathname;
  if (path.startsWith('/api/')) {
    // only a path Next.js cannot decode is refused here (the route itself answers the rest)
    const response = badPathEncoding(new URL(request.url).pathname) ?? NextResponse.next();
    applySecurityHeaders(response.headers, API_CSP, appUrl);
    return response;
  }

  const nonce = newNonce();
  const csp = pageCsp(nonce);
  let response: NextResponse;
  if (!PUBLIC.test(path) && !getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = '';
    response = NextResponse.redirect(url);
  } else {
    // Next.js takes the nonce for its own scripts from the request's CSP header
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', csp);
    headers.set('x-nonce', nonce);
    response = NextResponse.next({ request: { headers } });
  }
  applySecurityHeaders(response.headers, csp, appUrl);
  return response;
}

export const config = {
  // pages; and the API paths with parameters Next.js decodes (for their encoding) and sign-in. Only
  // those API paths: Next.js buffers the body of a request the proxy sees (and cuts it at 10 MB),
  // which a FOCUS upload must never go through; the other API answers get their headers from
  // apiRoute and next.config.js. A unit test keeps this list in step with lib/api/route-roles.ts.
  matcher: [
    '/api/v1/(anomalies|anomaly-monitors|budgets|business-metrics|channels|connections|prices|recommendations|report-schedules|resources|scenarios|sync-runs|tokens|users)/:path+',
    '/api/auth/:path+',
    '/((?!api/|_next/static|_next/image).*)',
  ],
};
