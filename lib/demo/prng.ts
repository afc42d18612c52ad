// Seeded pseudo-random numbers for the demo: same seed, same numbers, on every machine.
import { mulberry32 } from '../planning/distributions';

export { mulberry32 };

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
