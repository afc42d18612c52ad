import { describe, expect, it } from 'vitest';
import { recommend } from '../build';
import type { TRecommendation, TRule } from '../types';
import { convertRecommendation, needsFor, noteRightsizingFirst, preferFlexible, runRules } from './run-rules';

const resource = { provider: 'aws', type: 'bucket', id: 'b1', name: 'b1' };
const rec = (over: Partial<TRecommendation> = {}): TRecommendation => ({
  ...recommend({ id: 'r', version: 1, kind: 'cdn' }, {
    resource, action: { type: 'x', params: {} }, text: 't', message: { key: 'cdnCacheHit', params: { originCost: 10 } }, evidence: [],
    monthlySavings: { p10: '10.00', p50: '20.00', p90: '30.00' }, currency: 'USD', risks: [], lookback: { days: 30, from: '', to: '', completeness: 1 },
  }),
  ...over,
});

describe('runRules', () => {
  it('reports a throwing rule with its id and runs the others, and says what a rule lacked', () => {
    const logged: string[] = [];
    const good: TRule = { id: 'good', version: 1, kind: 'cdn', needs: ['cdn'], evaluate: () => [{ resource, recommendations: [rec()] }] };
    const bad: TRule = { id: 'bad', version: 2, kind: 'redis', needs: ['redis'], evaluate: () => { throw new Error('boom'); } };
    const lacking: TRule = { id: 'lacking', version: 1, kind: 'pods', needs: ['workloads'], evaluate: () => [{ resource, missing: ['cpuCores'] }] };
    const run = runRules([bad, good, lacking], {}, new Date(), (id) => logged.push(id));
    expect(logged).toEqual(['bad']);
    expect(run.rules.map((r) => [r.ruleId, r.outcome, r.error])).toEqual([['bad', 'failed', 'boom'], ['good', 'ok', null], ['lacking', 'lacked-data', null]]);
    expect(run.rules[2]).toMatchObject({ missing: ['b1: cpuCores'], needs: ['needsPrometheus'] });
    expect(run.recommendations).toHaveLength(1);
    expect([...run.judged]).toEqual(['good\u0000b1']);
  });

  it('maps missing facts to what to connect', () => {
    const rule = { id: 'c', version: 1, kind: 'commitment', needs: [], evaluate: () => [] } as TRule;
    expect(needsFor(rule, ['pool: projection', 'pool: baseline', 'terms'])).toEqual(['needsBilling', 'needsPlanOfRecord', 'needsPrices']);
    // Prometheus connected, the node groups not collected: what kube-state-metrics must export, not "connect Prometheus"
    const nodes = { id: 'node-pool', version: 2, kind: 'pods', needs: [], evaluate: () => [] } as TRule;
    expect(needsFor(nodes, ['nodePools'])).toEqual(['needsNodeGroups']);
    expect(needsFor(nodes, ['ec-prod/app-nodes: requestedCpuCores'])).toEqual(['needsNodeGroups']);
    expect(needsFor(nodes, ['ec-prod/app-nodes: workload routes/api'])).toEqual(['needsPrometheus']);
    // Redis Cloud connected: fragmentation comes only from the server's INFO
    const frag = { id: 'redis-fragmentation', version: 1, kind: 'redis', needs: [], evaluate: () => [] } as TRule;
    expect(needsFor(frag, ['ec-cache: fragmentationRatio'])).toEqual(['needsRedisInfo']);
  });
});

describe('convertRecommendation', () => {
  it('converts savings and money parameters, and leaves one without a rate out', () => {
    const c = convertRecommendation(rec(), 'EUR', { USD: 0.9 })!;
    expect(c).toMatchObject({ currency: 'EUR', monthlySavings: { p10: '9.00', p50: '18.00', p90: '27.00' }, message: { params: { originCost: 9 } } });
    expect(convertRecommendation(rec(), 'EUR', {})).toBeNull();
    expect(convertRecommendation(rec({ currency: null, monthlySavings: null }), 'EUR', {})!.currency).toBeNull();
  });

  it('converts the evidence in money with its threshold, and leaves the rest', () => {
    const evidence = [
      { metric: 'todayMonthlyCost', value: 600, unit: 'USD/month' },
      { metric: 'savingsMonthly', value: 50, unit: 'USD/month', threshold: 20, comparison: 'at-least' as const },
      { metric: 'originEgressPrice', value: 0.09, unit: 'USD/GB' },
      { metric: 'monthlyGB', value: 3534, unit: 'GB' },
      { metric: 'savingsShare', value: 0.083, unit: 'ratio', threshold: 0.05 },
    ];
    const c = convertRecommendation(rec({ evidence }), 'EUR', { USD: 0.9 })!;
    expect(c.evidence).toEqual([
      { metric: 'todayMonthlyCost', value: 540, unit: 'EUR/month' },
      { metric: 'savingsMonthly', value: 45, unit: 'EUR/month', threshold: 18, comparison: 'at-least' },
      { metric: 'originEgressPrice', value: 0.081, unit: 'EUR/GB' },
      evidence[3],
      evidence[4],
    ]);
  });
});

describe('preferFlexible', () => {
  const commitment = (instrument: string, p50: string) =>
    rec({ kind: 'commitment', action: { type: 'commit', params: { instrument } }, monthlySavings: { p10: p50, p50, p90: p50 }, resource: { ...resource, id: instrument } });
  it('keeps the Savings Plan unless the reservation saves over 10% more', () => {
    const sp = commitment('aws-compute-savings-plan', '100');
    expect(preferFlexible([sp, commitment('aws-ec2-reserved-instance', '109')])).toEqual([sp]);
    expect(sp.details?.alternativeInstruments).toHaveLength(1);
    const ri = commitment('aws-ec2-reserved-instance', '111');
    expect(preferFlexible([commitment('aws-compute-savings-plan', '100'), ri])).toEqual([ri]);
  });
});

describe('noteRightsizingFirst', () => {
  const commit = (instrument: string, id: string) => rec({ kind: 'commitment', ruleId: 'commitment-ladder', action: { type: 'commit', params: { instrument } }, resource: { ...resource, id } });
  const nodes = rec({ kind: 'pods', ruleId: 'node-pool', action: { type: 'remove-nodes', params: { instanceType: 'm6i.xlarge', meanNodes: 11.7, meanNeeded: 10 } }, resource: { ...resource, id: 'ec-prod/app-nodes', name: 'ec-prod/app-nodes' } });
  it('warns a commitment on EC2 hours that a node group can give back, and leaves the others alone', () => {
    const sp = commit('aws-compute-savings-plan', 'aws-compute-savings-plan');
    const riOther = commit('aws-ec2-reserved-instance', 'aws-ec2-reserved-instance:c7i.large@eu-west-3');
    const riSame = commit('aws-ec2-reserved-instance', 'aws-ec2-reserved-instance:m6i.xlarge@eu-west-3');
    const atlas = commit('atlas-commitment', 'atlas-commitment');
    const out = noteRightsizingFirst([sp, riOther, riSame, atlas, nodes]);
    expect(out[0].risks.at(-1)).toMatchObject({ level: 'medium', message: { key: 'riskRightsizeFirst', params: { pools: 'ec-prod/app-nodes', spareNodes: 1.7 } } });
    expect(out[1].risks).toEqual([]);
    expect(out[2].risks.map((r) => r.message.key)).toEqual(['riskRightsizeFirst']);
    expect(out[3].risks).toEqual([]);
    // without a node-pool saving, nothing changes
    expect(noteRightsizingFirst([sp])).toEqual([sp]);
  });
});

