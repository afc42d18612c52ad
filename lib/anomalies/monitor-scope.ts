// What a monitor watches: a scope of the costs API's filters, the rows it matches, the dimensional monitors the
// data calls for, and the next dimension down that explains an anomaly. Pure.
import { z } from 'zod';
import { NONE, parseScopedKey, scopedKey, ZScopedKey } from '../queries/cost-keys';
import type { TCostRow } from './cost-rows';

export const MONITOR_KINDS = ['total', 'provider', 'service', 'account', 'region', 'custom'] as const;
export type TMonitorKind = (typeof MONITOR_KINDS)[number];
export type TDimensionKind = Exclude<TMonitorKind, 'custom'>;

export const ZMonitorScope = z
  .object({
    provider: z.string().min(1).max(200).optional().describe('a provider name (AWS, MongoDB Atlas, …)'),
    service: ZScopedKey('AWS:Amazon EC2').optional(),
    region: ZScopedKey('AWS:eu-west-3').optional(),
    account: ZScopedKey('AWS:123456789012').optional(),
    category: z.string().min(1).max(200).optional().describe('a FOCUS service category; (none) for records without one'),
  })
  .strict();
export type TMonitorScope = z.infer<typeof ZMonitorScope>;

/** A predicate on cost rows for a scope (every filter holds). */
export function scopeMatcher(scope: TMonitorScope): (row: TCostRow) => boolean {
  const checks: ((row: TCostRow) => boolean)[] = [];
  if (scope.provider) checks.push((r) => r.provider === scope.provider);
  for (const [name, field] of [
    ['service', 'service'],
    ['region', 'region'],
    ['account', 'account'],
  ] as const) {
    const value = scope[name];
    if (!value) continue;
    const key = parseScopedKey(value);
    if (!key) return () => false;
    checks.push((r) => r.provider === key.provider && r[field] === key.id);
  }
  if (scope.category) {
    const category = scope.category === NONE ? '' : scope.category;
    checks.push((r) => r.category === category);
  }
  return (row) => checks.every((check) => check(row));
}

export type TDimensionMonitor = { kind: TDimensionKind; key: string; name: string; scope: TMonitorScope };

/** One monitor for the total and for each provider, service, account and region the rows name. */
export function dimensionMonitors(rows: readonly TCostRow[]): TDimensionMonitor[] {
  const out = new Map<string, TDimensionMonitor>();
  const add = (m: TDimensionMonitor) => {
    const id = `${m.kind}\u0000${m.key}`;
    const existing = out.get(id);
    // an account's name is the greatest seen, as the costs API labels it
    if (!existing || m.name > existing.name) out.set(id, m);
  };
  if (rows.length) add({ kind: 'total', key: 'total', name: 'Total', scope: {} });
  for (const r of rows) {
    add({ kind: 'provider', key: r.provider, name: r.provider, scope: { provider: r.provider } });
    // a service, region or account that the rows leave empty is watched through its provider
    if (r.service) {
      const key = scopedKey(r.provider, r.service);
      add({ kind: 'service', key, name: `${r.provider} · ${r.service}`, scope: { service: key } });
    }
    if (r.region) {
      const key = scopedKey(r.provider, r.region);
      add({ kind: 'region', key, name: `${r.provider} · ${r.region}`, scope: { region: key } });
    }
    if (r.account) {
      const key = scopedKey(r.provider, r.account);
      add({ kind: 'account', key, name: `${r.provider} · ${r.accountName || r.account}`, scope: { account: key } });
    }
  }
  return [...out.values()];
}

export type TContributionDimension = 'provider' | 'service' | 'usageType';

/** The dimension one level below a monitor: total → provider → service → usage type; region and account → service. */
export function contributionDimension(kind: TMonitorKind, scope: TMonitorScope): TContributionDimension {
  if (kind === 'total') return 'provider';
  if (kind === 'service' || scope.service) return 'usageType';
  if (kind === 'custom' && !scope.provider && !scope.region && !scope.account && !scope.category) return 'provider';
  return 'service';
}

/** The child key and label of a row in a dimension held in cost rows (usage types come from cost_record). */
export function childOf(dimension: Exclude<TContributionDimension, 'usageType'>, row: TCostRow): { key: string; label: string } {
  if (dimension === 'provider') return { key: row.provider, label: row.provider };
  return { key: scopedKey(row.provider, row.service), label: row.service || NONE };
}
