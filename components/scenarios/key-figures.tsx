'use client';

// The answers first: the monthly total at the most likely values (the basis of every figure on the
// page, see scenario-editor.tsx) with the Monte Carlo range and median, and the capacity it takes.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import type { TEvaluation } from '@/lib/planning/evaluate';

function Figure(props: { label: string; value: React.ReactNode; sub?: React.ReactNode; testId: string; className?: string }) {
  return (
    <div className={`min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm ${props.className ?? ''}`}>
      <div className="text-xs text-slate-500">{props.label}</div>
      <div className="tabular mt-1 text-2xl font-semibold" data-testid={props.testId}>{props.value}</div>
      {props.sub && <div className="mt-1 text-xs text-slate-500">{props.sub}</div>}
    </div>
  );
}

export function KeyFigures({ result }: { result: TEvaluation }) {
  const t = useTranslations('scenarios.figures');
  const fmt = useFormat();
  const total = result.steadyState.total;
  const cap = result.deterministic.capacity;
  const m = (v: string) => fmt.money(v, { currency: result.currency });
  const likely = Number(result.deterministic.total);
  // the most likely point can fall outside the Monte Carlo's P10–P90 (skewed input ranges, tiers that
  // step up): said in words, or the two figures would seem to contradict each other
  const outside = likely < Number(total.p10) ? 'below' : likely > Number(total.p90) ? 'above' : null;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Figure className="col-span-full" label={t('total')} testId="scenario-total" value={m(result.deterministic.total)}
        sub={
          <>
            <span data-testid="scenario-range">{t('range', { low: m(total.p10), high: m(total.p90), median: m(total.p50) })}</span>
            {outside && <span className="mt-1 block text-slate-600" data-testid="scenario-basis-note">{t(outside === 'below' ? 'likelyBelow' : 'likelyAbove')}</span>}
          </>
        } />
      <Figure label={t('pods')} testId="capacity-pods" value={fmt.integer(cap.pods)}
        sub={t('podsSub', { main: fmt.integer(cap.mainPods), aux: fmt.integer(cap.auxPods), regions: cap.regions })} />
      <Figure label={cap.computeKind === 'eks' ? t('nodes') : t('compute')} testId="capacity-nodes"
        value={cap.computeKind === 'eks' ? fmt.integer(cap.nodes) : 'Fargate'}
        sub={cap.computeKind === 'eks' ? t('nodesSub', { type: cap.instanceType ?? '' }) : t('tasks', { count: fmt.integer(cap.pods) })} />
      <Figure label={t('atlas')} testId="capacity-atlas" value={cap.atlasShards > 1 ? t('atlasShards', { tier: cap.atlasTier, shards: fmt.integer(cap.atlasShards) }) : cap.atlasTier}
        sub={t('atlasSub', { nodes: fmt.integer(cap.atlasNodes), data: fmt.number(cap.atlasDataGB, 0), disk: fmt.number(cap.atlasStorageGB, 0) })} />
      <Figure label={t('redis')} testId="capacity-redis" value={t('redisValue', { nodes: fmt.integer(cap.redisNodes) })}
        sub={t('redisSub', { type: cap.redisNodeType, gb: fmt.number(cap.redisProvisionedGB) })} />
    </div>
  );
}
