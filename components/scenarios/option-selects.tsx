'use client';

// Alternatives per resource class (provider, pricing, region and sizes) as selects, and the timeline.
import { useTranslations } from 'next-intl';
import { ATLAS_TIER_NAMES, ELASTICACHE_NODE_NAMES, INSTANCE_TYPE_NAMES } from '@/lib/planning/hardware';
import { PRICING_OPTIONS } from '@/lib/planning/price-catalogue';
import { REGIONS } from '@/lib/planning/regions';
import { CURVES } from '@/lib/planning/timeline';
import type { TResourceClass } from '@/lib/planning/types';
import type { TScenarioOptions, TScenarioTimeline } from '@/lib/scenarios/scenario-schema';
import { useScenarioLabels } from './labels';

// label: a key of the "scenarios.options" messages; labels: choice → message key, or a product name as is
type TOptionKey = Parameters<ReturnType<typeof useTranslations<'scenarios.options'>>>[0];
type TField = { key: string; label: TOptionKey; choices: readonly (string | number)[]; labels?: Record<string, { key: TOptionKey } | string>; boolean?: boolean; regions?: boolean };

const PRICING_LABELS: TField['labels'] = { 'on-demand': { key: 'onDemand' }, '1y': { key: 'commit1y' }, '3y': { key: 'commit3y' } };
const pricing: TField = { key: 'pricing', label: 'pricing', choices: PRICING_OPTIONS, labels: PRICING_LABELS };
const region = (key = 'region', label: TOptionKey = 'region'): TField => ({ key, label, choices: REGIONS, regions: true });

