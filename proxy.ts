// Sends people without a session cookie to sign-in before any page renders. The cookie is only a
// hint: pages and API routes check the session (or token) themselves.
import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  if (!getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = '';
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  // pages only: API routes answer 401 themselves; static assets and sign-in stay public
  matcher: ['/((?!api/|_next/|sign-in|favicon.ico|.*\\.(?:png|svg|jpg|ico|css|js)$).*)'],
};
