// What an Atlas cluster tier provides per node (AWS figures from Atlas's cluster tier table): the
// capacity the utilisation page and the planner measure samples against.
export type TAtlasTier = { memoryGiB: number; vcpus: number; maxConnections: number };

export const ATLAS_TIERS: Record<string, TAtlasTier> = {
  M0: { memoryGiB: 0.5, vcpus: 0, maxConnections: 500 },
  M2: { memoryGiB: 0.5, vcpus: 0, maxConnections: 500 },
  M5: { memoryGiB: 0.5, vcpus: 0, maxConnections: 500 },
  FLEX: { memoryGiB: 0.5, vcpus: 0, maxConnections: 500 },
  M10: { memoryGiB: 2, vcpus: 2, maxConnections: 1500 },
  M20: { memoryGiB: 4, vcpus: 2, maxConnections: 3000 },
  M30: { memoryGiB: 8, vcpus: 2, maxConnections: 3000 },
  M40: { memoryGiB: 16, vcpus: 4, maxConnections: 6000 },
  M50: { memoryGiB: 32, vcpus: 8, maxConnections: 16000 },
  M60: { memoryGiB: 64, vcpus: 16, maxConnections: 32000 },
  M80: { memoryGiB: 128, vcpus: 32, maxConnections: 96000 },
  M140: { memoryGiB: 192, vcpus: 48, maxConnections: 96000 },
  M200: { memoryGiB: 256, vcpus: 64, maxConnections: 128000 },
  M300: { memoryGiB: 384, vcpus: 96, maxConnections: 128000 },
  M400: { memoryGiB: 488, vcpus: 64, maxConnections: 128000 },
  M700: { memoryGiB: 768, vcpus: 96, maxConnections: 128000 },
  R40: { memoryGiB: 16, vcpus: 2, maxConnections: 6000 },
  R50: { memoryGiB: 32, vcpus: 4, maxConnections: 16000 },
  R60: { memoryGiB: 64, vcpus: 8, maxConnections: 32000 },
  R80: { memoryGiB: 124, vcpus: 16, maxConnections: 96000 },
  R200: { memoryGiB: 248, vcpus: 32, maxConnections: 128000 },
  R300: { memoryGiB: 372, vcpus: 48, maxConnections: 128000 },
  R400: { memoryGiB: 488, vcpus: 64, maxConnections: 128000 },
  R700: { memoryGiB: 768, vcpus: 96, maxConnections: 128000 },
};

export const GIB = 1024 ** 3;

// Atlas tiers can carry a suffix (M40_NVME, M40_LOW_CPU): the base tier sets the memory.
export function atlasTier(instanceSize: string | null | undefined): TAtlasTier | null {
  if (!instanceSize) return null;
  const key = instanceSize.toUpperCase();
  return ATLAS_TIERS[key] ?? ATLAS_TIERS[key.split('_')[0]] ?? null;
}

// WiredTiger's default cache: the larger of 50% of (RAM − 1 GiB) and 256 MiB.
export function wiredTigerCacheBytes(memoryBytes: number): number {
  return Math.max(Math.floor(0.5 * (memoryBytes - GIB)), 256 * 1024 ** 2);
}
