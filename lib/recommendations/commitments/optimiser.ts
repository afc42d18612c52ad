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
export type TDistribution = { sorted: Float64Array; prefix: Float64Array };

export function distributionOf(values: ArrayLike<number>): TDistribution {
  const sorted = Float64Array.from(values as ArrayLike<number>, (v) => (v > 0 ? v : 0)).sort();
  return withPrefix(sorted);
}

function withPrefix(sorted: Float64Array): TDistribution {
  const prefix = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) prefix[i + 1] = prefix[i] + sorted[i];
  return { sorted, prefix };
}

/** Pools two distributions of equal weight per sample (months of equal hours). */
export function mergeDistributions(a: TDistribution, b: TDistribution): TDistribution {
  const out = new Float64Array(a.sorted.length + b.sorted.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.sorted.length && j < b.sorted.length) out[k++] = a.sorted[i] <= b.sorted[j] ? a.sorted[i++] : b.sorted[j++];
  while (i < a.sorted.length) out[k++] = a.sorted[i++];
  while (j < b.sorted.length) out[k++] = b.sorted[j++];
  return withPrefix(out);
}

/** The smallest sample x with P(U ≤ x) ≥ p (nearest rank); 0 for p = 0 or no samples. */
export function quantile(dist: TDistribution, p: number): number {
  const n = dist.sorted.length;
  if (n === 0) return 0;
  const rank = Math.ceil(p * n - 1e-9);
  if (rank <= 0) return 0;
  return dist.sorted[Math.min(n, rank) - 1];
}

/** Number of samples strictly below c. */
function countBelow(sorted: Float64Array, c: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** E[min(U, c)]. */
export function expectedMin(dist: TDistribution, c: number): number {
  const n = dist.sorted.length;
  if (n === 0 || c <= 0) return 0;
  const k = countBelow(dist.sorted, c);
  return (dist.prefix[k] + (n - k) * c) / n;
}

export function expectedValue(dist: TDistribution): number {
  const n = dist.sorted.length;
  return n === 0 ? 0 : dist.prefix[n] / n;
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
