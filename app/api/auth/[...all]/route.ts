import { toNextJsHandler } from 'better-auth/next-js';
import { checkAuthRequest } from '@/lib/api/auth-input';
import { auth } from '@/lib/auth/auth';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const checked = await checkAuthRequest(req);
  return checked instanceof Response ? checked : toNextJsHandler(auth()).GET(checked);
}

export async function POST(req: Request) {
  const checked = await checkAuthRequest(req);
  return checked instanceof Response ? checked : toNextJsHandler(auth()).POST(checked);
}
