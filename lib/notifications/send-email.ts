// E-mail through SMTP_URL (nodemailer): one message per recipient, so one address refused does
// not stop the others and a retry sends only to those that did not get it. The SMTP password
// never leaves this file: errors are scrubbed of it (and of anything credential-shaped) first.
import { env } from '../env';
import { DeliveryError } from './delivery-error';
import { createSmtpTransport, scrubSmtp } from './smtp';

export type TEmail = { subject: string; text: string; html: string; notificationId: string };

export async function sendEmails(
  addresses: string[],
  email: TEmail,
  options: { timeoutMs?: number; smtpUrl?: string; from?: string } = {},
): Promise<string[]> {
  const smtpUrl = options.smtpUrl ?? env().SMTP_URL;
  const from = options.from ?? env().MAIL_FROM;
  if (!smtpUrl || !from) throw new DeliveryError('e-mail is not configured: set SMTP_URL and MAIL_FROM, then restart', true);
  const transport = createSmtpTransport(smtpUrl, { timeoutMs: options.timeoutMs });
  const delivered: string[] = [];
  const failures: { address: string; message: string; permanent: boolean }[] = [];
  try {
    for (const address of addresses) {
      try {
        await transport.sendMail({
          from,
          to: address,
          subject: email.subject,
          text: email.text,
          html: email.html,
          headers: { 'X-Tourmalet-Notification': email.notificationId, 'Auto-Submitted': 'auto-generated' },
        });
        delivered.push(address);
      } catch (error) {
        const e = error as Error & { responseCode?: number; code?: string };
        // a 5xx reply refuses this recipient for good; a 4xx, a refused connection or a timeout may pass later
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.code !== 'EAUTH';
        failures.push({ address, message: scrubSmtp(e.message ?? String(e), smtpUrl), permanent });
        // the server is unreachable: the other addresses would fail the same way
        if (e.code === 'ECONNECTION' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKET' || e.code === 'EAUTH' || e.code === 'EDNS') {
          for (const rest of addresses.slice(addresses.indexOf(address) + 1)) failures.push({ address: rest, message: 'not tried: the server failed for the previous address', permanent: false });
          break;
        }
      }
    }
  } finally {
    transport.close();
  }
  if (failures.length) {
    const message = failures.map((f) => `${f.address}: ${f.message}`).join('; ').slice(0, 2000);
    throw new DeliveryError(message, failures.some((f) => !f.permanent), delivered);
  }
  return delivered;
}
