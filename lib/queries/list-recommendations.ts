// Stored recommendations with filters, the savings still to gain by kind and provider, and the last
// refresh with each rule's outcome: the page, the API and the CLI read this.
import { prisma } from '../db';
import { addDecimals } from '../money/decimal';
import { RECOMMENDATION_STATUSES, type TRecommendationList, type TRecommendationsQuery, type TRecommendationView } from '../api/schemas/recommendations';
import { RECOMMENDATION_KINDS } from '../recommendations/types';
import type { TRecommendation } from '../recommendations/types';
import { getRealisedSavings } from './get-realised-savings';
import { toRecommendationView, toRunView } from './recommendation-view';

const ZERO = { p10: '0', p50: '0', p90: '0' };
const add = (a: typeof ZERO, b: typeof ZERO) => ({ p10: addDecimals(a.p10, b.p10), p50: addDecimals(a.p50, b.p50), p90: addDecimals(a.p90, b.p90) });

export async function getRecommendationRun(id: string) {
  const row = await prisma.recommendationRun.findUnique({ where: { id } });
  return row ? toRunView(row) : null;
}

export async function getLastRecommendationRun() {
  const row = await prisma.recommendationRun.findFirst({ orderBy: { startedAt: 'desc' } });
  return row ? toRunView(row) : null;
}

export async function withRealised(view: TRecommendationView, payload: unknown, now: Date, currency: string): Promise<TRecommendationView> {
  if (view.status !== 'implemented' || !view.implementedAt) return view;
  return { ...view, realised: await getRealisedSavings(payload as TRecommendation, new Date(view.implementedAt), now, currency) };
}

export async function listRecommendations(query: TRecommendationsQuery & { now?: Date; currency: string }): Promise<TRecommendationList> {
  const now = query.now ?? new Date();
  const rows = await prisma.recommendation.findMany({
    where: {
      ...(query.includeRetired ? {} : { current: true }),
      ...(query.status ? { status: { in: query.status } } : {}),
      ...(query.kind ? { kind: { in: query.kind } } : {}),
      ...(query.provider ? { provider: query.provider } : {}),
    },
    orderBy: [{ monthlySavingsP50: { sort: 'desc', nulls: 'last' } }, { kind: 'asc' }, { resourceName: 'asc' }],
  });
  const items = await Promise.all(rows.map((r) => withRealised(toRecommendationView(r), r.payload, now, query.currency)));
  // Totals are over everything current (not the filtered list): the page's header does not move with its filters.
  const all = await prisma.recommendation.findMany({ where: { current: true }, select: { kind: true, provider: true, status: true, monthlySavingsP10: true, monthlySavingsP50: true, monthlySavingsP90: true } });
  let total = { count: 0, monthlySavings: ZERO };
  const byKind = new Map<string, { count: number; monthlySavings: typeof ZERO }>();
  const byProvider = new Map<string, { count: number; monthlySavings: typeof ZERO }>();
  const byStatus = new Map<string, number>();
  for (const r of all) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    if (r.status !== 'open' && r.status !== 'accepted') continue;
    const s = r.monthlySavingsP50 ? { p10: r.monthlySavingsP10!.toFixed(), p50: r.monthlySavingsP50.toFixed(), p90: r.monthlySavingsP90!.toFixed() } : ZERO;
    total = { count: total.count + 1, monthlySavings: add(total.monthlySavings, s) };
    const k = byKind.get(r.kind) ?? { count: 0, monthlySavings: ZERO };
    byKind.set(r.kind, { count: k.count + 1, monthlySavings: add(k.monthlySavings, s) });
    const p = byProvider.get(r.provider) ?? { count: 0, monthlySavings: ZERO };
    byProvider.set(r.provider, { count: p.count + 1, monthlySavings: add(p.monthlySavings, s) });
  }
  const round2 = (x: typeof ZERO) => ({ p10: Number(x.p10).toFixed(2), p50: Number(x.p50).toFixed(2), p90: Number(x.p90).toFixed(2) });
  return {
    items,
    summary: {
      currency: query.currency,
      total: { count: total.count, monthlySavings: round2(total.monthlySavings) },
      byKind: RECOMMENDATION_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, count: byKind.get(kind)!.count, monthlySavings: round2(byKind.get(kind)!.monthlySavings) })),
      byProvider: [...byProvider].sort((a, b) => Number(b[1].monthlySavings.p50) - Number(a[1].monthlySavings.p50)).map(([provider, v]) => ({ provider, count: v.count, monthlySavings: round2(v.monthlySavings) })),
      byStatus: RECOMMENDATION_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    },
    lastRun: await getLastRecommendationRun(),
  };
}
