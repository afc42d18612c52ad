// The seed plan's own monthly estimate beside the model's P10–P90, per resource class, with a
// one-line explanation of every disagreement.
import type { TSeedComparison, TVerdict } from '@/lib/planning/seed-reference';
import { money, range } from './format';

const VERDICT: Record<TVerdict, { label: string; className: string }> = {
  agrees: { label: 'agrees', className: 'bg-emerald-100 text-emerald-800' },
  overlaps: { label: 'overlaps', className: 'bg-sky-100 text-sky-800' },
  above: { label: 'model higher', className: 'bg-red-100 text-red-800' },
  below: { label: 'model lower', className: 'bg-amber-100 text-amber-800' },
};

export function SeedReferenceTable({ seed, locale }: { seed: TSeedComparison; locale: string }) {
  const cur = seed.currency;
  const rows = [...seed.rows, seed.total];
  return (
    <table className="w-full text-sm" data-testid="seed-reference">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Resource</th>
          <th className="text-right">Model P10 – P90</th>
          <th className="text-right">Model P50</th>
          <th className="text-right" data-testid="seed-reference-column">Seed plan low – high</th>
          <th className="pl-4">Why</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.resourceClass} className={`align-top ${r.resourceClass === 'total' ? 'font-semibold' : ''}`} data-testid={`seed-row-${r.resourceClass}`}>
            <td className="py-2 pr-3">
              {r.label}
              {r.spec && <div className="text-xs font-normal text-slate-500">{r.spec}</div>}
            </td>
            <td className="tabular whitespace-nowrap text-right">{range(r.modelP10, r.modelP90, cur, locale)}</td>
            <td className="tabular text-right">{money(r.modelP50, cur, locale)}</td>
            <td className="tabular whitespace-nowrap text-right text-amber-800">{range(r.planLow, r.planHigh, cur, locale)}</td>
            <td className="pl-4 text-xs font-normal text-slate-600">
              <span className={`mr-2 inline-block rounded px-1.5 py-0.5 text-[11px] font-medium ${VERDICT[r.verdict].className}`}>{VERDICT[r.verdict].label}</span>
              {r.explanation}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
