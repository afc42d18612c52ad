// Seeded randomness and order statistics for the Monte Carlo: no allocation on the hot path.

/** mulberry32: a tiny 32-bit PRNG, good enough for sampling and fully reproducible from its seed. */
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

/**
 * Inverse CDF of the triangular distribution (low, mode, high). Using the inverse CDF lets one
 * uniform draw place a driver at the same quantile of its "from" and "target" ranges.
 */
export function triangularQuantile(low: number, mode: number, high: number, u: number): number {
  const span = high - low;
  if (span <= 0) return mode;
  const fc = (mode - low) / span;
  return u < fc ? low + Math.sqrt(u * span * (mode - low)) : high - Math.sqrt((1 - u) * span * (high - mode));
}

/** k-th smallest element (0-based) of a[from, to), in place (Hoare quickselect). */
function select(a: Float64Array, k: number, from: number, to: number): number {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/** Nearest-rank percentile index for n samples (P10 of 10 samples is the 1st smallest). */
export function rankIndex(p: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
}

/**
 * P10, P50 and P90 of a[from, from + n) by nearest rank. Reorders that slice in place
 * (callers pass scratch copies), O(n) instead of a sort.
 */
export function percentiles3(a: Float64Array, from = 0, n = a.length - from): [number, number, number] {
  const to = from + n;
  const k10 = from + rankIndex(0.1, n);
  const k50 = from + rankIndex(0.5, n);
  const k90 = from + rankIndex(0.9, n);
  const p50 = select(a, k50, from, to);
  const p10 = select(a, k10, from, k50 + 1);
  const p90 = select(a, k90, k50, to);
  return [p10, p50, p90];
}
