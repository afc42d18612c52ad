// A scenario's evaluation as a CSV (long format: one row per line, per total and per month and class)
// or as JSON (the scenario as saved and its whole evaluation). Pure.
import { RESOURCE_CLASSES } from '@/lib/planning/types';
import type { TScenario } from './scenario-schema';
import type { TStoredEvaluation } from './evaluate-stored-scenario';

const COLUMNS = ['section', 'month', 'resource_class', 'item', 'quantity', 'unit', 'unit_price', 'price_currency', 'likely', 'p10', 'p50', 'p90', 'currency'] as const;

export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function scenarioCsv(e: TStoredEvaluation): string {
  const rows: (string | number | null)[][] = [COLUMNS as unknown as string[]];
  const cur = e.currency;
  for (const l of e.steadyState.lines) {
    rows.push(['line', null, l.resourceClass, l.item, l.quantity, l.unit, l.unitPrice, l.currency, l.monthlyCost, l.p10, l.p50, l.p90, cur]);
  }
  for (const c of e.steadyState.classes) rows.push(['class', null, c.resourceClass, null, null, null, null, null, c.likely, c.p10, c.p50, c.p90, cur]);
  const t = e.steadyState.total;
  rows.push(['total', null, null, null, null, null, null, null, e.deterministic.total, t.p10, t.p50, t.p90, cur]);
  for (const m of e.months) {
    for (const cls of RESOURCE_CLASSES) rows.push(['month', m.month, cls, null, null, null, null, null, m.classes[cls], null, null, null, cur]);
    rows.push(['month-total', m.month, null, m.phase, null, null, null, null, m.likely, m.total.p10, m.total.p50, m.total.p90, cur]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function scenarioJson(s: TScenario, e: TStoredEvaluation) {
  return { exportedFrom: 'Tourmalet', scenario: s, evaluation: e };
}

/** A file name from the scenario's name: "Europe (plan)" → "europe-plan-v3.csv". */
export function exportFileName(s: Pick<TScenario, 'name' | 'version'>, ext: 'csv' | 'json'): string {
  const slug = s.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
  return `${slug}-v${s.version}.${ext}`;
}
