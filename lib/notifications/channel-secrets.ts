// A webhook's URL and signing secret, sealed together like connection credentials (AES-256-GCM,
// bound to the channel's id). Only delivery opens them; nothing that answers a browser does.
import { decryptCredentials, encryptCredentials } from '../crypto/credentials';
import { secretForms } from '../connectors/scrub';

export type TWebhookSecrets = { url: string; secret: string | null };

export function channelContext(channelId: string): string {
  return `notification-channel:${channelId}`;
}

export function sealWebhook(channelId: string, secrets: TWebhookSecrets): string {
  return encryptCredentials({ url: secrets.url, secret: secrets.secret }, { context: channelContext(channelId) });
}

export function openWebhook(channelId: string, blob: string): TWebhookSecrets {
  const value = decryptCredentials(blob, { context: channelContext(channelId) });
  return { url: String(value.url), secret: typeof value.secret === 'string' ? value.secret : null };
}

// What may be shown of a webhook URL: its origin and the last 4 characters of the rest (a Slack
// URL's path is its credential).
export function urlHint(url: string): string {
  const u = new URL(url);
  const rest = url.slice(u.origin.length);
  if (rest.length <= 1) return u.origin;
  return `${u.origin}/…${rest.length > 8 ? rest.slice(-4) : ''}`;
}

// Every form the URL's path and the secret may take in an error text, for the scrubber.
export function webhookSecretForms(secrets: TWebhookSecrets): string[] {
  const u = new URL(secrets.url);
  const path = secrets.url.slice(u.origin.length);
  return secretForms({ url: secrets.url, path: path.length > 1 ? path : '', query: u.search, secret: secrets.secret ?? '' });
}
