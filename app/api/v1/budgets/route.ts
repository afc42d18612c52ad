import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { readJsonBody } from '@/lib/api/safe-input';
import { createBudget } from '@/lib/budgets/save-budget';
import { env } from '@/lib/env';
import { getBudget, listBudgets, withoutDays } from '@/lib/queries/list-budgets';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/budgets', 'GET'), async () => {
  const budgets = await listBudgets({ now: new Date(), timeZone: env().ORG_TIMEZONE });
  return { budgets: budgets.map(withoutDays) };
});

export const POST = apiRoute(routeAccess('/api/v1/budgets', 'POST'), async ({ req, actor }) => {
  const { id } = await createBudget(await readJsonBody(req), actor);
  return Response.json(withoutDays(await getBudget(id, { now: new Date(), timeZone: env().ORG_TIMEZONE })), { status: 201 });
});
