import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { ZBudgetPatch } from '@/lib/api/schemas/budgets';
import { deleteBudget, updateBudget } from '@/lib/budgets/save-budget';
import { env } from '@/lib/env';
import { getBudget, withoutDays } from '@/lib/queries/list-budgets';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/budgets/{id}', 'GET'), async ({ params }) =>
  withoutDays(await getBudget(String(params.id), { now: new Date(), timeZone: env().ORG_TIMEZONE })),
);

export const PATCH = apiRoute(routeAccess('/api/v1/budgets/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const patch = await parseBody(ZBudgetPatch, req);
  const { id } = await updateBudget(String(params.id), patch, actor);
  return withoutDays(await getBudget(id, { now: new Date(), timeZone: env().ORG_TIMEZONE }));
});

export const DELETE = apiRoute(routeAccess('/api/v1/budgets/{id}', 'DELETE'), async ({ actor, params }) => {
  const deleted = await deleteBudget(String(params.id), actor);
  return { ok: true, id: deleted.id, name: deleted.name };
});
