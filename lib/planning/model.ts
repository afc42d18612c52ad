// Runs every sizing rule for one point (one set of driver and coefficient values).
import type { TCoefficientPoint } from './coefficients';
import type { TDriverPoint } from './drivers';
import { indexCatalogue, type TPriceCatalogue } from './price-catalogue';
import type { TOptions } from './options';
import type { TCapacity, TLine, TResourceClass } from './types';
import type { TPriceEnv } from './sizing/common';
import { computeDerived, newDerived, type TDerived } from './sizing/derived';
import {
  applicationLineKeys, computeApplication, explainApplication, newApplicationTrace, prepareApplication,
  type TApplicationContext, type TApplicationTrace,
} from './sizing/application';
import { ATLAS_LINE_KEYS, computeAtlas, explainAtlas, newAtlasTrace, prepareAtlas, type TAtlasContext, type TAtlasTrace } from './sizing/atlas';
import { REDIS_LINE_KEYS, computeRedis, explainRedis, newRedisTrace, prepareRedis, type TRedisContext, type TRedisTrace } from './sizing/redis';
import { cdnLineKeys, computeCdn, explainCdn, newCdnTrace, prepareCdn, type TCdnContext, type TCdnTrace } from './sizing/cdn';
import {
  OBJECT_STORAGE_LINE_KEYS, computeObjectStorage, explainObjectStorage, newObjectStorageTrace, prepareObjectStorage,
  type TObjectStorageContext, type TObjectStorageTrace,
} from './sizing/object-storage';
import {
  computeMonitoring, explainMonitoring, monitoringLineKeys, newMonitoringTrace, prepareMonitoring,
  type TMonitoringContext, type TMonitoringTrace,
} from './sizing/monitoring';

export type TModelContext = {
  currency: string;
  application: TApplicationContext;
  atlas: TAtlasContext;
  redis: TRedisContext;
  cdn: TCdnContext;
  objectStorage: TObjectStorageContext;
  monitoring: TMonitoringContext;
  /** Every line slot in evaluation order, with its resource class. */
  lineKeys: string[];
  lineClasses: TResourceClass[];
  /** First line slot of each resource class. */
  offsets: Record<TResourceClass, number>;
};

export type TModelState = {
  x: TDerived;
  application: TApplicationTrace;
  atlas: TAtlasTrace;
  redis: TRedisTrace;
  cdn: TCdnTrace;
  objectStorage: TObjectStorageTrace;
  monitoring: TMonitoringTrace;
};

export function prepareModel(args: { prices: TPriceCatalogue; options: TOptions; fx: Record<string, number>; currency: string }): TModelContext {
  const env: TPriceEnv = { index: indexCatalogue(args.prices), fx: args.fx, currency: args.currency };
  const application = prepareApplication(env, args.options);
  const atlas = prepareAtlas(env, args.options);
  const redis = prepareRedis(env, args.options);
  const cdn = prepareCdn(env, args.options);
  const objectStorage = prepareObjectStorage(env, args.options);
  const monitoring = prepareMonitoring(env, args.options);
  const groups: [TResourceClass, string[]][] = [
    ['application', applicationLineKeys(application)],
    ['atlas', ATLAS_LINE_KEYS],
    ['redis', REDIS_LINE_KEYS],
    ['cdn', cdnLineKeys(cdn)],
    ['objectStorage', OBJECT_STORAGE_LINE_KEYS],
    ['monitoring', monitoringLineKeys(monitoring)],
  ];
  const lineKeys: string[] = [];
  const lineClasses: TResourceClass[] = [];
  const offsets = {} as Record<TResourceClass, number>;
  for (const [cls, keys] of groups) {
    offsets[cls] = lineKeys.length;
    for (const k of keys) {
      lineKeys.push(k);
      lineClasses.push(cls);
    }
  }
  return { currency: args.currency, application, atlas, redis, cdn, objectStorage, monitoring, lineKeys, lineClasses, offsets };
}

export function newModelState(): TModelState {
  return {
    x: newDerived(),
    application: newApplicationTrace(),
    atlas: newAtlasTrace(),
    redis: newRedisTrace(),
    cdn: newCdnTrace(),
    objectStorage: newObjectStorageTrace(),
    monitoring: newMonitoringTrace(),
  };
}

function copyLines(src: Float64Array, count: number, out: Float64Array, first: number, stride: number, sample: number) {
  for (let i = 0; i < count; i++) out[(first + i) * stride + sample] = src[i];
}

