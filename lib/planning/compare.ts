// Two or more evaluated scenarios side by side, line by line, with differences from the first.
import { subtractDecimal, toFixedDecimal } from '../money/decimal';
import type { TEvaluation } from './evaluate';
import { RESOURCE_CLASSES, RESOURCE_CLASS_LABELS, type TCapacity, type TResourceClass } from './types';

export type TCompareCell = { likely: string; p10: string; p50: string; p90: string } | null;

export type TCompareRow = {
  key: string;
  resourceClass: TResourceClass | 'total';
  item: string;
  values: TCompareCell[];
  /** P50 of each scenario minus the first scenario's (null where either is missing). */
  deltaP50: (string | null)[];
  /** That difference as a share of the first scenario's P50. */
  deltaShare: (number | null)[];
};

export type TCapacityRow = { field: keyof TCapacity; values: (string | number | null)[]; changed: boolean };

export type TComparison = {
  currency: string;
  names: string[];
  lines: TCompareRow[];
  classes: TCompareRow[];
  total: TCompareRow;
  capacity: TCapacityRow[];
};

function row(key: string, resourceClass: TResourceClass | 'total', item: string, values: TCompareCell[]): TCompareRow {
  const base = values[0];
  return {
    key, resourceClass, item, values,
    // P50s are money with two places (moneyFromNumber), and so is their difference
    deltaP50: values.map((v) => (v && base ? toFixedDecimal(subtractDecimal(v.p50, base.p50), 2) : null)),
    deltaShare: values.map((v) => (v && base && Number(base.p50) !== 0 ? (Number(v.p50) - Number(base.p50)) / Number(base.p50) : null)),
  };
}

export function compareScenarios(scenarios: { name: string; result: TEvaluation }[]): TComparison {
  if (scenarios.length < 2) throw new Error('compare needs at least two scenarios');
  const currency = scenarios[0].result.currency;
  const other = scenarios.find((s) => s.result.currency !== currency);
  if (other) throw new Error(`cannot compare ${currency} with ${other.result.currency}: evaluate both in one currency`);

  // Union of line keys in order of first appearance (providers differ between scenarios).
  const keys: { key: string; resourceClass: TResourceClass; item: string }[] = [];
  for (const s of scenarios) {
    for (const l of s.result.steadyState.lines) {
      if (!keys.some((k) => k.key === l.key)) keys.push({ key: l.key, resourceClass: l.resourceClass, item: l.item });
    }
  }
  keys.sort((a, b) => RESOURCE_CLASSES.indexOf(a.resourceClass) - RESOURCE_CLASSES.indexOf(b.resourceClass));
  const lines = keys.map((k) =>
    row(k.key, k.resourceClass, k.item, scenarios.map((s) => {
      const l = s.result.steadyState.lines.find((x) => x.key === k.key);
      return l ? { likely: l.monthlyCost, p10: l.p10, p50: l.p50, p90: l.p90 } : null;
    })),
  );
  const classes = RESOURCE_CLASSES.map((cls) =>
    row(cls, cls, RESOURCE_CLASS_LABELS[cls], scenarios.map((s) => {
      const c = s.result.steadyState.classes.find((x) => x.resourceClass === cls);
      return c ? { likely: c.likely, p10: c.p10, p50: c.p50, p90: c.p90 } : null;
    })),
  );
  const total = row('total', 'total', 'Total', scenarios.map((s) => ({ likely: s.result.deterministic.total, ...s.result.steadyState.total })));
  const fields = Object.keys(scenarios[0].result.steadyState.capacity) as (keyof TCapacity)[];
  const capacity = fields.map((field) => {
    const values = scenarios.map((s) => s.result.steadyState.capacity[field] ?? null);
    return { field, values, changed: values.some((v) => v !== values[0]) };
  });
  return { currency, names: scenarios.map((s) => s.name), lines, classes, total, capacity };
}
