// Round axis ticks for the utilisation charts: 0, 2, 4, 6, 8 GB rather than 0, 2,3, 4,7, 8,4 GB.
// Steps are 1, 2, 2.5 or 5 × 10^n; bytes are first put in the binary unit of the top value (GB =
// 2^30, as providers size memory), so the steps are whole GB, not multiples of 10^9 bytes.
import type { TFormatter } from '../format/formatter';
import { byteUnit } from '../format/units';

const STEPS = [1, 2, 2.5, 5, 10];

// the smallest round step ≥ raw
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const step = STEPS.find((s) => fraction <= s + 1e-9) ?? 10;
  return step * power;
}

export type TNiceTicks = {
  ticks: number[]; // from 0 to the first round value ≥ max, in the metric's own unit (bytes for bytes)
  top: number; // the last tick: the axis domain's end
  /** For bytes: the power of 1024 the labels use (3 = GB), the same for every tick. */
  bytePower: number | null;
};

/** Ticks from 0 to a round value at or above max, about `intervals` of them (4 to 7 in practice). */
export function niceTicks(max: number, unit: string, intervals = 5): TNiceTicks {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  let scale = 1;
  let bytePower: number | null = null;
  if (unit === 'bytes') {
    bytePower = Math.max(0, Math.min(5, Math.floor(Math.log(top) / Math.log(1024))));
    scale = 1024 ** bytePower;
  }
  const scaled = top / scale;
  const step = niceStep(scaled / intervals);
  const count = Math.max(1, Math.ceil(scaled / step - 1e-9));
  // toPrecision drops the float noise of i × step (0.30000000000000004)
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)) * scale);
  return { ticks, top: ticks[ticks.length - 1], bytePower };
}

/**
 * A tick's label: bytes in the one binary unit of the axis ("0 GB, 2 GB … 10 GB", never "512 MB"
 * beside "1 GB"), shares as percentages, other values as compact numbers.
 */
export function formatTick(fmt: Pick<TFormatter, 'locale' | 'number' | 'axisQuantity'>, value: number, unit: string, bytePower: number | null): string {
  if (unit === 'bytes' && bytePower !== null) return `${fmt.number(value / 1024 ** bytePower)} ${byteUnit(bytePower, fmt.locale)}`;
  return fmt.axisQuantity(value, unit);
}
