// The SMTP transport of SMTP_URL (nodemailer) and the scrubbing of its errors: an SMTP error can
// quote the URL or the credentials, which must never reach the delivery log, a log or a browser.
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';
import { AppError } from '../errors';

export type TMailer = { transport: Transporter; from: string; secrets: string[] };

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
  const url = new URL(smtpUrl);
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: user ? { user, pass } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return { transport, from, secrets: [smtpUrl, url.password, pass, url.username, user].filter((s) => s.length >= 3) };
}

// An error's message without the SMTP URL or its credentials, one line, at most 500 characters.
export function scrubSmtpError(error: unknown, secrets: string[]): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) text = text.split(s).join('***');
  // any other URL with credentials in it
  text = text.replace(/\b(smtps?:\/\/)[^\s/@]+@/gi, '$1***@');
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