const FIELDS: Record<Exclude<TResourceClass, never>, TField[]> = {
  application: [
    { key: 'provider', label: 'provider', choices: ['eks', 'ecs-fargate'] satisfies TScenarioOptions['application']['provider'][], labels: { eks: { key: 'eks' }, 'ecs-fargate': { key: 'fargate' } } },
    { key: 'instanceType', label: 'nodeType', choices: INSTANCE_TYPE_NAMES },
    pricing,
    region(),
  ],
  atlas: [pricing, region(), { key: 'minTier', label: 'minTier', choices: ATLAS_TIER_NAMES }, { key: 'maxTier', label: 'maxTier', choices: ATLAS_TIER_NAMES }],
  redis: [
    { key: 'provider', label: 'provider', choices: ['redis-enterprise', 'elasticache'] satisfies TScenarioOptions['redis']['provider'][], labels: { 'redis-enterprise': 'Redis Enterprise (Redis Cloud)', elasticache: 'ElastiCache' } },
    { key: 'enterpriseNodeGB', label: 'enterpriseNodeGB', choices: [8, 16, 32, 64] },
    { key: 'elasticacheNodeType', label: 'elasticacheNodeType', choices: ELASTICACHE_NODE_NAMES },
    pricing,
    region(),
  ],
  cdn: [
    { key: 'provider', label: 'provider', choices: ['cloudfront', 'cloudflare'] satisfies TScenarioOptions['cdn']['provider'][], labels: { cloudfront: 'CloudFront', cloudflare: 'Cloudflare' } },
    { key: 'cloudflarePlan', label: 'cloudflarePlan', choices: ['pro', 'business', 'enterprise'] satisfies TScenarioOptions['cdn']['cloudflarePlan'][], labels: { pro: 'Pro', business: 'Business', enterprise: 'Enterprise' } },
    pricing,
    { key: 'applyFreeTier', label: 'applyFreeTier', choices: [], boolean: true },
  ],
  objectStorage: [
    { key: 'provider', label: 'provider', choices: ['s3', 'gcs'] satisfies TScenarioOptions['objectStorage']['provider'][], labels: { s3: 'Amazon S3', gcs: 'Google Cloud Storage' } },
    pricing,
    region(),
    region('replicaRegion', 'replicaRegion'),
  ],
  monitoring: [
    { key: 'provider', label: 'provider', choices: ['grafana-cloud', 'self-hosted'] satisfies TScenarioOptions['monitoring']['provider'][], labels: { 'grafana-cloud': 'Grafana Cloud', 'self-hosted': { key: 'selfHosted' } } },
    { key: 'alerting', label: 'alerting', choices: ['pagerduty', 'none'] satisfies TScenarioOptions['monitoring']['alerting'][], labels: { pagerduty: 'PagerDuty', none: { key: 'none' } } },
    { key: 'instanceType', label: 'selfHostedNodeType', choices: INSTANCE_TYPE_NAMES },
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
  const t = useTranslations('scenarios.options');
  const labels = useScenarioLabels();
  const choiceLabel = (f: TField, c: string | number) => {
    const l = f.labels?.[String(c)];
    if (f.regions) return labels.region(c as (typeof REGIONS)[number]);
    return l === undefined ? String(c) : typeof l === 'string' ? l : t(l.key);
  };
  return (
    <div className="space-y-4" data-testid="option-selects">
      {(Object.keys(FIELDS) as TResourceClass[]).map((cls) => {
        const current = props.options[cls] as Record<string, unknown>;
        return (
          <fieldset key={cls}>
            <legend className="mb-1 text-sm font-medium text-slate-800">{labels.className(cls)}</legend>
            <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
              {FIELDS[cls].map((f) => (
                <label key={f.key} className="text-xs text-slate-500">
                  {t(f.label)}
                  {f.boolean ? (
                    <span className="mt-1 flex items-center gap-1 text-sm text-slate-700">
                      <input type="checkbox" checked={Boolean(current[f.key])} onChange={(e) => props.onChange(cls, f.key, e.target.checked)} />
                      {t('applies')}
                    </span>
                  ) : (
                    <select className={select} data-testid={`option-${cls}-${f.key}`} value={String(current[f.key])}
                      onChange={(e) => props.onChange(cls, f.key, typeof f.choices[0] === 'number' ? Number(e.target.value) : e.target.value)}>
                      {f.choices.map((c) => <option key={String(c)} value={String(c)}>{choiceLabel(f, c)}</option>)}
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
          {t('usePaid')}
          <span className="block text-xs text-slate-500">
            {props.paidPricesKnown === 0 ? t('noPaid') : t('paidKnown', { count: props.paidPricesKnown })}
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
  const tr = useTranslations('scenarios.options');
  return (
    <div className="grid grid-cols-2 gap-2 text-xs text-slate-500" data-testid="timeline-inputs">
      <label className="col-span-2">
        {tr('from')}
        <select className={select} value={t.fromScenarioId ?? ''} onChange={(e) => props.onChange({ fromScenarioId: e.target.value || null })}>
          <option value="">{tr('fromNothing')}</option>
          {props.scenarios.filter((s) => s.id !== props.selfId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label>
        {tr('curve')}
        <select className={select} value={t.curve} onChange={(e) => props.onChange({ curve: e.target.value as TScenarioTimeline['curve'] })}>
          {CURVES.map((c) => <option key={c} value={c}>{c === 's-curve' ? tr('sCurve') : c === 'step' ? tr('stepCurve') : tr('linear')}</option>)}
        </select>
      </label>
      <label>
        {tr('months')}
        <input type="number" min={1} max={120} className={select} value={t.months} onChange={(e) => props.onChange({ months: Math.max(1, Math.min(120, Math.round(Number(e.target.value) || 1))) })} />
      </label>
      <label className="col-span-2">
        {tr('start')}
        <input type="date" className={select} value={t.start ?? ''} onChange={(e) => props.onChange({ start: e.target.value || null })} />
      </label>
      <p className="col-span-2 text-slate-500">
        {tr('phases', { prep: t.phases?.preparationWeeks ?? 2, migration: t.phases?.migrationWeeks ?? 3, rollout: t.phases?.rolloutWeeks ?? 4 })}
      </p>
    </div>
  );
}
