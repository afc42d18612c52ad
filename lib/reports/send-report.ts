// Sends one occurrence of a report: one message per recipient, each claimed first in the delivery
// log (unique per schedule, week, recipient and run), so a retry or a second worker never sends a
// message twice. A recipient the SMTP server refuses does not stop the others; a temporary failure
// leaves that recipient 'retrying' for the job's next attempt.
import crypto from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { pool, prisma } from '../db';
import { appUrl, env } from '../env';
import type { ReportSchedule } from '../generated/prisma/client';
import { logger } from '../logger';
import { appLink, type TReportScope, type TReportView } from './build-report';
import type { TIsoWeek } from './iso-week';
import { buildWeeklyReport } from './load-report-data';
import { mailerFromEnv, scrubSmtpError, type TMailer } from './mailer';
import { renderReport, type TRenderedReport } from './render-report';
import { unsubscribeToken } from './unsubscribe-token';

export type TDeliveryOutcome = { recipient: string; status: 'sent' | 'skipped' | 'retrying' | 'failed'; messageId?: string; sizeBytes?: number; error?: string };
export type TSendResult = { week: string; outcomes: TDeliveryOutcome[] };

export type TSendOptions = {
  schedule: ReportSchedule | null;
  week: TIsoWeek;
  /** 'scheduled' for the cron's occurrence; a send now or a test has a key of its own */
  runKey: string;
  /** instead of the schedule's recipients (send a test, the CLI's --to) */
  to?: string[];
  now: Date;
  mailer?: TMailer;
  /** attempts before a temporary failure counts as failed (the job's retries + 1) */
  maxAttempts?: number;
};

// The schedule's addresses and the enabled members of its roles, less those who unsubscribed.
export async function resolveRecipients(schedule: ReportSchedule): Promise<string[]> {
  const members = schedule.roles.length
    ? await prisma.user.findMany({ where: { role: { in: schedule.roles }, disabled: false }, select: { email: true } })
    : [];
  const out = new Set([...schedule.recipients, ...members.map((m) => m.email)].map((a) => a.toLowerCase()));
  for (const a of schedule.unsubscribed) out.delete(a.toLowerCase());
  return [...out].sort();
}

export function unsubscribeUrl(scheduleId: string, address: string): string {
  return appLink(appUrl(), '/api/v1/report-schedules/unsubscribe', { token: unsubscribeToken(scheduleId, address) });
}

export function scheduleScope(schedule: ReportSchedule | null): TReportScope {
  const scope = (schedule?.scope ?? {}) as TReportScope;
  return scope.provider ? { provider: scope.provider } : {};
}

// Claims a recipient's delivery: a new row, or one a previous attempt left 'retrying' (or 'sending'
// for over 15 minutes: a worker that died mid-send). null when it is sent, failed or in hand elsewhere.
async function claim(options: { scheduleId: string | null; scheduleName: string; week: string; recipient: string; runKey: string }): Promise<{ id: string; attempts: number } | null> {
  const result = await pool().query<{ id: string; attempts: number }>(
    `INSERT INTO report_delivery (schedule_id, schedule_name, week, recipient, run_key, status, attempts)
     VALUES ($1, $2, $3, $4, $5, 'sending', 1)
     ON CONFLICT (schedule_id, week, recipient, run_key) DO UPDATE
        SET status = 'sending', attempts = report_delivery.attempts + 1, updated_at = now(), error = NULL
      WHERE report_delivery.status = 'retrying'
         OR (report_delivery.status = 'sending' AND report_delivery.updated_at < now() - interval '15 minutes')
     RETURNING id, attempts`,
    [options.scheduleId, options.scheduleName, options.week, options.recipient, options.runKey],
  );
  return result.rows[0] ?? null;
}

// 5xx answers are permanent (an unknown mailbox): retrying would not help.
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

