// Realised savings of an implemented recommendation: the bill's average daily cost of what it acted on in
// the 30 days before it was implemented, against the days since (up to 30), scaled to a month.
import { addUtcDays, startOfUtcDay } from '../dates';
import { moneyFromNumber } from '../money/decimal';
import type { TRecommendationView } from '../api/schemas/recommendations';
import { INSTRUMENTS, type TInstrumentId } from '../recommendations/commitments/instruments';
import type { TRecommendation } from '../recommendations/types';
import { getResourceDailyCosts, type TResourceCostScope } from './get-resource-daily-costs';

const WINDOW_DAYS = 30;
const BILL_PROVIDER: Record<string, string> = { aws: 'AWS', atlas: 'MongoDB Atlas', 'redis-cloud': 'Redis Cloud', cloudflare: 'Cloudflare' };
const COMMITMENT_SERVICES: Partial<Record<TInstrumentId, string[]>> = {
  'aws-compute-savings-plan': ['Amazon Elastic Compute Cloud', 'AWS Fargate', 'Amazon Elastic Container Service', 'Savings Plans for AWS Compute usage'],
  'aws-ec2-reserved-instance': ['Amazon Elastic Compute Cloud'],
  'aws-elasticache-reserved-node': ['Amazon ElastiCache'],
  'aws-rds-reserved-instance': ['Amazon Relational Database Service'],
  'aws-cloudfront-security-bundle': ['Amazon CloudFront'],
};

function scopeOf(rec: TRecommendation): TResourceCostScope {
  if (rec.kind === 'commitment') {
    const id = String(rec.action.params.instrument) as TInstrumentId;
    const instrument = INSTRUMENTS[id];
    return { provider: BILL_PROVIDER[instrument?.provider ?? 'aws'] ?? 'AWS', services: COMMITMENT_SERVICES[id] ?? null };
  }
  const base = rec.resource.id.split('#')[0];
  return { resourceIds: [base, rec.resource.id], resourceNames: [rec.resource.name.split(' ')[0], rec.resource.name] };
}

export async function getRealisedSavings(rec: TRecommendation, implementedAt: Date, now: Date, currency: string): Promise<TRecommendationView['realised']> {
  const start = startOfUtcDay(implementedAt);
  const from = addUtcDays(start, -WINDOW_DAYS);
  const afterEnd = new Date(Math.min(startOfUtcDay(now).getTime(), addUtcDays(start, WINDOW_DAYS + 1).getTime()));
  const rows = await getResourceDailyCosts({ scope: scopeOf(rec), from, to: afterEnd, currency });
  // The day it was implemented is half before, half after: left out of both.
  const implDay = start.toISOString().slice(0, 10);
  const before = rows.filter((r) => r.day < implDay);
  const after = rows.filter((r) => r.day > implDay);
  if (before.length === 0 || after.length === 0) return null;
  const avg = (xs: { cost: number }[]) => xs.reduce((s, x) => s + x.cost, 0) / xs.length;
  const b = avg(before);
  const a = avg(after);
  return {
    currency,
    beforeDaily: moneyFromNumber(b, 2),
    afterDaily: moneyFromNumber(a, 2),
    monthly: moneyFromNumber((b - a) * 30.4, 2),
    beforeFrom: from.toISOString().slice(0, 10),
    afterTo: afterEnd.toISOString().slice(0, 10),
    days: after.length,
  };
}
