// The one-click unsubscribe link's token: which address leaves which schedule, signed with an
// HMAC under AUTH_SECRET so that nobody can remove someone else from a report.
import crypto from 'node:crypto';
import { requireEnv } from '../env';

const PURPOSE = 'tourmalet.report-unsubscribe.v1';

function sign(payload: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`${PURPOSE}.${payload}`).digest('base64url');
}

export function unsubscribeToken(scheduleId: string, address: string, secret = requireEnv('AUTH_SECRET')): string {
  const payload = Buffer.from(JSON.stringify({ s: scheduleId, a: address.toLowerCase() })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

// The schedule and address a token names, or null when it is malformed or its signature is wrong.
export function readUnsubscribeToken(token: string, secret = requireEnv('AUTH_SECRET')): { scheduleId: string; address: string } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; a?: unknown };
    return typeof parsed.s === 'string' && typeof parsed.a === 'string' ? { scheduleId: parsed.s, address: parsed.a } : null;
  } catch {
    return null;
  }
}
