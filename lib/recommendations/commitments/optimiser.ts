// The commitment level that maximises expected net savings, and the growth-aware ladder of levels.
//
// Why the optimum is the d-quantile. Let U be the eligible on-demand usage in one hour (on-demand
// price units), c the commitment (in the same units) and d the discount. The commitment costs
// (1 − d)·c every hour whatever happens; it removes min(U, c) of on-demand charges. Net savings:
//
//   S(c) = min(U, c) − (1 − d)·c
//
// so ∂S/∂c = d when U > c (one more unit used: saves d) and −(1 − d) when U < c (one more unit
// idle: wastes its price). In expectation, with F the distribution of U:
//
//   E[S]'(c) = d·P(U > c) − (1 − d)·P(U < c) = d − F(c)        (F continuous)
//
// which is zero at F(c) = d and decreasing in c (E[S]'' = −f ≤ 0: concave), so the optimum is the
// d-quantile of projected hourly usage. Checks: constant usage u has F jump from 0 to 1 at u, so
// c* = u (commit all of it); U uniform on [a, b] has F(c) = (c − a)/(b − a) = d, so c* = a + d(b − a).
// A small discount commits only what is nearly always used (d = 0.1 → the level exceeded 90% of
// the time); a large one commits more. For n equally likely samples E[S] is piecewise linear with
// slope d − k/n between the k-th and (k+1)-th smallest, so the optimum is the ceil(d·n)-th
// smallest sample (nearest rank), the lowest of the optimal levels when d·n is a whole number.
//
// A commitment bought later cannot be bought back sooner, and one bought now cannot be sold: over
// the months of a term, with L_k the total level in month k, savings are Σ_k g_k(L_k) with
// g_k(L) = E_k[min(U, L)] − (1 − d)·L concave, under L_0 ≤ L_1 ≤ … (tranches only add). That is an
// isotonic problem with concave pieces: pool-adjacent-violators solves it exactly, each pooled
// block of months taking the d-quantile of its months' usage together. A flat projection gives
// one level (one tranche); a growing one a rising staircase (a tranche at each step).

/** Sorted samples (equally likely) with prefix sums, for O(log n) expectations. */
type TSorted = { sorted: Float64Array; prefix: Float64Array };

/**
 * Equally likely samples, kept as parts that are each a sorted sample set times a scale: a month of
 * projected usage is the baseline's hours times each scenario's multiplier, so it needs no copy of its
 * own, and months pool by concatenating parts. Every sample of every part weighs the same.
 */
export type TDistribution = { parts: { base: TSorted; scale: number }[]; size: number };

export function distributionOf(values: ArrayLike<number>): TDistribution {
  const sorted = Float64Array.from(values as ArrayLike<number>, (v) => (v > 0 ? v : 0)).sort();
  return scaledMixture(sortedOf(sorted), [1]);
}

function sortedOf(sorted: Float64Array): TSorted {
  const prefix = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) prefix[i + 1] = prefix[i] + sorted[i];
  return { sorted, prefix };
}

/** The samples of `base` times each scale, pooled (a month: the baseline under each scenario's multiplier). */
export function scaledMixture(base: TSorted | TDistribution, scales: readonly number[]): TDistribution {
  const b = 'parts' in base ? base.parts[0].base : base;
  return { parts: scales.map((scale) => ({ base: b, scale: scale > 0 ? scale : 0 })), size: b.sorted.length * scales.length };
}

/** Pools two distributions sample for sample (months of equal hours weigh the same). */
export function mergeDistributions(a: TDistribution, b: TDistribution): TDistribution {
  return { parts: [...a.parts, ...b.parts], size: a.size + b.size };
}

// Comparisons use sample × scale, the very product a written-out sample would hold, never c ÷ scale:
// a division rounds differently and would miss the sample that is the answer.

/** Index of the first sample with sample × scale > c. */
function upperBound(sorted: Float64Array, scale: number, c: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] * scale <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first sample with sample × scale >= c. */
function lowerBound(sorted: Float64Array, scale: number, c: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] * scale < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countAtMost(dist: TDistribution, c: number): number {
  let n = 0;
  for (const { base, scale } of dist.parts) n += upperBound(base.sorted, scale, c);
  return n;
}

