import crypto from 'node:crypto';
import { toNextJsHandler } from 'better-auth/next-js';
import { checkAuthRequest } from '@/lib/api/auth-input';
import { errorResponse } from '@/lib/api/handler';
import { assertNotCrossOrigin } from '@/lib/api/same-origin';
import { auth } from '@/lib/auth/auth';
import { withClientAddress } from '@/lib/auth/auth-request';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const checked = await checkAuthRequest(req);
  return checked instanceof Response ? checked : toNextJsHandler(auth()).GET(withClientAddress(checked));
}

// better-auth checks the origin of cookie requests itself (trustedOrigins); this refuses any write
// from a foreign origin first, with or without a cookie, the same way the API does.
export async function POST(req: Request) {
  try {
    assertNotCrossOrigin(req);
  } catch (error) {
    return errorResponse(error, crypto.randomUUID());
  }
  const checked = await checkAuthRequest(req);
  return checked instanceof Response ? checked : withRetryAfter(await toNextJsHandler(auth()).POST(withClientAddress(checked)));
}

// better-auth's per-address limit says its wait in X-Retry-After only; clients read Retry-After
function withRetryAfter(res: Response): Response {
  const wait = res.headers.get('x-retry-after');
  if (res.status !== 429 || !wait || res.headers.has('retry-after')) return res;
  const headers = new Headers(res.headers);
  headers.set('Retry-After', wait);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
