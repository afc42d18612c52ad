// What adopting a fitted coefficient would change: the scenario evaluated at its most likely values
// with the coefficient as adopt-calibration.ts would store it, beside the same evaluation without.
// Pure (the model runs in the browser, one deterministic point each).
import { AppError } from '@/lib/errors';
import { COEFFICIENTS, resolveCoefficients, type TCoefficientId, type TCoefficientRange } from '@/lib/planning/coefficients';
import { evaluateScenario, type TEvaluateInput } from '@/lib/planning/evaluate';
import type { TCapacity } from '@/lib/planning/types';
import type { TCalibrationItem, TCalibrationResult } from '@/lib/queries/get-calibration';

export type TCapacityDelta = { field: keyof TCapacity; from: number | string | null; to: number | string | null };

export type TCalibrationImpact = {
  /** The fitted value lies outside the scenario's current low–high range. */
  outside: boolean;
  /** fitted ÷ the scenario's likely value. */
  ratio: number;
  before: number;
  after: number;
  capacity: TCapacityDelta[];
};

const sig = (x: number) => Number(x.toPrecision(4));

/** The range adopting stores (the same rounding as lib/scenarios/adopt-calibration.ts). */
export function adoptedRange(fitted: NonNullable<TCalibrationItem['fitted']>): TCoefficientRange {
  const likely = sig(fitted.value);
  return { low: Math.min(sig(fitted.low), likely), likely, high: Math.max(sig(fitted.high), likely) };
}

export function isOutside(item: TCalibrationItem): boolean {
  return item.fitted !== null && (item.fitted.value < item.current.low || item.fitted.value > item.current.high);
}

function likelyPoint(input: TEvaluateInput): { total: number; capacity: TCapacity } {
  // one sample, no timeline: only the deterministic part is read
  const r = evaluateScenario({ ...input, samples: 1, timeline: undefined, keepSamples: false });
  return { total: Number(r.deterministic.total), capacity: r.deterministic.capacity };
}

export function calibrationImpacts(input: TEvaluateInput, calibration: TCalibrationResult): Record<string, TCalibrationImpact | null> {
  const out: Record<string, TCalibrationImpact | null> = {};
  let base: ReturnType<typeof likelyPoint> | null = null;
  for (const item of calibration.coefficients) {
    if (!item.fitted) continue;
    try {
      base ??= likelyPoint(input);
      const id = item.coefficient as TCoefficientId;
      const coefficients = { ...resolveCoefficients(input.coefficients), [id]: adoptedRange(item.fitted) };
      const after = likelyPoint({ ...input, coefficients });
      const capacity = (Object.keys(base.capacity) as (keyof TCapacity)[])
        .filter((f) => base!.capacity[f] !== after.capacity[f])
        .map((f) => ({ field: f, from: base!.capacity[f], to: after.capacity[f] }));
      out[item.coefficient] = { outside: isOutside(item), ratio: item.fitted.value / (item.current.likely || COEFFICIENTS[id].likely), before: base.total, after: after.total, capacity };
    } catch (e) {
      // a fitted value the model refuses has no computable effect; anything else is a bug
      if (!(e instanceof AppError)) throw e;
      out[item.coefficient] = null;
    }
  }
  return out;
}
