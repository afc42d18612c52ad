// Why a scenario's model and the bill differ, in notes a page can put into words: what no class
// covers, classes billed but not modelled (or the reverse), and the classes that differ the most.
// Pure: amounts are numbers in one currency, the model's monthly figure and last full month's bill.
import { RESOURCE_CLASSES, type TResourceClass } from '@/lib/planning/types';
import type { TMappedClass } from '@/lib/planning/cost-class-rules';

export const GAP_THRESHOLD = 0.25;

export type TGapNote =
  | { kind: 'unmapped'; amount: number; services: string[] }
  | { kind: 'notModelled'; resourceClass: TResourceClass; actual: number }
  | { kind: 'notBilled'; resourceClass: TResourceClass; model: number }
  | { kind: 'classGap'; resourceClass: TResourceClass; model: number; actual: number; ratio: number };

export type TGap = {
  modelTotal: number;
  actualTotal: number;
  /** model ÷ bill − 1; null without a bill */
  ratio: number | null;
  /** beyond the threshold, or a model with no bill at all */
  significant: boolean;
  notes: TGapNote[];
};

export type TGapInput = {
  model: Record<TResourceClass, number>;
  modelTotal: number;
  actual: Record<TMappedClass, number>;
  /** the unmapped services, largest first */
  unmappedServices: { label: string; amount: number }[];
};

// Amounts under this share of the bill are noise beside the gap being explained.
const NOISE = 0.01;
const MAX_CLASS_GAPS = 3;
const MAX_SERVICES = 3;

export function explainGap(input: TGapInput, threshold = GAP_THRESHOLD): TGap {
  const actualTotal = Object.values(input.actual).reduce((a, b) => a + b, 0);
  const ratio = actualTotal > 0 ? input.modelTotal / actualTotal - 1 : null;
  const significant = ratio === null ? input.modelTotal > 0 : Math.abs(ratio) > threshold;
  const noise = Math.max(actualTotal, input.modelTotal) * NOISE;
  const notes: TGapNote[] = [];
  if (input.actual.unmapped > noise) {
    notes.push({ kind: 'unmapped', amount: input.actual.unmapped, services: input.unmappedServices.filter((s) => s.amount > 0).slice(0, MAX_SERVICES).map((s) => s.label) });
  }
  const gaps: Extract<TGapNote, { kind: 'classGap' }>[] = [];
  for (const c of RESOURCE_CLASSES) {
    const model = input.model[c];
    const actual = input.actual[c];
    if (model <= 0 && actual > noise) notes.push({ kind: 'notModelled', resourceClass: c, actual });
    else if (actual <= 0 && model > noise) notes.push({ kind: 'notBilled', resourceClass: c, model });
    else if (actual > 0 && Math.abs(model - actual) > noise && Math.abs(model / actual - 1) > threshold) {
      gaps.push({ kind: 'classGap', resourceClass: c, model, actual, ratio: model / actual - 1 });
    }
  }
  gaps.sort((a, b) => Math.abs(b.model - b.actual) - Math.abs(a.model - a.actual));
  notes.push(...gaps.slice(0, MAX_CLASS_GAPS));
  return { modelTotal: input.modelTotal, actualTotal, ratio, significant, notes };
}
