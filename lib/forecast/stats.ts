// Small robust statistics shared by the forecast and the anomaly detector (no dependencies, no I/O).

// Typed arrays sort numerically without a comparator, several times faster on the short windows used here.
function sorted(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

// Median absolute deviation around the median (unscaled).
export function mad(values: readonly number[], center = median(values)): number {
  return median(values.map((v) => Math.abs(v - center)));
}

// Linear-interpolated quantile (type 7, the R and NumPy default) of unsorted values, q in [0, 1].
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/**
 * Split-conformal bounds from a sample of errors (actual − forecast): the ⌊(m+1)·α/2⌋-th smallest and the
 * ⌈(m+1)·(1−α/2)⌉-th smallest of m errors, which covers a new exchangeable error with probability ≥ the
 * nominal level (Vovk et al., "Algorithmic Learning in a Random World", 2005; Lei et al. 2018). When m is too
 * small for the rank to exist the extreme error is used, so very short samples under-cover; callers pool.
 */
export function conformalBounds(errors: readonly number[], level: number): [number, number] {
  const m = errors.length;
  if (m === 0) return [0, 0];
  const s = sorted(errors);
  const alpha = 1 - level;
  // the epsilon keeps 1 − 0.8 = 0.19999… from moving a rank that is a whole number
  const loRank = Math.max(1, Math.floor((m + 1) * (alpha / 2) + 1e-9));
  const hiRank = Math.min(m, Math.ceil((m + 1) * (1 - alpha / 2) - 1e-9));
  return [s[loRank - 1], s[hiRank - 1]];
}

/**
 * Weighted split-conformal bounds (Barber, Candès, Ramdas & Tibshirani, "Conformal prediction beyond
 * exchangeability", Ann. Statist. 2023): each error counts with its weight and the new point with weight 1,
 * so recent errors can count more than old ones when the errors drift. With every weight 1 it is
 * conformalBounds. As there, a rank that does not exist falls back to the extreme error.
 */
export function weightedConformalBounds(errors: readonly number[], weights: readonly number[], level: number): [number, number] {
  const m = errors.length;
  if (m === 0) return [0, 0];
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => errors[a] - errors[b]);
  const total = sum(weights) + 1;
  const target = (1 - (1 - level) / 2) * total - 1e-9 * total;
  let hi = errors[order[m - 1]];
  for (let k = 0, acc = 0; k < m; k++) {
    acc += weights[order[k]];
    if (acc >= target) {
      hi = errors[order[k]];
      break;
    }
  }
  let lo = errors[order[0]];
  for (let k = m - 1, acc = 0; k >= 0; k--) {
    acc += weights[order[k]];
    if (acc >= target) {
      lo = errors[order[k]];
      break;
    }
  }
  return [lo, hi];
}

export function sum(values: readonly number[]): number {
  let t = 0;
  for (const v of values) t += v;
  return t;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : sum(values) / values.length;
}
