// The one SMTP transport of SMTP_URL (nodemailer), for alert e-mails and the weekly report alike, and the
// scrubbing of SMTP errors: an error can quote the URL or the credentials (as typed, decoded, or base64 as
// AUTH PLAIN and LOGIN send them), which must never reach a delivery log, a log or a browser.
import nodemailer, { type Transporter } from 'nodemailer';
import { scrubText, secretForms } from '../connectors/scrub';

export function smtpSecretForms(url: string): string[] {
  return secretForms({ url });
}

/** One line of an SMTP error without the URL's secrets (or any other credential-shaped text), at most 500 characters. */
export function scrubSmtp(text: string, url: string | undefined): string {
  return scrubText(text, url ? smtpSecretForms(url) : []).replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** A transport for one batch of messages: one connection (one login) for all of them. */
export function createSmtpTransport(url: string, options: { timeoutMs?: number } = {}): Transporter {
  const timeout = options.timeoutMs ?? 20_000;
  return nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 1,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    logger: false,
    debug: false,
  });
}
