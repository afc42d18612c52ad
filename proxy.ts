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
  // pages, and API paths (for their encoding only); static assets and sign-in stay public
  matcher: ['/api/:path*', '/((?!api/|_next/|sign-in|favicon.ico|.*\\.(?:png|svg|jpg|ico|css|js)$).*)'],
};
