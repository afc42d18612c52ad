// How full a resource is against its capacity, from the window's P95 and max.
export type THeadroom = {
  p95Fill: number; // P95 / capacity
  maxFill: number | null; // max / capacity
  headroom: number; // 1 − P95 / capacity; negative when the P95 is over capacity
};

export function headroomFigures(input: { p95: number | null; max?: number | null; capacity: number | null }): THeadroom | null {
  const { p95, capacity } = input;
  if (p95 === null || capacity === null || !(capacity > 0) || !Number.isFinite(p95)) return null;
  const max = input.max ?? null;
  const p95Fill = p95 / capacity;
  return { p95Fill, maxFill: max !== null && Number.isFinite(max) ? max / capacity : null, headroom: 1 - p95Fill };
}

export type TFillLevel = 'ok' | 'warning' | 'critical';

// The page colours a fill bar amber from 70 % and red from 85 %.
export const FILL_WARNING = 0.7;
export const FILL_CRITICAL = 0.85;

export function fillLevel(fill: number): TFillLevel {
  if (fill >= FILL_CRITICAL) return 'critical';
  if (fill >= FILL_WARNING) return 'warning';
  return 'ok';
}
