'use client';

// Alternatives per resource class (provider, pricing, region and sizes) as selects, and the timeline.
import { ATLAS_TIER_NAMES, ELASTICACHE_NODE_NAMES, INSTANCE_TYPE_NAMES } from '@/lib/planning/hardware';
import { PRICING_OPTIONS } from '@/lib/planning/price-catalogue';
import { REGIONS } from '@/lib/planning/regions';
import { CURVES } from '@/lib/planning/timeline';
import { RESOURCE_CLASS_LABELS, type TResourceClass } from '@/lib/planning/types';
import type { TScenarioOptions, TScenarioTimeline } from '@/lib/scenarios/scenario-schema';

type TField = { key: string; label: string; choices: readonly (string | number)[]; labels?: Record<string, string>; boolean?: boolean };

const PRICING_LABELS: Record<string, string> = { 'on-demand': 'On demand', '1y': '1-year commitment', '3y': '3-year commitment' };
const pricing: TField = { key: 'pricing', label: 'Pricing', choices: PRICING_OPTIONS, labels: PRICING_LABELS };
const region = (key = 'region', label = 'Region'): TField => ({ key, label, choices: REGIONS });

const FIELDS: Record<Exclude<TResourceClass, never>, TField[]> = {
  application: [
    { key: 'provider', label: 'Provider', choices: ['eks', 'ecs-fargate'] satisfies TScenarioOptions['application']['provider'][], labels: { eks: 'EKS (Kubernetes on EC2)', 'ecs-fargate': 'ECS on Fargate' } },
    { key: 'instanceType', label: 'Node type', choices: INSTANCE_TYPE_NAMES },
    pricing,
    region(),
  ],
  atlas: [pricing, region(), { key: 'minTier', label: 'Smallest tier', choices: ATLAS_TIER_NAMES }, { key: 'maxTier', label: 'Largest tier before sharding', choices: ATLAS_TIER_NAMES }],
  redis: [
    { key: 'provider', label: 'Provider', choices: ['redis-enterprise', 'elasticache'] satisfies TScenarioOptions['redis']['provider'][], labels: { 'redis-enterprise': 'Redis Enterprise (Redis Cloud)', elasticache: 'ElastiCache' } },
    { key: 'enterpriseNodeGB', label: 'Redis Enterprise node (GB)', choices: [8, 16, 32, 64] },
    { key: 'elasticacheNodeType', label: 'ElastiCache node', choices: ELASTICACHE_NODE_NAMES },
    pricing,
    region(),
  ],
  cdn: [
    { key: 'provider', label: 'Provider', choices: ['cloudfront', 'cloudflare'] satisfies TScenarioOptions['cdn']['provider'][], labels: { cloudfront: 'CloudFront', cloudflare: 'Cloudflare' } },
    { key: 'cloudflarePlan', label: 'Cloudflare plan', choices: ['pro', 'business', 'enterprise'] satisfies TScenarioOptions['cdn']['cloudflarePlan'][] },
    pricing,
    { key: 'applyFreeTier', label: 'CloudFront free tier', choices: [], boolean: true },
  ],
  objectStorage: [
    { key: 'provider', label: 'Provider', choices: ['s3', 'gcs'] satisfies TScenarioOptions['objectStorage']['provider'][], labels: { s3: 'Amazon S3', gcs: 'Google Cloud Storage' } },
    pricing,
    region(),
    region('replicaRegion', 'Replica region'),
  ],
  monitoring: [
    { key: 'provider', label: 'Provider', choices: ['grafana-cloud', 'self-hosted'] satisfies TScenarioOptions['monitoring']['provider'][], labels: { 'grafana-cloud': 'Grafana Cloud', 'self-hosted': 'Self-hosted (Prometheus, Grafana, ELK)' } },
    { key: 'alerting', label: 'Alerting', choices: ['pagerduty', 'none'] satisfies TScenarioOptions['monitoring']['alerting'][], labels: { pagerduty: 'PagerDuty', none: 'None' } },
    { key: 'instanceType', label: 'Self-hosted node type', choices: INSTANCE_TYPE_NAMES },
    pricing,
    region(),
  ],
};

