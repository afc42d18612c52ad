// The e-mail's unsubscribe link. GET shows a confirmation (mail scanners open links: a GET changes
// nothing); POST removes the address, from the page's button or as RFC 8058's one-click POST that
// mail providers send with List-Unsubscribe=One-Click. The signed token is the authority.
import { createTranslator } from 'next-intl';
import { apiRoute } from '@/lib/api/handler';
import { routeAccess } from '@/lib/api/route-roles';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { languageOf } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { unsubscribeAddress } from '@/lib/reports/schedules';
import { readUnsubscribeToken } from '@/lib/reports/unsubscribe-token';

export const dynamic = 'force-dynamic';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(locale: string, status: number, body: string): Response {
  const t = createTranslator({ locale, messages: loadMessages(languageOf(locale)), namespace: 'reports.unsubscribe' });
  const html = `<!doctype html><html lang="${languageOf(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t('title'))}</title></head><body>${body}</body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

async function resolve(req: Request) {
  const token = new URL(req.url).searchParams.get('token') ?? '';
  const claim = token ? readUnsubscribeToken(token) : null;
  const schedule = claim ? await prisma.reportSchedule.findUnique({ where: { id: claim.scheduleId } }).catch(() => null) : null;
  return { token, claim, schedule };
}

// a bad link is an API error like any other (JSON naming the field): no page to show without a schedule
function invalid(): never {
  throw new AppError('BAD_REQUEST', 'token: this unsubscribe link is not valid, or its schedule no longer exists', [{ field: 'token', message: 'invalid or expired' }]);
}

export const GET = apiRoute(routeAccess('/api/v1/report-schedules/unsubscribe', 'GET'), async ({ req }) => {
  const { token, claim, schedule } = await resolve(req);
  if (!claim || !schedule) return invalid();
  const t = createTranslator({ locale: schedule.locale, messages: loadMessages(languageOf(schedule.locale)), namespace: 'reports.unsubscribe' });
  const action = `?token=${encodeURIComponent(token)}`;
  return page(
    schedule.locale,
    200,
    `<h1>${escape(t('title'))}</h1><p>${escape(t('confirm', { schedule: schedule.name, address: claim.address }))}</p>` +
      `<form method="post" action="${escape(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escape(t('button'))}</button></form>`,
  );
});

export const POST = apiRoute({ ...routeAccess('/api/v1/report-schedules/unsubscribe', 'POST'), body: 'raw' }, async ({ req }) => {
  const { claim, schedule } = await resolve(req);
  if (!claim || !schedule) return invalid();
  await unsubscribeAddress(schedule.id, claim.address);
  const t = createTranslator({ locale: schedule.locale, messages: loadMessages(languageOf(schedule.locale)), namespace: 'reports.unsubscribe' });
  return page(schedule.locale, 200, `<h1>${escape(t('title'))}</h1><p>${escape(t('done', { schedule: schedule.name, address: claim.address }))}</p>`);
});
