// The priced lines: quantity, unit, unit price, monthly cost P10/P50/P90, and the reasoning behind each.
import type { TClassResult, TLineResult } from '@/lib/planning/evaluate';
import { RESOURCE_CLASS_LABELS, RESOURCE_CLASSES } from '@/lib/planning/types';
import { CLASS_COLORS, money, num, unitPrice } from './format';

export function LineTable(props: { lines: TLineResult[]; classes: TClassResult[]; currency: string; locale: string }) {
  const { currency, locale } = props;
  return (
    <table className="w-full text-sm" data-testid="line-table">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Item</th>
          <th className="text-right">Quantity</th>
          <th>Unit</th>
          <th className="text-right">Unit price</th>
          <th className="text-right">P10</th>
          <th className="text-right">P50</th>
          <th className="text-right">P90</th>
        </tr>
      </thead>
      {RESOURCE_CLASSES.map((cls) => {
        const lines = props.lines.filter((l) => l.resourceClass === cls);
        const c = props.classes.find((x) => x.resourceClass === cls);
        if (!c || lines.length === 0) return null;
        return (
          <tbody key={cls} className="border-t border-slate-200">
            <tr className="bg-slate-50 font-medium">
              <td className="py-2" colSpan={4}>
                <span className="mr-2 inline-block h-2.5 w-2.5 rounded-sm" style={{ background: CLASS_COLORS[cls] }} />
                {RESOURCE_CLASS_LABELS[cls]}
              </td>
              <td className="tabular text-right">{money(c.p10, currency, locale)}</td>
              <td className="tabular text-right">{money(c.p50, currency, locale)}</td>
              <td className="tabular text-right">{money(c.p90, currency, locale)}</td>
            </tr>
            {lines.map((l) => (
              <tr key={l.key} className="align-top" data-testid={`line-${l.key}`}>
                <td className="py-1.5 pr-3">
                  <details>
                    <summary className="cursor-pointer text-slate-800">{l.item}</summary>
                    <ol className="mt-1 list-decimal space-y-1 pl-5 text-xs text-slate-600">
                      {l.reasoning.map((r, i) => <li key={i}>{r.text}</li>)}
                    </ol>
                    <div className="mt-1 text-[11px] text-slate-400">
                      likely {money(l.monthlyCost, currency, locale)}{l.priceItemId ? ` · price ${l.priceItemId}` : ''}
                      {l.listUnitPrice !== l.unitPrice ? ` · list ${unitPrice(l.listUnitPrice, l.currency, locale)}` : ''}
                    </div>
                  </details>
                </td>
                <td className="tabular text-right">{num(l.quantity, locale)}</td>
                <td className="pl-2 text-slate-500">{l.unit}</td>
                <td className="tabular text-right text-slate-600">{unitPrice(l.unitPrice, l.currency, locale)}</td>
                <td className="tabular text-right text-slate-500">{money(l.p10, currency, locale)}</td>
                <td className="tabular text-right">{money(l.p50, currency, locale)}</td>
                <td className="tabular text-right text-slate-500">{money(l.p90, currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
