// Object storage: topographic data by storage class, user files, replication to a second region, requests.
import type { TCoefficientPoint } from '../coefficients';
import type { TDriverPoint } from '../drivers';
import type { TOptions } from '../options';
import { AWS_FALLBACK_REGION, AWS_REGION, GCP_FALLBACK_REGION, GCP_REGION } from '../regions';
import type { TLine } from '../types';
import { fmt, fmtBytes, fmtGB, makeLine, priceStep, resolvePrice, step, use, type TPriceEnv, type TResolvedPrice } from './common';
import type { TDerived } from './derived';

export type TObjectStorageContext = {
  provider: TOptions['objectStorage']['provider'];
  region: string;
  replicaRegion: string;
  classNames: [string, string, string];
  standard: TResolvedPrice;
  infrequent: TResolvedPrice;
  archive: TResolvedPrice;
  replica: TResolvedPrice;
  transfer: TResolvedPrice;
  reads: TResolvedPrice;
  writes: TResolvedPrice;
};

export function prepareObjectStorage(env: TPriceEnv, options: TOptions): TObjectStorageContext {
  const o = options.objectStorage;
  if (o.provider === 's3') {
    const region = AWS_REGION[o.region];
    const replicaRegion = AWS_REGION[o.replicaRegion];
    const r = (sku: string, reg = region) => resolvePrice(env, sku, reg, { fallbackRegion: AWS_FALLBACK_REGION });
    return {
      provider: 's3', region, replicaRegion, classNames: ['S3 Standard', 'S3 Standard-IA', 'S3 Glacier Instant Retrieval'],
      standard: r('aws:s3:standard'), infrequent: r('aws:s3:standard-ia'), archive: r('aws:s3:glacier-ir'),
      replica: r('aws:s3:standard-ia', replicaRegion), transfer: r('aws:data-transfer:inter-region'),
      reads: r('aws:s3:get'), writes: r('aws:s3:put'),
    };
  }
  const region = GCP_REGION[o.region];
  const replicaRegion = GCP_REGION[o.replicaRegion];
  const r = (sku: string, reg = region) => resolvePrice(env, sku, reg, { fallbackRegion: GCP_FALLBACK_REGION });
  return {
    provider: 'gcs', region, replicaRegion, classNames: ['GCS Standard', 'GCS Nearline', 'GCS Coldline'],
    standard: r('gcp:gcs:standard'), infrequent: r('gcp:gcs:nearline'), archive: r('gcp:gcs:coldline'),
    replica: r('gcp:gcs:nearline', replicaRegion), transfer: r('gcp:network:inter-region'),
    reads: r('gcp:gcs:class-b'), writes: r('gcp:gcs:class-a'),
  };
}

export type TObjectStorageTrace = {
  topoGB: number;
  standardGB: number;
  infrequentGB: number;
  archiveGB: number;
  userFilesGB: number;
  replicatedGB: number;
  transferGB: number;
  reads: number;
  writes: number;
  cost: Float64Array;
};

export function newObjectStorageTrace(): TObjectStorageTrace {
  return { topoGB: 0, standardGB: 0, infrequentGB: 0, archiveGB: 0, userFilesGB: 0, replicatedGB: 0, transferGB: 0, reads: 0, writes: 0, cost: new Float64Array(8) };
}

export const OBJECT_STORAGE_LINE_KEYS = [
  'objectStorage.standard', 'objectStorage.infrequent', 'objectStorage.archive', 'objectStorage.userFiles',
  'objectStorage.replica', 'objectStorage.replicationTransfer', 'objectStorage.reads', 'objectStorage.writes',
];

export function computeObjectStorage(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TObjectStorageContext, t: TObjectStorageTrace): number {
  t.topoGB = d.topographicDataTB * 1000;
  t.standardGB = t.topoGB * Math.min(1, c.standardShare);
  t.archiveGB = Math.min(t.topoGB * c.archiveShare, t.topoGB - t.standardGB);
  t.infrequentGB = t.topoGB - t.standardGB - t.archiveGB;
  t.userFilesGB = (d.registeredUsers * c.userFileBytesPerUser) / 1e9;
  t.replicatedGB = (t.topoGB + t.userFilesGB) * Math.min(1, c.replicatedShare);
  t.transferGB = t.replicatedGB * c.monthlyChurn;
  // Tiles missed by the CDN are fetched from object storage; users also read and write files directly.
  t.reads = x.originRequests + x.mau * c.objectRequestsPerUser;
  t.writes = x.mau * c.objectWritesPerUser;
  const k = t.cost;
  k[0] = t.standardGB * ctx.standard.out;
  k[1] = t.infrequentGB * ctx.infrequent.out;
  k[2] = t.archiveGB * ctx.archive.out;
  k[3] = t.userFilesGB * ctx.standard.out;
  k[4] = t.replicatedGB * ctx.replica.out;
  k[5] = t.transferGB * ctx.transfer.out;
  k[6] = (t.reads / 1000) * ctx.reads.out;
  k[7] = (t.writes / 1000) * ctx.writes.out;
  return k[0] + k[1] + k[2] + k[3] + k[4] + k[5] + k[6] + k[7];
}

