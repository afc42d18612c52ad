// The answers first: the monthly total with its range, and the capacity it takes.
import type { TEvaluation } from '@/lib/planning/evaluate';
import { money, num, range } from './format';

function Figure(props: { label: string; value: React.ReactNode; sub?: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="text-xs text-slate-500">{props.label}</div>
      <div className="tabular mt-1 text-2xl font-semibold" data-testid={props.testId}>{props.value}</div>
      {props.sub && <div className="mt-1 text-xs text-slate-500">{props.sub}</div>}
    </div>
  );
}

export function KeyFigures({ result, locale }: { result: TEvaluation; locale: string }) {
  const t = result.steadyState.total;
  const cap = result.deterministic.capacity;
  const cur = result.currency;
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
      <Figure label="Monthly cost, steady state (P50)" testId="scenario-total" value={money(t.p50, cur, locale)}
        sub={<span data-testid="scenario-range">P10–P90 {range(t.p10, t.p90, cur, locale)}</span>} />
      <Figure label="Pods" testId="capacity-pods" value={num(cap.pods, locale, 0)}
        sub={`${cap.mainPods} main + ${cap.auxPods} auxiliary in ${cap.regions} region${cap.regions > 1 ? 's' : ''}`} />
      <Figure label={cap.computeKind === 'eks' ? 'Nodes' : 'Compute'} testId="capacity-nodes"
        value={cap.computeKind === 'eks' ? num(cap.nodes, locale, 0) : 'Fargate'}
        sub={cap.computeKind === 'eks' ? `${cap.instanceType} across the regions` : `${cap.pods} tasks`} />
      <Figure label="MongoDB Atlas" testId="capacity-atlas" value={`${cap.atlasTier}${cap.atlasShards > 1 ? ` × ${cap.atlasShards} shards` : ''}`}
        sub={`${cap.atlasNodes} nodes · ${num(cap.atlasDataGB, locale, 0)} GB data · ${num(cap.atlasStorageGB, locale, 0)} GB disk`} />
      <Figure label="Redis" testId="capacity-redis" value={`${cap.redisNodes} nodes`}
        sub={`${cap.redisNodeType} · ${num(cap.redisProvisionedGB, locale)} GB needed with replication`} />
    </div>
  );
}
