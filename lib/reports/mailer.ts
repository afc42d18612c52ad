// The weekly report's sender: SMTP_URL's transport (the same as alert e-mails) and MAIL_FROM.
import type { Transporter } from 'nodemailer';
import { env } from '../env';
import { AppError } from '../errors';
import { createSmtpTransport, scrubSmtp } from '../notifications/smtp';

export type TMailer = { transport: Transporter; from: string; smtpUrl: string };

export function smtpConfigured(): boolean {
  const { SMTP_URL, MAIL_FROM } = env();
  return Boolean(SMTP_URL && MAIL_FROM);
}

export function mailerFromEnv(): TMailer {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL || !MAIL_FROM)
    throw new AppError('UNPROCESSABLE', 'no SMTP server configured: set SMTP_URL (smtp://user:pass@host:587) and MAIL_FROM (reports@example.com), then restart', [
      { field: SMTP_URL ? 'MAIL_FROM' : 'SMTP_URL', message: 'not set' },
    ]);
  return mailerFor(SMTP_URL, MAIL_FROM);
}

export function mailerFor(smtpUrl: string, from: string): TMailer {
  // a report with its chart images is larger than an alert: a minute to send it
  return { transport: createSmtpTransport(smtpUrl, { timeoutMs: 60_000 }), from, smtpUrl };
}

/** An error's message without the SMTP URL or its credentials, one line, at most 500 characters. */
export function scrubSmtpError(error: unknown, smtpUrl: string | undefined): string {
  return scrubSmtp(error instanceof Error ? error.message : String(error), smtpUrl);
}
