import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { listReportSchedules, toScheduleView } from '@/lib/queries/list-report-schedules';
import { ZCreateReportSchedule } from '@/lib/reports/schedule-schema';
import { createReportSchedule } from '@/lib/reports/schedules';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(routeAccess('/api/v1/report-schedules', 'GET'), async () => ({ schedules: await listReportSchedules() }));

export const POST = apiRoute(routeAccess('/api/v1/report-schedules', 'POST'), async ({ req, actor }) => {
  const input = await parseBody(ZCreateReportSchedule, req);
  const row = await createReportSchedule(input, actor);
  return Response.json(toScheduleView(row), { status: 201 });
});
