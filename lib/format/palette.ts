// One colour per provider everywhere (overview, costs, scenarios, e-mail), keyed by the provider's
// id: the connector's provider id ("aws") or the FOCUS ProviderName the costs carry ("AWS",
// "MongoDB Atlas"), both normalised to the same id. Services and other groups get stable colours
// from a second palette, by their rank within one page.

const PROVIDER_COLORS: Record<string, string> = {
  aws: '#f59e0b',
  atlas: '#15803d',
  'redis-cloud': '#dc2626',
  redis: '#9f1239',
  cloudflare: '#0284c7',
  prometheus: '#c2410c',
  grafana: '#7c3aed',
};

// FOCUS ProviderName (as the providers and the demo write it) → provider id
const NAME_TO_ID: Record<string, string> = {
  aws: 'aws',
  'amazon web services': 'aws',
  'mongodb atlas': 'atlas',
  mongodb: 'atlas',
  atlas: 'atlas',
  'redis cloud': 'redis-cloud',
  'redis-cloud': 'redis-cloud',
  'redis inc.': 'redis-cloud',
  redis: 'redis',
  cloudflare: 'cloudflare',
  prometheus: 'prometheus',
  'grafana labs': 'grafana',
  grafana: 'grafana',
};

// Colours for providers no one listed: distinct from the named ones, stable per name.
const FALLBACK = ['#0f766e', '#be185d', '#4d7c0f', '#7c3aed', '#0369a1', '#a16207', '#475569'];

export function providerId(nameOrId: string): string {
  const k = nameOrId.trim().toLowerCase();
  return NAME_TO_ID[k] ?? k;
}

export function providerColor(nameOrId: string): string {
  const id = providerId(nameOrId);
  const known = PROVIDER_COLORS[id];
  if (known) return known;
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK[h % FALLBACK.length];
}

// Groups other than providers (services, regions, accounts): by rank on the page; 'Other' is grey.
export const SERIES_COLORS = ['#2f7d62', '#3b82f6', '#8b5cf6', '#14b8a6', '#ec4899', '#84cc16', '#0ea5e9', '#f97316', '#e11d48', '#a16207'];
export const OTHER_COLOR = '#94a3b8';

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}
