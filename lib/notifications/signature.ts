// Webhook signatures in Stripe's scheme, which receivers already know how to check:
// `Tourmalet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The receiver
// recomputes it with the shared secret, compares in constant time, and refuses a timestamp outside
// its tolerance (a replayed request).
import crypto from 'node:crypto';

export const SIGNATURE_HEADER = 'Tourmalet-Signature';

export function signPayload(body: string, secret: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = crypto.createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}

// For receivers (and tests): true when one of the header's v1 signatures matches and its timestamp
// lies within the tolerance of now.
export function verifySignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(crypto.createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex'), 'utf8');
  return parts
    .filter(([k, v]) => k === 'v1' && v !== undefined)
    .some(([, v]) => {
      const given = Buffer.from(v, 'utf8');
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    });
}
