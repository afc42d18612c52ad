// What a metric's trend says, as a message key and its arguments: the page words it in the
// reader's language ("at the current trend full in ~140 days", "au rythme actuel, plein dans ~140 jours").
import type { TFullEstimate } from './trend';

// Beyond this a straight line says nothing useful about when a resource fills up.
export const TREND_HORIZON_DAYS = 730;

export type TTrendWords =
  | { key: 'trendFull' | 'trendNotGrowing' | 'trendNoTrend' | 'trendBeyondHorizon' | 'trendWithinDay' }
  | { key: 'trendInDays'; days: number };

export function describeTrend(trend: TFullEstimate | null): TTrendWords | null {
  if (!trend || trend.status === 'insufficient-data') return null;
  if (trend.status === 'full') return { key: 'trendFull' };
  if (trend.status === 'not-growing') return { key: 'trendNotGrowing' };
  if (trend.status === 'no-trend') return { key: 'trendNoTrend' };
  const days = trend.daysToFull ?? Infinity;
  if (days > TREND_HORIZON_DAYS) return { key: 'trendBeyondHorizon' };
  if (days < 1) return { key: 'trendWithinDay' };
  return { key: 'trendInDays', days: Math.round(days) };
}
