// Seeded pseudo-random numbers for the demo: same seed, same numbers, on every machine.

// mulberry32: a tiny 32-bit generator, good enough for plausible noise.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// FNV-1a: turns a label into a 32-bit number, so each series gets its own stream and adding a
// series does not shift the numbers of the others.
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type TRng = {
  next: () => number; // [0, 1)
  between: (lo: number, hi: number) => number;
  normal: () => number; // standard normal
  jitter: (spread: number) => number; // multiplicative noise around 1, e.g. jitter(0.05) ≈ 1 ± 5 %
  chance: (p: number) => boolean;
};

export function createRng(seed: number, label: string): TRng {
  const next = mulberry32((seed ^ hashLabel(label)) >>> 0);
  const normal = () => {
    // Box–Muller; 1 - next() keeps the logarithm away from 0
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    normal,
    jitter: (spread) => Math.max(0.05, 1 + spread * Math.max(-3, Math.min(3, normal()))),
    chance: (p) => next() < p,
  };
}
