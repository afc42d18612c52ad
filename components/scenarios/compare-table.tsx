// Scenarios side by side, line by line: P50 (P10–P90) of each, and the difference from the first.
import type { TStoredComparison } from '@/lib/scenarios/compare-stored-scenarios';
import type { TCompareRow } from '@/lib/planning/compare';
import { RESOURCE_CLASS_LABELS, RESOURCE_CLASSES } from '@/lib/planning/types';
import { money, num } from './format';

function Delta({ value, share, currency, locale }: { value: string | null; share: number | null; currency: string; locale: string }) {
  if (value === null || Number(value) === 0) return <span className="text-slate-300">—</span>;
  const up = Number(value) > 0;
  return (
    <span className={up ? 'text-red-700' : 'text-emerald-700'}>
      {up ? '+' : '−'}{money(Math.abs(Number(value)), currency, locale)}
      {share !== null && <span className="ml-1 text-xs">({up ? '+' : '−'}{num(Math.abs(share) * 100, locale, 0)} %)</span>}
    </span>
  );
}

function Row({ row, currency, locale, strong }: { row: TCompareRow; currency: string; locale: string; strong?: boolean }) {
  const changed = row.deltaP50.some((d, i) => i > 0 && d !== null && Number(d) !== 0) || row.values.some((v) => v === null);
  return (
    <tr className={`${strong ? 'font-semibold' : ''} ${changed ? '' : 'text-slate-500'}`} data-testid={`compare-row-${row.key}`}>
      <td className="py-1.5 pr-3">{row.item}</td>
      {row.values.map((v, i) => (
        <td key={i} className="tabular whitespace-nowrap pl-3 text-right">
          {v ? (
            <>
              {money(v.p50, currency, locale)}
              <div className="text-[11px] font-normal text-slate-400">{money(v.p10, currency, locale)} – {money(v.p90, currency, locale)}</div>
            </>
          ) : (
            <span className="text-xs text-slate-400">not in this scenario</span>
          )}
          {i > 0 && <div className="text-xs font-normal"><Delta value={row.deltaP50[i]} share={row.deltaShare[i]} currency={currency} locale={locale} /></div>}
        </td>
      ))}
    </tr>
  );
}

export function CompareTable({ comparison, locale }: { comparison: TStoredComparison; locale: string }) {
  const cur = comparison.currency;
  return (
    <div className="space-y-8">
      <table className="w-full text-sm" data-testid="compare-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">Monthly cost, steady state</th>
            {comparison.scenarios.map((s, i) => (
              <th key={s.id} className="pl-3 text-right">
                <a href={`/scenarios/${s.id}`} className="normal-case text-brand-700 hover:underline">{s.name}</a>
                <div className="font-normal normal-case text-slate-400">{i === 0 ? 'reference' : 'P50, P10–P90, Δ P50'}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 border-b-2 border-slate-300">
          <Row row={comparison.total} currency={cur} locale={locale} strong />
          {comparison.classes.map((r) => <Row key={r.key} row={r} currency={cur} locale={locale} strong />)}
        </tbody>
        {RESOURCE_CLASSES.map((cls) => {
          const lines = comparison.lines.filter((l) => l.resourceClass === cls);
          if (lines.length === 0) return null;
          return (
            <tbody key={cls} className="divide-y divide-slate-100">
              <tr><td colSpan={comparison.scenarios.length + 1} className="pt-4 text-xs font-semibold uppercase text-slate-500">{RESOURCE_CLASS_LABELS[cls]}</td></tr>
              {lines.map((r) => <Row key={r.key} row={r} currency={cur} locale={locale} />)}
            </tbody>
          );
        })}
      </table>
      <table className="w-full text-sm" data-testid="compare-capacity">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="py-2">Capacity at the likely values</th>{comparison.scenarios.map((s) => <th key={s.id} className="pl-3 text-right">{s.name}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {comparison.capacity.map((c) => (
            <tr key={c.field} className={c.changed ? 'font-medium' : 'text-slate-500'}>
              <td className="py-1">{c.field}</td>
              {c.values.map((v, i) => <td key={i} className="tabular pl-3 text-right">{typeof v === 'number' ? num(v, locale) : (v ?? '—')}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
