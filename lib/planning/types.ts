// Shared shapes of the scenario and capacity model. Pure data: no I/O, no clock.

export const RESOURCE_CLASSES = [
  'application',
  'atlas',
  'redis',
  'cdn',
  'objectStorage',
  'monitoring',
] as const;
export type TResourceClass = (typeof RESOURCE_CLASSES)[number];

export const RESOURCE_CLASS_LABELS: Record<TResourceClass, string> = {
  application: 'Application servers',
  atlas: 'MongoDB Atlas',
  redis: 'Redis',
  cdn: 'CDN',
  objectStorage: 'Object storage',
  monitoring: 'Monitoring',
};

/** One value the reasoning step used, so the UI can link it to the driver, coefficient or price. */
export type TReasoningInput = {
  kind: 'driver' | 'coefficient' | 'price' | 'option' | 'derived';
  id: string;
  value: number | string;
  unit: string;
};

export type TReasoningStep = { text: string; uses: TReasoningInput[] };

/**
 * One priced line. `quantity × unitPrice` (in `currency`) converted with the FX rate gives
 * `monthlyCost` (in the output currency). Money is a decimal string; quantities are numbers.
 */
export type TLine = {
  key: string;
  resourceClass: TResourceClass;
  item: string;
  quantity: number;
  unit: string;
  unitPrice: string;
  currency: string;
  /** List price before a commitment discount, when one applies. */
  listUnitPrice: string;
  priceItemId: string | null;
  monthlyCost: string;
  reasoning: TReasoningStep[];
};

/** Money percentiles, decimal strings in the output currency. */
export type TPercentiles = { p10: string; p50: string; p90: string };

export type TCapacity = {
  regions: number;
  mainPods: number;
  auxPods: number;
  pods: number;
  nodes: number;
  computeKind: 'eks' | 'ecs-fargate';
  instanceType: string | null;
  atlasTier: string;
  atlasTierRamGB: number;
  atlasShards: number;
  atlasNodes: number;
  atlasDataGB: number;
  atlasRamNeededGB: number;
  atlasStorageGB: number;
  redisNodes: number;
  redisNodeType: string;
  redisMemoryGB: number;
  /** Hot data plus sessions, before replication and fill factor. */
  redisDatasetGB: number;
  redisProvisionedGB: number;
  cdnEgressTB: number;
  cdnRequestsMillions: number;
  objectStorageTB: number;
  metricSeries: number;
  logGBPerMonth: number;
  monitoringHosts: number;
};
