// How one evidence number is drawn: the end of its gauge, and whether the rule's condition holds. Pure.

type TEvidenceLike = { value: number | null; unit: string; threshold?: number; comparison?: 'above' | 'below' | 'at-least' | 'at-most' };

/** The capacity a unit implies (a share's whole), else null. */
export function capacityOf(unit: string): number | null {
  if (unit === 'ratio') return 1;
  if (unit === '%' || unit === 'percent') return 100;
  return null;
}

/** A gauge needs a threshold and a value; it ends a little past the largest of value, threshold and capacity. */
export function gaugeScale(e: TEvidenceLike): { max: number; capacity: number | null } | null {
  if (e.value === null || e.threshold === undefined || !Number.isFinite(e.value)) return null;
  const capacity = capacityOf(e.unit);
  const top = Math.max(e.value, e.threshold, capacity ?? 0);
  if (!(top > 0)) return null;
  return { max: top * 1.1, capacity };
}

/** Whether the value stands where the rule acts (above a high-water mark, below a low one…). */
export function conditionHolds(e: TEvidenceLike): boolean {
  if (e.value === null || e.threshold === undefined) return false;
  switch (e.comparison ?? 'above') {
    case 'above':
      return e.value > e.threshold;
    case 'below':
      return e.value < e.threshold;
    case 'at-least':
      return e.value >= e.threshold;
    case 'at-most':
      return e.value <= e.threshold;
  }
}