export async function sendReport(options: TSendOptions): Promise<TSendResult> {
  const { schedule, week, runKey } = options;
  const recipients = options.to ?? (schedule ? await resolveRecipients(schedule) : []);
  if (!recipients.length) return { week: week.key, outcomes: [] };
  const mailer = options.mailer ?? mailerFromEnv();
  const maxAttempts = options.maxAttempts ?? 1;
  const scheduleName = schedule?.name ?? '(command line)';
  // a transport made here is closed here (it pools one connection for the recipients); one passed in is the caller's
  try {
    const claimed: { recipient: string; id: string; attempts: number }[] = [];
    const outcomes: TDeliveryOutcome[] = [];
    for (const recipient of recipients) {
      const row = await claim({ scheduleId: schedule?.id ?? null, scheduleName, week: week.key, recipient, runKey });
      if (row) claimed.push({ recipient, ...row });
      else outcomes.push({ recipient, status: 'skipped' });
    }
    if (!claimed.length) return { week: week.key, outcomes };

    const config = env();
    const locale = schedule?.locale ?? config.LOCALE;
    const currency = schedule?.currency ?? config.DISPLAY_CURRENCY;
    let view: TReportView;
    try {
      view = await buildWeeklyReport({ week, currency, scope: scheduleScope(schedule), timeZone: config.ORG_TIMEZONE, appUrl: appUrl(), now: options.now });
    } catch (error) {
      // nothing was sent: the claims go back to retrying so the job's next attempt takes them again
      await pool().query(`UPDATE report_delivery SET status = 'retrying', error = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [claimed.map((c) => c.id), scrubSmtpError(error, env().SMTP_URL)]);
      throw error;
    }

    const fromDomain = /@([^>\s]+)/.exec(mailer.from)?.[1] ?? 'tourmalet.local';
    for (const c of claimed) {
      const oneClick = schedule && !options.to ? unsubscribeUrl(schedule.id, c.recipient) : null;
      let rendered: TRenderedReport;
      const messageId = `<report.${week.key}.${crypto.randomUUID()}@${fromDomain}>`;
      try {
        rendered = await renderReport(view, {
          locale,
          timeZone: config.ORG_TIMEZONE,
          scheduleName: schedule?.name ?? null,
          unsubscribeUrl: oneClick,
          manageUrl: appLink(appUrl(), '/settings', {}) + '#reports',
          attachCsv: schedule?.attachCsv ?? false,
        });
        const raw = await new MailComposer({
          from: mailer.from,
          to: c.recipient,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId,
          headers: oneClick ? { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
          attachments: [
            ...rendered.images.map((img) => ({ filename: img.filename, content: img.png, contentType: 'image/png', cid: img.cid, contentDisposition: 'inline' as const })),
            ...(rendered.csv ? [{ filename: rendered.csv.filename, content: rendered.csv.content, contentType: 'text/csv; charset=utf-8' }] : []),
          ],
        })
          .compile()
          .build();
        await mailer.transport.sendMail({ envelope: { from: mailer.from, to: [c.recipient] }, raw });
        await pool().query(
          `UPDATE report_delivery SET status = 'sent', message_id = $2, size_bytes = $3, sent_at = now(), updated_at = now(), error = NULL WHERE id = $1`,
          [c.id, messageId, raw.length],
        );
        outcomes.push({ recipient: c.recipient, status: 'sent', messageId, sizeBytes: raw.length });
      } catch (error) {
        const message = scrubSmtpError(error, mailer.smtpUrl);
        const status = c.attempts < maxAttempts && !isPermanent(error) ? 'retrying' : 'failed';
        await pool().query(`UPDATE report_delivery SET status = $2, error = $3, updated_at = now() WHERE id = $1`, [c.id, status, message]);
        logger.warn({ schedule: scheduleName, week: week.key, status, attempts: c.attempts, error: message }, 'report delivery failed');
        outcomes.push({ recipient: c.recipient, status, error: message });
      }
    }
    return { week: week.key, outcomes };
  } finally {
    if (!options.mailer) mailer.transport.close();
  }
}
