// Display formatting for utilisation figures: bytes, percentages, rates and counts, in the reader's
// locale (French by default). Pure, so client charts and server pages share it.

// Binary multiples, written as providers write tier sizes ("M30: 8 GB RAM" is 8 × 2^30 bytes);
// French writes octets ("8 Go").
const BYTE_UNITS = { en: ['B', 'KB', 'MB', 'GB', 'TB', 'PB'], fr: ['o', 'Ko', 'Mo', 'Go', 'To', 'Po'] } as const;
const isFrench = (locale: string) => locale.toLowerCase().startsWith('fr');

/** The unit of 1024^power bytes in the locale's language ("GB", "Go"). */
export function byteUnit(power: number, locale = 'fr-FR'): string {
  const units = BYTE_UNITS[isFrench(locale) ? 'fr' : 'en'];
  return units[Math.min(Math.max(power, 0), units.length - 1)];
}

// Suffixes for the rate and count units the connectors write, in each language.
const SUFFIX: Record<'en' | 'fr', Record<string, string>> = {
  en: { 'ops/s': 'ops/s', 'req/s': 'requests/s', iops: 'IOPS', cores: 'cores', count: '', GiB: 'GiB', replicas: 'replicas', connections: 'connections', nodes: 'nodes' },
  fr: { 'ops/s': 'op./s', 'req/s': 'requêtes/s', iops: 'IOPS', cores: 'cœurs', count: '', GiB: 'Gio', replicas: 'réplicas', connections: 'connexions', nodes: 'nœuds' },
};

const SINGULAR: Record<'en' | 'fr', Record<string, string>> = {
  en: { replicas: 'replica', connections: 'connection', nodes: 'node' },
  fr: { replicas: 'réplica', connections: 'connexion', nodes: 'nœud' },
};

// Fewer decimals as numbers grow: 0.042, 3.14, 42.5, 1 234.
function digitsFor(abs: number): number {
  if (abs === 0 || abs >= 100) return 0;
  if (abs >= 10) return 1;
  if (abs >= 1) return 2;
  return 3;
}

export function formatNumber(value: number, locale = 'fr-FR', digits?: number): string {
  const abs = Math.abs(value);
  if (abs >= 100_000) return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits ?? digitsFor(abs) }).format(value);
}

export function formatBytes(bytes: number, locale = 'fr-FR'): string {
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < BYTE_UNITS.en.length - 1) {
    value /= 1024;
    i += 1;
  }
  const digits = Math.abs(value) >= 100 || i === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${byteUnit(i, locale)}`;
}

/** Decimal gigabytes as bills and CDNs count them (1 TB = 1,000 GB): "3 534 Go", "45 To"; not binary like formatBytes. */
export function formatGigabytes(gb: number, locale = 'fr-FR'): string {
  const fr = isFrench(locale);
  // 999.6 GB would round to "1 000 GB": it reads "1 TB"
  const [value, unit] = Math.abs(gb) >= 999.5 ? [gb / 1000, fr ? 'To' : 'TB'] : [gb, fr ? 'Go' : 'GB'];
  return `${formatNumber(value, locale)} ${unit}`;
}

// A share of a whole (0.26 → "26 %"), without the sign that the formatter's change() adds.
export function formatShare(ratio: number, locale = 'fr-FR', digits = 0): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

// A value in its sample unit: 'percent' is 0–100, 'ratio' is 0–1.
export function formatQuantity(value: number, unit: string, locale = 'fr-FR'): string {
  switch (unit) {
    case 'bytes':
      return formatBytes(value, locale);
    case 'percent':
      return formatShare(value / 100, locale, Math.abs(value) < 10 ? 1 : 0);
    case 'ratio':
      return formatShare(value, locale, 1);
    default: {
      const lang = isFrench(locale) ? 'fr' : 'en';
      const suffixes = SUFFIX[lang];
      // one replica, not "1 replicas" (French keeps the singular under two: "1,5 nœud")
      const singular = lang === 'fr' ? Math.abs(value) < 2 : Math.abs(value) === 1;
      const suffix = singular && unit in SINGULAR[lang] ? SINGULAR[lang][unit] : unit in suffixes ? suffixes[unit] : unit;
      const number = formatNumber(value, locale);
      return suffix ? `${number} ${suffix}` : number;
    }
  }
}

// Axis ticks: the same units, shorter.
export function formatAxisQuantity(value: number, unit: string, locale = 'fr-FR'): string {
  if (unit === 'bytes') return formatBytes(value, locale);
  if (unit === 'percent') return formatShare(value / 100, locale, 0);
  if (unit === 'ratio') return formatShare(value, locale, 0);
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
