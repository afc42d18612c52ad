// Explicit drivers, coefficients and prices for the planning tests, so a retuned default never
// silently changes what a hand-computed test checks.
import { COEFFICIENT_IDS, defaultCoefficients, type TCoefficientId, type TCoefficientOverrides } from '../coefficients';
import type { TDrivers } from '../drivers';
import { DEFAULT_PRICE_CATALOGUE } from '../price-catalogue';

export const FX = { USD: 0.92 };

/** List unit price of a catalogue item as a number (tests compute expected costs by hand from it). */
export function listPrice(id: string): number {
  const item = DEFAULT_PRICE_CATALOGUE.find((i) => i.id === id);
  if (!item) throw new Error(`no price item ${id}`);
  return Number(item.unitPrice);
}

export const EUROPE_POINT: TDrivers = {
  cols: 10000,
  predefinedRoutes: 50000,
  registeredUsers: 550000,
  monthlyActiveShare: 0.3,
  requestsPerDay: 5000000,
  peakRequestsPerSecond: 500,
  weatherCountries: 50,
  topographicDataTB: 5,
  cdnBandwidthTBPerMonth: 5.5,
  regions: ['paris', 'frankfurt', 'london', 'madrid', 'rome', 'amsterdam'],
  serviceLevels: { replicas: 3, rpoHours: 1, rtoHours: 4, backupRetentionDays: 14 },
};

/** The coefficient values the hand-computed tests are written against. */
export const TEST_COEFFICIENTS: Record<TCoefficientId, number> = {
  rpsPerPod: 40, headroom: 0.3, minPodsPerRegion: 2, auxiliaryPods: 4, podCpu: 0.5, podMemoryGiB: 1,
  nodeAllocatableShare: 0.88, minNodesPerRegion: 2, albLcuPerRegion: 2,
  bytesPerCol: 50e3, bytesPerRoute: 100e3, bytesPerUser: 50e3, weatherGBPerCountry: 0.5, indexOverhead: 0.15,
  workingSetShare: 0.1, ramUsableShare: 0.6, storageGrowthMargin: 1.5, iopsPerRequest: 0.5, dbOpsPerRequest: 3,
  dbOpsPerVcpu: 800, backupCompression: 0.5, dailyChangeRate: 0.02,
  redisHotShare: 0.05, sessionBytes: 16e3, concurrentShare: 0.03, redisReplication: 2, redisFillFactor: 0.65,
  cacheHitRatio: 0.92, bytesPerRequest: 50e3,
  standardShare: 0.3, archiveShare: 0.2, userFileBytesPerUser: 2e6, replicatedShare: 0.4, monthlyChurn: 0.05,
  objectRequestsPerUser: 20, objectWritesPerUser: 3,
  seriesPerHost: 1000, seriesPerPod: 300, logGBPerMillionRequests: 1, onCallUsers: 5,
};

export function testCoefficients(overrides: Partial<Record<TCoefficientId, number>> = {}): TCoefficientOverrides {
  const out: TCoefficientOverrides = {};
  for (const id of COEFFICIENT_IDS) out[id] = overrides[id] ?? TEST_COEFFICIENTS[id];
  return out;
}

/** Default ranges with one coefficient pinned: for Monte Carlo tests. */
export function defaultsWith(overrides: Partial<Record<TCoefficientId, number>>): TCoefficientOverrides {
  return { ...defaultCoefficients(), ...overrides };
}
