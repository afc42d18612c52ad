// CSRF defence for the API. A browser attaches the session cookie to any request to this host,
// even one a page on another site makes (a form post, a text/plain fetch, which need no CORS
// preflight). So a write authenticated by cookie must come from APP_URL's origin: Origin says it,
// or Referer's origin when a browser sent no Origin; a cookie write that says neither is refused.
// A request with a bearer token is authenticated by that token, which another site cannot make a
// browser send: it is fine from anywhere. And a JSON body must say it is JSON (a cross-site form
// cannot send application/json without a preflight, which this app never answers).
import { bearerToken } from '../auth/bearer';
import { appUrl } from '../env';
import { AppError } from '../errors';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWrite(method: string): boolean {
  return WRITES.has(method.toUpperCase());
}

// The origin the app is served from: APP_URL's, else that of the default address people are told
// to open (http://localhost:PORT), never the request's own URL, which names the interface the
// server listens on (0.0.0.0) rather than the address in the browser.
export function appOrigin(): string {
  return new URL(appUrl()).origin;
}

// Where the request says it comes from: Origin, else Referer's origin, else null. 'null' (an
// opaque origin: a sandboxed frame, a data: page, some redirects) is kept as is and never matches.
export function requestOrigin(headers: Headers): string | null {
  const origin = headers.get('origin');
  if (origin !== null && origin.trim() !== '') return origin.trim();
  const referer = headers.get('referer');
  if (referer && URL.canParse(referer)) return new URL(referer).origin;
  return null;
}

// Throws FORBIDDEN for a cookie-authenticated write from another origin (or from nowhere said).
export function assertSameOrigin(req: Request): void {
  if (!isWrite(req.method) || bearerToken(req.headers) !== null || !req.headers.has('cookie')) return;
  const expected = appOrigin();
  const origin = requestOrigin(req.headers);
  if (origin === null)
    throw new AppError('FORBIDDEN', 'a write signed in by cookie must carry an Origin (or Referer) header', [
      { field: 'origin', message: 'missing' },
    ]);
  if (origin !== expected)
    throw new AppError('FORBIDDEN', `cross-origin write refused: ${origin === 'null' ? 'an opaque origin (null)' : origin} is not ${expected}`, [
      { field: 'origin', message: `must be ${expected}` },
    ]);
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

export function isJsonContentType(value: string | null): boolean {
  return JSON_TYPE.test((value ?? '').split(';')[0].trim().toLowerCase());
}

// Over HTTP a body comes with a Content-Length or chunked; a Request made in code (tests, other
// handlers) may have neither, and then it has a body when it has a stream and says its type.
function hasBody(req: Request): boolean {
  const length = req.headers.get('content-length');
  if (length !== null) return length.trim() !== '0';
  return req.headers.has('transfer-encoding') || (req.body !== null && req.headers.has('content-type'));
}

// Throws UNSUPPORTED_MEDIA_TYPE for a write whose body is not JSON. A write without a body (a sync,
// a test, `curl -X POST -d ''` which says form-urlencoded) has nothing to parse, whatever its type.
export function assertJsonBody(req: Request): void {
  if (!isWrite(req.method) || !hasBody(req)) return;
  const type = req.headers.get('content-type');
  if (isJsonContentType(type)) return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `send the body as JSON with content-type application/json, not ${type ?? 'no content-type'}`, [
    { field: 'content-type', message: 'must be application/json' },
  ]);
}

// For sign-in and the other auth endpoints: a write from a foreign (or opaque) origin is refused
// even without a cookie, so another site cannot sign a browser in to an account of its choosing
// (login CSRF). A client that says no origin at all (the CLI, a script) is not a browser page.
export function assertNotCrossOrigin(req: Request): void {
  assertSameOrigin(req);
  if (!isWrite(req.method)) return;
  const origin = requestOrigin(req.headers);
  const expected = appOrigin();
  if (origin !== null && origin !== expected)
    throw new AppError('FORBIDDEN', `cross-origin request refused: ${origin === 'null' ? 'an opaque origin (null)' : origin} is not ${expected}`, [
      { field: 'origin', message: `must be ${expected}` },
    ]);
}
