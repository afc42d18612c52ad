// A metric's window summary in one sentence: "P95 memory 5,9 GB of 8 GB — 26 % headroom; at the
// current trend full in ~140 days."
import { formatQuantity, formatShare } from '../format/units';
import type { THeadroom } from './headroom';
import type { TFullEstimate } from './trend';

// Beyond this a straight line says nothing useful about when a resource fills up.
export const TREND_HORIZON_DAYS = 730;

export function describeTrend(trend: TFullEstimate | null): string | null {
  if (!trend || trend.status === 'insufficient-data') return null;
  if (trend.status === 'full') return 'at capacity on the current trend';
  if (trend.status === 'not-growing') return 'not growing over this window';
  if (trend.status === 'no-trend') return 'no clear trend over this window';
  const days = trend.daysToFull ?? Infinity;
  if (days > TREND_HORIZON_DAYS) return 'at the current trend not full within two years';
  if (days < 1) return 'at the current trend full within a day';
  return `at the current trend full in ~${Math.round(days)} days`;
}

export function describeMetric(input: {
  noun: string;
  unit: string;
  p50: number;
  p95: number;
  max: number;
  capacity: number | null;
  headroom: THeadroom | null;
  trend: TFullEstimate | null;
  locale?: string;
}): string {
  const locale = input.locale ?? 'fr-FR';
  const q = (v: number) => formatQuantity(v, input.unit, locale);
  if (input.capacity === null || input.headroom === null) {
    return `P95 ${input.noun} ${q(input.p95)} (P50 ${q(input.p50)}, max ${q(input.max)}).`;
  }
  const { headroom } = input.headroom;
  const room =
    headroom >= 0 ? `${formatShare(headroom, locale)} headroom` : `${formatShare(-headroom, locale)} over capacity`;
  const trend = describeTrend(input.trend);
  return `P95 ${input.noun} ${q(input.p95)} of ${q(input.capacity)} — ${room}${trend ? `; ${trend}` : ''}.`;
}
