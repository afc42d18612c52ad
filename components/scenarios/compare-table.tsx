'use client';

// Scenarios side by side, line by line: the median (P50) and P10–P90 of each, and the difference of
// the medians from the first; capacity at the most likely values, in words.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import type { TCompareRow } from '@/lib/planning/compare';
import { RESOURCE_CLASSES, type TResourceClass } from '@/lib/planning/types';
import type { TStoredComparison } from '@/lib/scenarios/compare-stored-scenarios';
import { useScenarioLabels } from './labels';

function Delta({ value, share, currency }: { value: string | null; share: number | null; currency: string }) {
  const fmt = useFormat();
  if (value === null || Number(value) === 0) return <span className="text-slate-300">—</span>;
  const up = Number(value) > 0;
  return (
    <span className={up ? 'text-red-700' : 'text-emerald-700'}>
      {up ? '+' : '−'}{fmt.money(Math.abs(Number(value)), { currency })}
      {share !== null && <span className="ml-1 text-xs">({fmt.change(share, 0)})</span>}
    </span>
  );
}

function Row({ row, label, currency, strong }: { row: TCompareRow; label: string; currency: string; strong?: boolean }) {
  const t = useTranslations('scenarios.compare');
  const fmt = useFormat();
  const m = (v: string) => fmt.money(v, { currency });
  const changed = row.deltaP50.some((d, i) => i > 0 && d !== null && Number(d) !== 0) || row.values.some((v) => v === null);
  return (
    <tr className={`${strong ? 'font-semibold' : ''} ${changed ? '' : 'text-slate-500'}`} data-testid={`compare-row-${row.key}`}>
      <td className="sticky left-0 max-w-[14rem] bg-white py-1.5 pr-3">{label}</td>
      {row.values.map((v, i) => (
        <td key={i} className="tabular whitespace-nowrap pl-3 text-right">
          {v ? (
            <>
              {m(v.p50)}
              <div className="text-[11px] font-normal text-slate-400">{m(v.p10)} – {m(v.p90)}</div>
            </>
          ) : (
            <span className="text-xs text-slate-400">{t('notIn')}</span>
          )}
          {i > 0 && <div className="text-xs font-normal"><Delta value={row.deltaP50[i]} share={row.deltaShare[i]} currency={currency} /></div>}
        </td>
      ))}
    </tr>
  );
}

export function CompareTable({ comparison }: { comparison: TStoredComparison }) {
  const t = useTranslations('scenarios.compare');
  const tCommon = useTranslations('common');
  const fmt = useFormat();
  const labels = useScenarioLabels();
  const cur = comparison.currency;
  const capValue = (v: string | number | null) => (typeof v === 'number' ? (Number.isInteger(v) ? fmt.integer(v) : fmt.number(v)) : v === 'eks' ? 'EKS' : v === 'ecs-fargate' ? 'ECS Fargate' : (v ?? '—'));
  return (
    <div className="space-y-8">
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="compare-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="sticky left-0 bg-white py-2">{t('costHeader')}</th>
              {comparison.scenarios.map((s, i) => (
                <th key={s.id} className="min-w-[9rem] pl-3 text-right">
                  <a href={`/scenarios/${s.id}`} className="normal-case text-brand-700 hover:underline">{s.name}</a>
                  <div className="font-normal normal-case text-slate-400">{i === 0 ? `${t('reference')} · ${t('columnNote')}` : t('columnNote')}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 border-b-2 border-slate-300">
            <Row row={comparison.total} label={tCommon('total')} currency={cur} strong />
            {comparison.classes.map((r) => <Row key={r.key} row={r} label={labels.className(r.key as TResourceClass)} currency={cur} strong />)}
          </tbody>
          {RESOURCE_CLASSES.map((cls) => {
            const lines = comparison.lines.filter((l) => l.resourceClass === cls);
            if (lines.length === 0) return null;
            return (
              <tbody key={cls} className="divide-y divide-slate-100">
                <tr><td colSpan={comparison.scenarios.length + 1} className="sticky left-0 bg-white pt-4 text-xs font-semibold uppercase text-slate-500">{labels.className(cls)}</td></tr>
                {lines.map((r) => <Row key={r.key} row={r} label={r.item} currency={cur} />)}
              </tbody>
            );
          })}
        </table>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="compare-capacity">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr><th className="sticky left-0 bg-white py-2">{t('capacityHeader')}</th>{comparison.scenarios.map((s) => <th key={s.id} className="pl-3 text-right">{s.name}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {comparison.capacity.map((c) => {
              const l = labels.capacity(c.field);
              return (
                <tr key={c.field} className={c.changed ? 'font-medium' : 'text-slate-500'} data-testid={`compare-capacity-${c.field}`}>
                  <td className="sticky left-0 bg-white py-1">{l.label}{l.unit && <span className="ml-1 text-xs font-normal text-slate-400">({l.unit})</span>}</td>
                  {c.values.map((v, i) => <td key={i} className="tabular whitespace-nowrap pl-3 text-right">{capValue(v)}</td>)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
