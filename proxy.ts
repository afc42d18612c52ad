// Sends people without a session cookie to sign-in before any page renders. The cookie is only a
// hint: pages and API routes check the session (or token) themselves.
import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { badPathEncoding } from './lib/api/path-encoding';

export function proxy(request: NextRequest) {
  const pathname = new URL(request.url).pathname;
  // API routes answer 401 themselves; only a path Next.js cannot decode is refused here
  if (pathname.startsWith('/api/')) return badPathEncoding(pathname) ?? NextResponse.next();
  if (!getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = '';
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  // pages; and, for their encoding only, the API paths with parameters Next.js decodes. Only those:
  // Next.js buffers the body of a request the proxy sees (and cuts it at 10 MB), which a FOCUS
  // upload must never go through. A unit test keeps this list in step with lib/api/route-roles.ts.
  matcher: [
    '/api/v1/(connections|prices|resources|scenarios|sync-runs|tokens|users)/:path+',
    '/api/auth/:path+',
    '/((?!api/|_next/|sign-in|favicon.ico|.*\\.(?:png|svg|jpg|ico|css|js)$).*)',
  ],
};
