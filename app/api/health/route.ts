// Health: the database answers and every checked-in migration is applied. Public by design.
import { checkHealth } from '@/lib/queries/check-health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503 });
}
