// A webhook delivery: a JSON POST, signed when the channel has a secret, with a timeout. 2xx is
// delivered; 408, 425, 429, 5xx, a timeout or a network error are tried again; another status is
// a refusal that retrying will not change. Redirects are not followed (a signed body is for the
// address it was configured with).
import { scrubText } from '../connectors/scrub';
import { DeliveryError } from './delivery-error';
import { signPayload, SIGNATURE_HEADER } from './signature';

export type TWebhookRequest = { url: string; secret: string | null; body: string; notificationId: string; event: string; secretForms: string[] };

const RETRYABLE = new Set([408, 425, 429]);

export async function sendWebhook(request: TWebhookRequest, options: { timeoutMs?: number; now?: Date } = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Tourmalet-Webhook/1',
    'tourmalet-event': request.event,
    // the same id on every retry: a receiver that got it once can ignore it
    'tourmalet-delivery': request.notificationId,
  };
  if (request.secret) headers[SIGNATURE_HEADER] = signPayload(request.body, request.secret, options.now ?? new Date());
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason =
      e.name === 'TimeoutError' ? `no answer within ${Math.round(timeoutMs / 1000)} s` : [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
    throw new DeliveryError(scrubText(reason, request.secretForms), true);
  }
  const text = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 300);
  if (response.status >= 200 && response.status < 300) return response.status;
  const message = scrubText(`HTTP ${response.status}${text ? `: ${text}` : ''}`, request.secretForms);
  if (response.status >= 300 && response.status < 400) throw new DeliveryError(`${message} (redirects are not followed: configure the final address)`, false);
  throw new DeliveryError(message, response.status >= 500 || RETRYABLE.has(response.status));
}
