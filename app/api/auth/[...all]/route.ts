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
  return checked instanceof Response ? checked : toNextJsHandler(auth()).POST(withClientAddress(checked));
}
