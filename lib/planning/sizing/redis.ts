// Redis: hot data and sessions × replication ÷ fill factor → nodes of the chosen size.
import type { TCoefficientPoint } from '../coefficients';
import type { TDriverPoint } from '../drivers';
import { ELASTICACHE_NODES, REDIS_MIN_NODES } from '../hardware';
import type { TOptions } from '../options';
import { AWS_FALLBACK_REGION, AWS_REGION } from '../regions';
import type { TLine } from '../types';
import {
  HOURS_PER_MONTH, ceilSafe, commitmentSku, fmt, fmtBytes, fmtGB, makeLine, priceStep, resolvePrice, step, use,
  type TPriceEnv, type TResolvedPrice,
} from './common';
import { explainUsers, type TDerived } from './derived';

export type TRedisContext = {
  provider: TOptions['redis']['provider'];
  awsRegion: string;
  nodeType: string;
  nodeGB: number;
  minNodes: number;
  /** Redis Cloud: price per provisioned GB-hour; ElastiCache: price per node-hour. */
  price: TResolvedPrice;
  minimum: TResolvedPrice;
};

export function prepareRedis(env: TPriceEnv, options: TOptions): TRedisContext {
  const o = options.redis;
  const awsRegion = AWS_REGION[o.region];
  const minimum = resolvePrice(env, 'redis-cloud:pro:minimum', null);
  if (o.provider === 'redis-enterprise') {
    return {
      provider: o.provider, awsRegion, nodeType: `Redis Enterprise ${o.enterpriseNodeGB} GB node`, nodeGB: o.enterpriseNodeGB,
      minNodes: REDIS_MIN_NODES['redis-enterprise'],
      price: resolvePrice(env, 'redis-cloud:pro:memory', awsRegion, { fallbackRegion: AWS_FALLBACK_REGION, commitmentSku: commitmentSku('redis-cloud:commitment', o.pricing) }),
      minimum,
    };
  }
  const spec = ELASTICACHE_NODES.find((n) => n.type === o.elasticacheNodeType);
  if (!spec) throw new Error(`unknown ElastiCache node type ${o.elasticacheNodeType}`);
  return {
    provider: o.provider, awsRegion, nodeType: spec.type, nodeGB: spec.memoryGB, minNodes: REDIS_MIN_NODES.elasticache,
    price: resolvePrice(env, `aws:elasticache:${spec.type}`, awsRegion, { fallbackRegion: AWS_FALLBACK_REGION, commitmentSku: commitmentSku('aws:commitment:elasticache-ri', o.pricing) }),
    minimum,
  };
}

export type TRedisTrace = {
  hotGB: number;
  sessionsGB: number;
  datasetGB: number;
  provisionedGB: number;
  nodes: number;
  memoryGB: number;
  minimumApplied: boolean;
  cost: Float64Array;
};

export function newRedisTrace(): TRedisTrace {
  return { hotGB: 0, sessionsGB: 0, datasetGB: 0, provisionedGB: 0, nodes: 0, memoryGB: 0, minimumApplied: false, cost: new Float64Array(1) };
}

export const REDIS_LINE_KEYS = ['redis.nodes'];

export function computeRedis(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TRedisContext, t: TRedisTrace): number {
  t.hotGB = x.dataGB * c.redisHotShare;
  t.sessionsGB = (x.concurrentUsers * c.sessionBytes) / 1e9;
  t.datasetGB = t.hotGB + t.sessionsGB;
  t.provisionedGB = (t.datasetGB * c.redisReplication) / c.redisFillFactor;
  t.nodes = Math.max(ctx.minNodes, ceilSafe(t.provisionedGB / ctx.nodeGB));
  t.memoryGB = t.nodes * ctx.nodeGB;
  if (ctx.provider === 'redis-enterprise') {
    const usage = t.memoryGB * HOURS_PER_MONTH * ctx.price.out;
    t.minimumApplied = usage < ctx.minimum.out;
    t.cost[0] = t.minimumApplied ? ctx.minimum.out : usage;
  } else {
    t.minimumApplied = false;
    t.cost[0] = t.nodes * HOURS_PER_MONTH * ctx.price.out;
  }
  return t.cost[0];
}

export function explainRedis(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TRedisContext, t: TRedisTrace): TLine[] {
  const enterprise = ctx.provider === 'redis-enterprise';
  return [
    makeLine({
      key: 'redis.nodes', resourceClass: 'redis',
      item: enterprise ? `Redis Enterprise (Redis Cloud Pro) ${t.nodes} × ${ctx.nodeGB} GB (${ctx.awsRegion})` : `ElastiCache ${ctx.nodeType} × ${t.nodes} (${ctx.awsRegion})`,
      quantity: enterprise ? t.memoryGB * HOURS_PER_MONTH : t.nodes * HOURS_PER_MONTH,
      unit: enterprise ? 'GB-hour' : 'node-hour',
      price: ctx.price, cost: t.cost[0],
      reasoning: [
        step(`Hot data: database ${fmtGB(x.dataGB)} × ${fmt(c.redisHotShare)} cached = ${fmtGB(t.hotGB)}`, use.derived('databaseGB', x.dataGB, 'GB'), use.coef('redisHotShare', c)),
        explainUsers(d, c, x),
        step(`Sessions: ${fmt(x.concurrentUsers)} concurrent users × ${fmtBytes(c.sessionBytes)} = ${fmtGB(t.sessionsGB)}`, use.coef('sessionBytes', c)),
        step(
          `(${fmtGB(t.hotGB)} + ${fmtGB(t.sessionsGB)}) × ${fmt(c.redisReplication)} copies ÷ ${fmt(c.redisFillFactor)} fill factor = ${fmtGB(t.provisionedGB)} → ` +
            `${fmtGB(t.provisionedGB)} ÷ ${fmt(ctx.nodeGB)} GB per node = ${fmt(t.provisionedGB / ctx.nodeGB)}; at least ${ctx.minNodes} nodes (${enterprise ? 'cluster quorum' : 'primary and replica'}) → ${t.nodes} nodes`,
          use.coef('redisReplication', c), use.coef('redisFillFactor', c), use.option('redis.node', ctx.nodeType),
        ),
        enterprise
          ? step(
              `${t.nodes} nodes × ${ctx.nodeGB} GB × ${HOURS_PER_MONTH} h = ${fmt(t.memoryGB * HOURS_PER_MONTH)} GB-hours` +
                (t.minimumApplied ? `; below the ${ctx.minimum.unitPrice} ${ctx.minimum.currency} monthly minimum, which is charged instead` : ''),
              use.price(ctx.minimum),
            )
          : step(`${t.nodes} nodes × ${HOURS_PER_MONTH} h = ${fmt(t.nodes * HOURS_PER_MONTH)} node-hours`),
        priceStep(ctx.price, enterprise ? 'Memory price' : 'Node price'),
      ],
    }),
  ];
}
