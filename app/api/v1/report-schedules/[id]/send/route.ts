import { apiRoute, parseBody } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { audit } from '@/lib/audit';
import { env } from '@/lib/env';
import { isoWeek, lastCompleteWeek } from '@/lib/reports/iso-week';
import { findScheduleOr404 } from '@/lib/reports/schedules';
import { ZSendReport } from '@/lib/api/schemas/reports';
import { sendReport } from '@/lib/reports/send-report';

export const dynamic = 'force-dynamic';

// Sends now, in the request: the answer says who got it and who did not (and why).
export const POST = apiRoute(routeAccess('/api/v1/report-schedules/{id}/send', 'POST'), async ({ req, actor, params, requestId }) => {
  const schedule = await findScheduleOr404(String(params.id));
  const input = await parseBody(ZSendReport, req);
  const now = new Date();
  const week = input.week ? isoWeek(input.week) : lastCompleteWeek(now, env().ORG_TIMEZONE);
  const result = await sendReport({ schedule, week, runKey: `${input.to ? 'test' : 'manual'}:${requestId}`, to: input.to ? [input.to] : undefined, now });
  await audit(actor, 'report_schedule.send', { type: 'report_schedule', id: schedule.id }, { week: week.key, to: input.to ?? null, sent: result.outcomes.filter((o) => o.status === 'sent').length });
  return result;
});
