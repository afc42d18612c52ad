// The commitment planner's chart as data: the projected usage band per month, the ladder's level
// that month, and where each tranche is bought. Pure; tested in ladder.test.ts.

export type TBandMonth = { month: string; p10: number; p50: number; p90: number; committed: number };
export type TLadderRow = { month: string; band: [number, number]; p50: number; committed: number; step: number | null };

/** Rows for the chart; `step` is the level added that month (a tranche bought), null in the others. */
export function ladderRows(band: readonly TBandMonth[]): TLadderRow[] {
  let held = 0;
  return band.map((m) => {
    const added = m.committed - held;
    const step = added > 1e-9 ? added : null;
    held = Math.max(held, m.committed);
    return { month: m.month, band: [Math.max(0, m.p10), Math.max(m.p10, m.p90)], p50: m.p50, committed: m.committed, step };
  });
}

/** The highest value the chart must show: the band's top, the ladder's top and the levels drawn beside it. */
export function ladderCeiling(band: readonly TBandMonth[], others: readonly (number | null | undefined)[]): number {
  let top = 0;
  for (const m of band) top = Math.max(top, m.p90, m.p50, m.committed);
  for (const o of others) if (typeof o === 'number' && Number.isFinite(o)) top = Math.max(top, o);
  return top;
}

/**
 * Share of the projected P50 usage the ladder leaves on demand in its last month: a planner reads it as
 * "how much of the grown usage is still uncovered". 0 when the P50 is zero.
 */
export function uncoveredShareAtEnd(band: readonly TBandMonth[]): number {
  const last = band[band.length - 1];
  if (!last || last.p50 <= 0) return 0;
  return Math.max(0, (last.p50 - last.committed) / last.p50);
}
