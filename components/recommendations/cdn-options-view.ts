// The CDN pricing recommendation's options as the detail page lists them: read from its stored details (any
// shape, so a malformed payload gives no table rather than a broken page), cheapest first, each cost in the
// page's currency (details keep the rule's currency; fxRate is one unit of it in the display currency). Pure.

export type TCdnOptionRow = {
  id: string;
  name: string;
  /** 'cloudflare' (plans with unmetered traffic) or 'cloudfront'. */
  family: string;
  monthlyCost: number;
  allowance: { dataTransferGB: number | null; requests: number | null };
  billing: string;
  current: boolean;
  best: boolean;
  estimate: boolean;
  commitment: boolean;
  migration: boolean;
  reason: string | null;
};

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function cdnOptionRows(details: Record<string, unknown> | null | undefined): TCdnOptionRow[] {
  if (!details || !Array.isArray(details.options)) return [];
  const rate = num(details.fxRate) !== null && (details.fxRate as number) > 0 ? (details.fxRate as number) : 1;
  const best = typeof details.best === 'string' ? details.best : null;
  const rows: TCdnOptionRow[] = [];
  for (const o of details.options as unknown[]) {
    if (!o || typeof o !== 'object') continue;
    const r = o as Record<string, unknown>;
    const cost = num(r.monthlyCost);
    if (typeof r.id !== 'string' || cost === null) continue;
    const allowance = (r.allowance ?? {}) as Record<string, unknown>;
    rows.push({
      id: r.id,
      name: typeof r.name === 'string' ? r.name : r.id,
      family: typeof r.family === 'string' ? r.family : '',
      monthlyCost: Math.round(cost * rate * 100) / 100,
      allowance: { dataTransferGB: num(allowance.dataTransferGB), requests: num(allowance.requests) },
      billing: typeof r.billing === 'string' ? r.billing : 'monthly',
      current: r.current === true,
      best: r.id === best,
      estimate: r.estimate === true,
      commitment: r.commitment === true,
      migration: r.migration === true,
      reason: typeof r.reason === 'string' ? r.reason : null,
    });
  }
  return rows.sort((a, b) => a.monthlyCost - b.monthlyCost);
}
