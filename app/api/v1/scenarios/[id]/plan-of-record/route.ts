import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { clearPlanOfRecord, setPlanOfRecord } from '@/lib/scenarios/set-plan-of-record';

export const dynamic = 'force-dynamic';

export const PUT = apiRoute(routeAccess('/api/v1/scenarios/{id}/plan-of-record', 'PUT'), async ({ actor, params }) => setPlanOfRecord(String(params.id), actor));

export const DELETE = apiRoute(routeAccess('/api/v1/scenarios/{id}/plan-of-record', 'DELETE'), async ({ actor, params }) => clearPlanOfRecord(String(params.id), actor));
