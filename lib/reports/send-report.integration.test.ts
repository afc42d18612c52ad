// The weekly report sent through a real SMTP server (smtp-server) and read back with mailparser.
import type { ParsedMail } from 'mailparser';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpReceiver } from '../../test/smtp-receiver';
import { truncate } from '../../test/db';
import { prisma } from '../db';
import { loadDemo } from '../demo/load-demo';
import { env, setEnv } from '../env';
import { createFormatter } from '../format/formatter';
import { reportSendJob } from '../jobs/definitions/report-jobs';
import { createApiToken } from '../auth/tokens';
import { enqueueDueReports, type TReportSendPayload } from './enqueue-due-reports';
import { isoWeek } from './iso-week';
import { createReportSchedule } from './schedules';
import { sendReport } from './send-report';

// Monday 7 December 2026, 10:00 in Paris: the last complete week is 2026-W49 (30 November – 6 December)
const NOW = new Date('2026-12-07T09:00:00Z');
const WEEK = isoWeek('2026-W49');
const CLI = { type: 'cli' as const, label: 'test' };
const fr = createFormatter({ locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' });

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

// a header's value as sent (mailparser folds List-* headers into a structure of its own)
function header(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, '');
}
const unsubscribeLink = (mail: ParsedMail) => /^<([^>]+)>$/.exec(header(mail, 'list-unsubscribe') ?? '')?.[1] ?? '';

// the week's total as GET /api/v1/costs answers it (effective cost, by month: a week may span two)
async function weekTotal(week = WEEK) {
  const { GET } = await import('../../app/api/v1/costs/route');
  const { token } = await createApiToken({ name: `report-test-${week.key}`, role: 'viewer' });
  const res = await GET(new Request(`http://localhost/api/v1/costs?from=${week.from}&to=${week.to}&groupBy=none&currency=EUR`, { headers: { authorization: `Bearer ${token}` } }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: { effectiveCost: string }[] };
  return body.rows.reduce((a, x) => a + Number(x.effectiveCost), 0);
}

async function schedule(overrides: Partial<Parameters<typeof createReportSchedule>[0]> = {}) {
  return createReportSchedule(
    { name: 'Hebdo', cron: '0 8 * * 1', timeZone: 'Europe/Paris', recipients: ['finance@ec.test', 'eng@ec.test'], roles: [], scope: {}, locale: 'fr-FR', currency: 'EUR', attachCsv: true, enabled: true, ...overrides },
    CLI,
  );
}

describe('weekly report by e-mail', () => {
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    setEnv({ SMTP_URL: smtp.url, MAIL_FROM: 'Tourmalet <reports@tourmalet.test>', APP_URL: 'http://tourmalet.test:3000' });
    await truncate();
    await loadDemo({ now: NOW });
  });
  afterAll(async () => {
    setEnv({ SMTP_URL: null, MAIL_FROM: null, APP_URL: null });
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.failNext(0);
    await truncate('report_delivery', 'report_schedule');
  });

  it('sends one message per recipient: subject with the week, total and change, text and HTML, inline chart by Content-ID, one-click unsubscribe', async () => {
    const s = await schedule();
    const result = await sendReport({ schedule: s, week: WEEK, runKey: 'scheduled', now: NOW });
    expect(result.outcomes.map((o) => [o.recipient, o.status])).toEqual([
      ['eng@ec.test', 'sent'],
      ['finance@ec.test', 'sent'],
    ]);
    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual(['eng@ec.test', 'finance@ec.test']);

    const total = await weekTotal();
    const before = await weekTotal(isoWeek('2026-W48'));
    expect(total).toBeGreaterThan(100);
    const { mail, raw } = smtp.received[0];
    // the total is the costs API's for the same week and currency, in French formatting
    expect(mail.subject).toBe(`Tourmalet · semaine 49 : ${fr.money(total)} (${fr.change((total - before) / before, 0)})`);
    expect(fr.money(12345.67, { digits: 2 })).toBe('12\u202f345,67\u00a0€');
    expect(mail.text).toContain(fr.money(total));
    // the sections fed by budgets, anomalies, recommendations and unit costs are there (or say they have nothing)
    for (const title of ['MOIS EN COURS ET BUDGETS', 'NOUVELLES ANOMALIES DE LA SEMAINE', 'RECOMMANDATIONS', 'COÛTS UNITAIRES', 'PLAN ET RÉEL', 'FRAÎCHEUR DES DONNÉES'])
      expect(mail.text).toContain(title);
    expect(mail.html).toContain(fr.money(total));

    const html = mail.html as string;
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    const images = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(images).toHaveLength(1);
    expect(images[0].contentDisposition).toBe('inline');
    expect(html).toContain(`src="cid:${images[0].cid}"`);
    expect(html).toMatch(/<img[^>]+alt="[^"]{20,}"/);
    const { data, info } = await sharp(images[0].content).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(1200);
    let coloured = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) coloured++;
    expect(coloured).toBeGreaterThan(10_000);
    const csv = mail.attachments.find((a) => a.contentType.startsWith('text/csv'));
    expect(csv?.filename).toBe('couts-par-service-2026-W49.csv');

    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeLink(mail)).toMatch(/^http:\/\/tourmalet\.test:3000\/api\/v1\/report-schedules\/unsubscribe\?token=/);
    expect(raw.toString()).toMatch(/^List-Unsubscribe:\s+<http:/m);

    const log = await prisma.reportDelivery.findMany({ orderBy: { recipient: 'asc' } });
    expect(log.map((d) => [d.recipient, d.status, d.week])).toEqual([
      ['eng@ec.test', 'sent', '2026-W49'],
      ['finance@ec.test', 'sent', '2026-W49'],
    ]);
    expect(log[0].messageId).toBe(smtp.received.find((m) => m.envelopeTo[0] === 'eng@ec.test')!.mail.messageId);
    expect(log[0].sizeBytes).toBeGreaterThan(Buffer.byteLength(html));
  });

  it('never sends twice for the same occurrence, even with two workers at once', async () => {
    const s = await schedule();
    const [a, b] = await Promise.all([
      sendReport({ schedule: s, week: WEEK, runKey: 'scheduled', now: NOW }),
      sendReport({ schedule: s, week: WEEK, runKey: 'scheduled', now: NOW }),
    ]);
    const again = await sendReport({ schedule: s, week: WEEK, runKey: 'scheduled', now: NOW });
    expect(smtp.received).toHaveLength(2);
    expect([...a.outcomes, ...b.outcomes].filter((o) => o.status === 'sent')).toHaveLength(2);
    expect(again.outcomes.every((o) => o.status === 'skipped')).toBe(true);
    expect(await prisma.reportDelivery.count()).toBe(2);
  });

  it('retries a recipient after a temporary SMTP failure, and does not resend to the others', async () => {
    const s = await schedule();
    smtp.failNext(1);
    const run = (payload: TReportSendPayload) => reportSendJob.handler(payload, { jobId: 'test', log: () => undefined });
    const payload = { scheduleId: s.id, week: WEEK.key, runKey: 'scheduled' };
    await expect(run(payload)).rejects.toThrow(/1 recipient\(s\) of report Hebdo to retry/);
    expect(smtp.received).toHaveLength(1);
    const retrying = await prisma.reportDelivery.findFirstOrThrow({ where: { status: 'retrying' } });
    expect(retrying.error).toMatch(/try again later/);
    expect(retrying.error).not.toContain(smtp.url);
    await run(payload);
    await run(payload);
    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual(['eng@ec.test', 'finance@ec.test']);
    expect((await prisma.reportDelivery.findMany()).map((d) => d.status)).toEqual(['sent', 'sent']);
    expect((await prisma.reportDelivery.findUniqueOrThrow({ where: { id: retrying.id } })).attempts).toBe(2);
  });

  it('logs a refused recipient as failed and still sends to the others', async () => {
    const s = await schedule();
    smtp.failNext(1, 550);
    const result = await sendReport({ schedule: s, week: WEEK, runKey: 'scheduled', now: NOW, maxAttempts: 5 });
    expect(result.outcomes.map((o) => o.status).sort()).toEqual(['failed', 'sent']);
    expect(smtp.received).toHaveLength(1);
  });

  it('the one-click unsubscribe link removes that address from that schedule only', async () => {
    const s = await schedule();
    const other = await schedule({ name: 'Other' });
    await sendReport({ schedule: s, week: WEEK, runKey: 'scheduled', now: NOW });
    const message = smtp.received.find((m) => m.envelopeTo[0] === 'eng@ec.test')!.mail;
    const url = unsubscribeLink(message);
    const { POST, GET } = await import('../../app/api/v1/report-schedules/unsubscribe/route');
    const path = new URL(url);
    const local = `http://localhost${path.pathname}${path.search}`;
    // the confirmation page changes nothing
    const page = await GET(new Request(local));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('eng@ec.test');
    expect((await prisma.reportSchedule.findUniqueOrThrow({ where: { id: s.id } })).recipients).toContain('eng@ec.test');
    // RFC 8058: a POST with List-Unsubscribe=One-Click, from the mail provider (no cookie, no origin)
    const res = await POST(new Request(local, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }));
    expect(res.status).toBe(200);
    expect((await prisma.reportSchedule.findUniqueOrThrow({ where: { id: s.id } })).recipients).toEqual(['finance@ec.test']);
    expect((await prisma.reportSchedule.findUniqueOrThrow({ where: { id: other.id } })).recipients).toContain('eng@ec.test');
    // a tampered token changes nothing
    const bad = await POST(new Request(local.replace(/token=([^&]+)/, (_, t: string) => `token=${t.slice(0, -2)}xx`), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect(bad.status).toBe(400);
    smtp.received.length = 0;
    await sendReport({ schedule: (await prisma.reportSchedule.findUniqueOrThrow({ where: { id: s.id } })), week: isoWeek('2026-W48'), runKey: 'scheduled', now: NOW });
    expect(smtp.received.map((m) => m.envelopeTo[0])).toEqual(['finance@ec.test']);
  });

  it('queues an occurrence once in a test clock, a run missed while no worker was up within a day, none older', async () => {
    const s = await schedule();
    await prisma.reportSchedule.update({ where: { id: s.id }, data: { createdAt: new Date('2026-11-20T00:00:00Z') } });
    const queued: TReportSendPayload[] = [];
    const enqueue = async (p: TReportSendPayload) => void queued.push(p);
    // Monday 07:59 in Paris: the last occurrence (30 November) is over a day old
    expect(await enqueueDueReports({ now: new Date('2026-12-07T06:59:00Z'), enqueue })).toEqual([]);
    // 08:00:30: due
    await enqueueDueReports({ now: new Date('2026-12-07T07:00:30Z'), enqueue });
    await enqueueDueReports({ now: new Date('2026-12-07T07:01:30Z'), enqueue });
    expect(queued).toEqual([{ scheduleId: s.id, week: '2026-W49', runKey: 'scheduled' }]);
    // a worker that starts Monday 23:00 after a day down still sends the week
    queued.length = 0;
    await prisma.reportSchedule.update({ where: { id: s.id }, data: { lastOccurrenceAt: new Date('2026-11-30T07:00:00Z') } });
    await enqueueDueReports({ now: new Date('2026-12-07T22:00:00Z'), enqueue });
    expect(queued.map((p) => p.week)).toEqual(['2026-W49']);
    // Tuesday 09:00: the Monday run is over a day old and is not sent late
    queued.length = 0;
    await prisma.reportSchedule.update({ where: { id: s.id }, data: { lastOccurrenceAt: new Date('2026-11-30T07:00:00Z') } });
    await enqueueDueReports({ now: new Date('2026-12-08T08:00:00Z'), enqueue });
    expect(queued).toEqual([]);
    // a disabled schedule queues nothing
    await prisma.reportSchedule.update({ where: { id: s.id }, data: { enabled: false, lastOccurrenceAt: null } });
    await enqueueDueReports({ now: new Date('2026-12-07T07:00:30Z'), enqueue });
    expect(queued).toEqual([]);
  });

  it('explains what to set when no SMTP server is configured, and sends nothing', async () => {
    const s = await schedule();
    // the two are set together or not at all (the configuration refuses one without the other)
    const from = env().MAIL_FROM;
    setEnv({ SMTP_URL: null, MAIL_FROM: null });
    try {
      await expect(sendReport({ schedule: s, week: WEEK, runKey: 'manual:x', now: NOW })).rejects.toThrow(/set SMTP_URL/);
      expect(await prisma.reportDelivery.count()).toBe(0);
    } finally {
      setEnv({ SMTP_URL: smtp.url, MAIL_FROM: from ?? null });
    }
  });
});
