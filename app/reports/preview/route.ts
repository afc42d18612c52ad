// /reports/preview?schedule=ID|NAME&week=YYYY-Www, for administrators: the exact HTML a schedule's
// recipients get for a week, with its chart images given to the browser inline (an e-mail refers
// to them by Content-ID, which a browser cannot resolve). Rendered in a plain module
// (lib/reports/render-report), not in a React page.
import { resolveActor, requireRole } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { appUrl, env } from '@/lib/env';
import { errorResponse } from '@/lib/api/handler';
import { AppError } from '@/lib/errors';
import { appLink } from '@/lib/reports/build-report';
import { isIsoWeek, isoWeek, lastCompleteWeek } from '@/lib/reports/iso-week';
import { buildWeeklyReport } from '@/lib/reports/load-report-data';
import { renderReport } from '@/lib/reports/render-report';
import { scheduleScope, unsubscribeUrl } from '@/lib/reports/send-report';

export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(req: Request): Promise<Response> {
  const requestId = crypto.randomUUID();
  try {
    const actor = requireRole(await resolveActor(req.headers), 'admin');
    const params = new URL(req.url).searchParams;
    const ref = params.get('schedule');
    const weekParam = params.get('week');
    if (weekParam && !isIsoWeek(weekParam)) throw new AppError('BAD_REQUEST', `week: ${weekParam} is not an ISO week such as 2026-W49`, [{ field: 'week', message: 'must be YYYY-Www' }]);
    const schedule = ref ? await prisma.reportSchedule.findFirst({ where: UUID.test(ref) ? { id: ref } : { name: ref } }) : null;
    if (ref && !schedule) throw new AppError('NOT_FOUND', `no report schedule ${ref}`, [{ field: 'schedule', message: 'not found' }]);
    const config = env();
    const week = weekParam ? isoWeek(weekParam) : lastCompleteWeek(new Date(), config.ORG_TIMEZONE);
    const view = await buildWeeklyReport({ week, currency: schedule?.currency ?? config.DISPLAY_CURRENCY, scope: scheduleScope(schedule), timeZone: config.ORG_TIMEZONE, appUrl: appUrl(), now: new Date() });
    const email = actor.email ?? 'preview@example.com';
    const rendered = await renderReport(view, {
      locale: schedule?.locale ?? config.LOCALE,
      timeZone: config.ORG_TIMEZONE,
      scheduleName: schedule?.name ?? null,
      unsubscribeUrl: schedule ? unsubscribeUrl(schedule.id, email) : null,
      manageUrl: appLink(appUrl(), '/settings', {}) + '#reports',
    });
    let html = rendered.html;
    for (const img of rendered.images) html = html.split(`cid:${img.cid}`).join(`data:image/png;base64,${img.png.toString('base64')}`);
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // the subject, for the settings page and tests (the HTML's <title> says the week)
        'x-report-subject': encodeURIComponent(rendered.subject),
        'x-report-html-bytes': String(Buffer.byteLength(rendered.html)),
      },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