/**
 * Total monthly cost (output currency) of one point. When `lineOut` is given, line i's cost is
 * written at lineOut[i × stride + sample] (one row of samples per line). Allocates nothing.
 */
export function evaluatePoint(
  d: TDriverPoint,
  c: TCoefficientPoint,
  ctx: TModelContext,
  s: TModelState,
  lineOut?: Float64Array,
  stride = 0,
  sample = 0,
): number {
  computeDerived(d, c, s.x);
  let total = computeApplication(d, c, ctx.application, s.application);
  total += computeAtlas(d, c, s.x, ctx.atlas, s.atlas);
  total += computeRedis(d, c, s.x, ctx.redis, s.redis);
  s.x.pods = s.application.pods;
  s.x.appHosts = s.application.nodes;
  s.x.atlasNodes = s.atlas.nodes;
  s.x.redisNodes = s.redis.nodes;
  total += computeCdn(d, c, s.x, ctx.cdn, s.cdn);
  total += computeObjectStorage(d, c, s.x, ctx.objectStorage, s.objectStorage);
  total += computeMonitoring(d, c, s.x, ctx.monitoring, s.monitoring);
  if (lineOut) {
    const o = ctx.offsets;
    copyLines(s.application.cost, o.atlas - o.application, lineOut, o.application, stride, sample);
    copyLines(s.atlas.cost, o.redis - o.atlas, lineOut, o.atlas, stride, sample);
    copyLines(s.redis.cost, o.cdn - o.redis, lineOut, o.redis, stride, sample);
    copyLines(s.cdn.cost, o.objectStorage - o.cdn, lineOut, o.cdn, stride, sample);
    copyLines(s.objectStorage.cost, o.monitoring - o.objectStorage, lineOut, o.objectStorage, stride, sample);
    copyLines(s.monitoring.cost, ctx.lineKeys.length - o.monitoring, lineOut, o.monitoring, stride, sample);
  }
  return total;
}

/** The priced lines with their reasoning, for the point last evaluated into `s`. */
export function explainPoint(d: TDriverPoint, c: TCoefficientPoint, ctx: TModelContext, s: TModelState): TLine[] {
  return [
    ...explainApplication(d, c, ctx.application, s.application),
    ...explainAtlas(d, c, s.x, ctx.atlas, s.atlas),
    ...explainRedis(d, c, s.x, ctx.redis, s.redis),
    ...explainCdn(d, c, s.x, ctx.cdn, s.cdn),
    ...explainObjectStorage(d, c, s.x, ctx.objectStorage, s.objectStorage),
    ...explainMonitoring(d, c, s.x, ctx.monitoring, s.monitoring),
  ];
}

export function capacityOf(ctx: TModelContext, s: TModelState): TCapacity {
  const a = s.application;
  return {
    regions: s.application.regions,
    mainPods: a.mainPods,
    auxPods: a.auxPods,
    pods: a.pods,
    nodes: a.nodes,
    computeKind: ctx.application.provider,
    instanceType: ctx.application.provider === 'eks' ? ctx.application.instance.type : null,
    atlasTier: ctx.atlas.tiers[s.atlas.tierIndex].tier,
    atlasTierRamGB: ctx.atlas.tiers[s.atlas.tierIndex].ramGB,
    atlasShards: s.atlas.shards,
    atlasNodes: s.atlas.nodes,
    atlasDataGB: round(s.x.dataGB, 1),
    atlasRamNeededGB: round(s.atlas.ramNeededGB, 1),
    atlasStorageGB: round(s.atlas.storageNeededGB, 1),
    redisNodes: s.redis.nodes,
    redisNodeType: ctx.redis.nodeType,
    redisMemoryGB: round(s.redis.memoryGB, 1),
    redisDatasetGB: round(s.redis.datasetGB, 2),
    redisProvisionedGB: round(s.redis.provisionedGB, 2),
    cdnEgressTB: round(s.x.cdnEgressGB / 1000, 2),
    cdnRequestsMillions: round(s.x.cdnRequests / 1e6, 1),
    objectStorageTB: round((s.objectStorage.topoGB + s.objectStorage.userFilesGB) / 1000, 2),
    metricSeries: Math.round(s.monitoring.series),
    logGBPerMonth: round(s.monitoring.logGB, 1),
    monitoringHosts: s.monitoring.hosts,
  };
}

function round(x: number, digits: number) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
