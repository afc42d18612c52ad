// One key per provider across the price catalogue ("mongodb-atlas"), the connectors ("atlas") and
// FOCUS costs ("MongoDB Atlas"), and the name a page shows for it. Pure: the prices page's client
// table and its server reader share it.
import { providerId } from '../format/palette';

// The catalogue names some providers as neither the connectors nor FOCUS do; one key for each
// family (a Redis Cloud price concerns whoever runs Redis, self-hosted or not).
const ALIASES: Record<string, string> = {
  'mongodb-atlas': 'atlas',
  'google cloud': 'gcp',
  'google cloud platform': 'gcp',
  google: 'gcp',
  redis: 'redis-cloud',
  'redis enterprise': 'redis-cloud',
};

const NAMES: Record<string, string> = {
  aws: 'AWS',
  atlas: 'MongoDB Atlas',
  'redis-cloud': 'Redis Cloud',
  cloudflare: 'Cloudflare',
  gcp: 'Google Cloud',
  grafana: 'Grafana Labs',
  pagerduty: 'PagerDuty',
  prometheus: 'Prometheus',
};

export function providerKey(nameOrId: string): string {
  const id = providerId(nameOrId);
  return ALIASES[id] ?? id;
}

/** A provider's proper name ("MongoDB Atlas"), the same in every language. */
export function providerName(nameOrId: string): string {
  return NAMES[providerKey(nameOrId)] ?? nameOrId;
}