/** The largest sample not above c. */
function largestAtMost(dist: TDistribution, c: number): number {
  let best = 0;
  for (const { base, scale } of dist.parts) {
    const i = upperBound(base.sorted, scale, c) - 1;
    if (i >= 0) best = Math.max(best, base.sorted[i] * scale);
  }
  return best;
}

/** The smallest sample x with P(U ≤ x) ≥ p (nearest rank); 0 for p = 0 or no samples. */
export function quantile(dist: TDistribution, p: number): number {
  const n = dist.size;
  if (n === 0) return 0;
  const rank = Math.min(n, Math.ceil(p * n - 1e-9));
  if (rank <= 0) return 0;
  if (dist.parts.length === 1) return dist.parts[0].base.sorted[rank - 1] * dist.parts[0].scale;
  // Bisect on the value: count(lo) < rank ≤ count(hi), then take the sample at hi.
  if (countAtMost(dist, 0) >= rank) return 0;
  let lo = 0;
  let hi = 0;
  for (const { base, scale } of dist.parts) if (base.sorted.length > 0) hi = Math.max(hi, base.sorted[base.sorted.length - 1] * scale);
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (countAtMost(dist, mid) >= rank) hi = mid;
    else lo = mid;
  }
  return largestAtMost(dist, hi);
}

/** E[min(U, c)]. */
export function expectedMin(dist: TDistribution, c: number): number {
  if (dist.size === 0 || c <= 0) return 0;
  let sum = 0;
  for (const { base, scale } of dist.parts) {
    if (scale <= 0) continue;
    // Σ min(b·s, c): the samples below c as they are, c for each of the others.
    const k = lowerBound(base.sorted, scale, c);
    sum += scale * base.prefix[k] + (base.sorted.length - k) * c;
  }
  return sum / dist.size;
}

export function expectedValue(dist: TDistribution): number {
  if (dist.size === 0) return 0;
  let sum = 0;
  for (const { base, scale } of dist.parts) sum += scale * base.prefix[base.sorted.length];
  return sum / dist.size;
}

/** Expected net savings per hour of a commitment c, in usage units: E[min(U, c)] − (1 − d)·c. */
export function expectedSavings(dist: TDistribution, c: number, discount: number): number {
  return expectedMin(dist, c) - (1 - discount) * c;
}

/** The level maximising expected net savings: the d-quantile (see the file's opening comment). */
export function optimalLevel(dist: TDistribution, discount: number, integer = false): number {
  const c = quantile(dist, discount);
  return integer ? bestInteger(c, (x) => expectedSavings(dist, x, discount)) : c;
}

/** Commitments in whole units (instances, nodes): the concave optimum is at the floor or the ceiling. */
export function bestInteger(c: number, value: (x: number) => number): number {
  const lo = Math.floor(c);
  const hi = Math.ceil(c);
  return value(hi) > value(lo) ? hi : lo;
}

/**
 * The optimal non-decreasing level per month (pool-adjacent-violators over concave monthly savings).
 * `months[k]` is the distribution of hourly usage in month k; all months weigh the same.
 */
export function optimalLadderLevels(months: TDistribution[], discount: number, integer = false): number[] {
  type TBlock = { from: number; to: number; dist: TDistribution; level: number };
  const levelOf = (dist: TDistribution) => optimalLevel(dist, discount, integer);
  const blocks: TBlock[] = [];
  for (let k = 0; k < months.length; k++) {
    let block: TBlock = { from: k, to: k + 1, dist: months[k], level: levelOf(months[k]) };
    // A later month wanting less than an earlier block cannot have it: pool them.
    while (blocks.length > 0 && blocks[blocks.length - 1].level > block.level) {
      const prev = blocks.pop()!;
      const dist = mergeDistributions(prev.dist, block.dist);
      block = { from: prev.from, to: block.to, dist, level: levelOf(dist) };
    }
    blocks.push(block);
  }
  const levels: number[] = [];
  for (const b of blocks) for (let k = b.from; k < b.to; k++) levels.push(b.level);
  return levels;
}
