import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { toScheduleView } from '@/lib/queries/list-report-schedules';
import { ZUpdateReportSchedule } from '@/lib/reports/schedule-schema';
import { deleteReportSchedule, findScheduleOr404, updateReportSchedule } from '@/lib/reports/schedules';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/report-schedules/{id}', 'GET'), async ({ params }) => toScheduleView(await findScheduleOr404(String(params.id))));

export const PATCH = apiRoute(routeAccess('/api/v1/report-schedules/{id}', 'PATCH'), async ({ req, actor, params }) => {
  const id = String(params.id);
  await findScheduleOr404(id);
  const patch = await parseBody(ZUpdateReportSchedule, req);
  return toScheduleView(await updateReportSchedule(id, patch, actor));
});

export const DELETE = apiRoute(routeAccess('/api/v1/report-schedules/{id}', 'DELETE'), async ({ actor, params }) => {
  await deleteReportSchedule(String(params.id), actor);
  return { ok: true };
});