export function explainObjectStorage(d: TDriverPoint, c: TCoefficientPoint, x: TDerived, ctx: TObjectStorageContext, t: TObjectStorageTrace): TLine[] {
  const [std, ia, arch] = ctx.classNames;
  const topo = step(`Topographic data ${fmt(d.topographicDataTB)} TB = ${fmt(t.topoGB)} GB`, use.driver('topographicDataTB', d));
  const line = (i: number, key: string, item: string, quantity: number, unit: string, price: TResolvedPrice, reasoning: ReturnType<typeof step>[]) =>
    makeLine({ key, resourceClass: 'objectStorage', item, quantity, unit, price, cost: t.cost[i], reasoning: [...reasoning, priceStep(price, 'Price')] });
  return [
    line(0, 'objectStorage.standard', `${std}: topographic data (${ctx.region})`, t.standardGB, 'GB-month', ctx.standard, [
      topo, step(`${fmt(c.standardShare)} read often → ${fmtGB(t.standardGB)} in ${std}`, use.coef('standardShare', c)),
    ]),
    line(1, 'objectStorage.infrequent', `${ia}: topographic data (${ctx.region})`, t.infrequentGB, 'GB-month', ctx.infrequent, [
      topo, step(`The rest after ${fmt(c.standardShare)} hot and ${fmt(c.archiveShare)} archived → ${fmtGB(t.infrequentGB)} in ${ia}`, use.coef('standardShare', c), use.coef('archiveShare', c)),
    ]),
    line(2, 'objectStorage.archive', `${arch}: raw sources and old versions (${ctx.region})`, t.archiveGB, 'GB-month', ctx.archive, [
      topo, step(`${fmt(c.archiveShare)} archived → ${fmtGB(t.archiveGB)} in ${arch}`, use.coef('archiveShare', c)),
    ]),
    line(3, 'objectStorage.userFiles', `${std}: user files (${ctx.region})`, t.userFilesGB, 'GB-month', ctx.standard, [
      step(`${fmt(d.registeredUsers)} users × ${fmtBytes(c.userFileBytesPerUser)} = ${fmtGB(t.userFilesGB)}`, use.driver('registeredUsers', d), use.coef('userFileBytesPerUser', c)),
    ]),
    line(4, 'objectStorage.replica', `Replica in ${ctx.replicaRegion} (${ia})`, t.replicatedGB, 'GB-month', ctx.replica, [
      step(`(${fmtGB(t.topoGB)} topographic + ${fmtGB(t.userFilesGB)} user files) × ${fmt(c.replicatedShare)} critical share = ${fmtGB(t.replicatedGB)} replicated`, use.coef('replicatedShare', c)),
    ]),
    line(5, 'objectStorage.replicationTransfer', `Replication transfer ${ctx.region} → ${ctx.replicaRegion}`, t.transferGB, 'GB', ctx.transfer, [
      step(`${fmtGB(t.replicatedGB)} replicated × ${fmt(c.monthlyChurn)} written per month = ${fmtGB(t.transferGB)} transferred`, use.coef('monthlyChurn', c)),
    ]),
    line(6, 'objectStorage.reads', `${ctx.provider === 's3' ? 'S3 GET' : 'GCS Class B'} requests`, t.reads / 1000, '1k requests', ctx.reads, [
      step(
        `CDN origin fetches ${fmt(x.originRequests / 1e6)} M + ${fmt(x.mau)} MAU × ${fmt(c.objectRequestsPerUser)} reads = ${fmt(t.reads / 1e6)} M requests`,
        use.coef('cacheHitRatio', c), use.driver('registeredUsers', d), use.driver('monthlyActiveShare', d), use.coef('objectRequestsPerUser', c),
      ),
    ]),
    line(7, 'objectStorage.writes', `${ctx.provider === 's3' ? 'S3 PUT' : 'GCS Class A'} requests`, t.writes / 1000, '1k requests', ctx.writes, [
      step(`${fmt(x.mau)} MAU × ${fmt(c.objectWritesPerUser)} uploads = ${fmt(t.writes / 1e6)} M requests`, use.coef('objectWritesPerUser', c)),
    ]),
  ];
}