const select = 'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm';

export function OptionSelects(props: {
  options: TScenarioOptions;
  onChange: (cls: TResourceClass, key: string, value: string | number | boolean) => void;
  onUsePaidPrices: (v: boolean) => void;
  paidPricesKnown: number;
}) {
  return (
    <div className="space-y-4" data-testid="option-selects">
      {(Object.keys(FIELDS) as TResourceClass[]).map((cls) => {
        const current = props.options[cls] as Record<string, unknown>;
        return (
          <fieldset key={cls}>
            <legend className="mb-1 text-sm font-medium text-slate-800">{RESOURCE_CLASS_LABELS[cls]}</legend>
            <div className="grid grid-cols-2 gap-2">
              {FIELDS[cls].map((f) => (
                <label key={f.key} className="text-xs text-slate-500">
                  {f.label}
                  {f.boolean ? (
                    <span className="mt-1 flex items-center gap-1 text-sm text-slate-700">
                      <input type="checkbox" checked={Boolean(current[f.key])} onChange={(e) => props.onChange(cls, f.key, e.target.checked)} />
                      applies
                    </span>
                  ) : (
                    <select className={select} data-testid={`option-${cls}-${f.key}`} value={String(current[f.key])}
                      onChange={(e) => props.onChange(cls, f.key, typeof f.choices[0] === 'number' ? Number(e.target.value) : e.target.value)}>
                      {f.choices.map((c) => <option key={String(c)} value={String(c)}>{f.labels?.[String(c)] ?? String(c)}</option>)}
                    </select>
                  )}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <label className="flex items-start gap-2 border-t border-slate-100 pt-3 text-sm">
        <input type="checkbox" className="mt-1" checked={props.options.usePaidPrices} disabled={props.paidPricesKnown === 0 && !props.options.usePaidPrices}
          onChange={(e) => props.onUsePaidPrices(e.target.checked)} />
        <span>
          Use the prices actually paid instead of list prices
          <span className="block text-xs text-slate-500">
            {props.paidPricesKnown === 0 ? 'No price paid is known yet: it comes from Atlas invoices and AWS cost records.' : `${props.paidPricesKnown} prices paid are known from invoices and cost records.`}
          </span>
        </span>
      </label>
    </div>
  );
}

export function TimelineInputs(props: {
  timeline: TScenarioTimeline;
  scenarios: { id: string; name: string }[];
  selfId: string;
  onChange: (patch: Partial<TScenarioTimeline>) => void;
}) {
  const t = props.timeline;
  return (
    <div className="grid grid-cols-2 gap-2 text-xs text-slate-500" data-testid="timeline-inputs">
      <label className="col-span-2">
        Rolls out from
        <select className={select} value={t.fromScenarioId ?? ''} onChange={(e) => props.onChange({ fromScenarioId: e.target.value || null })}>
          <option value="">Nothing: the drivers stay as they are</option>
          {props.scenarios.filter((s) => s.id !== props.selfId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label>
        Growth curve
        <select className={select} value={t.curve} onChange={(e) => props.onChange({ curve: e.target.value as TScenarioTimeline['curve'] })}>
          {CURVES.map((c) => <option key={c} value={c}>{c === 's-curve' ? 'S-curve' : c === 'step' ? 'Step (big bang)' : 'Linear'}</option>)}
        </select>
      </label>
      <label>
        Months
        <input type="number" min={1} max={120} className={select} value={t.months} onChange={(e) => props.onChange({ months: Math.max(1, Math.min(120, Math.round(Number(e.target.value) || 1))) })} />
      </label>
      <label className="col-span-2">
        Start (empty: the first day of next month)
        <input type="date" className={select} value={t.start ?? ''} onChange={(e) => props.onChange({ start: e.target.value || null })} />
      </label>
      <p className="col-span-2 text-slate-500">
        Phases of the plan: preparation {t.phases?.preparationWeeks ?? 2} weeks, data migration {t.phases?.migrationWeeks ?? 3} weeks, progressive roll-out {t.phases?.rolloutWeeks ?? 4} weeks, then steady state.
      </p>
    </div>
  );
}
