'use client';

// The priced lines: quantity, unit, unit price, the monthly cost at the most likely values (the page's
// basis) and its P10 / P90, and the reasoning behind each.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import type { TClassResult, TLineResult } from '@/lib/planning/evaluate';
import { RESOURCE_CLASSES } from '@/lib/planning/types';
import { classColor } from './class-colors';
import { useScenarioLabels } from './labels';

export function LineTable(props: { lines: TLineResult[]; classes: TClassResult[]; currency: string }) {
  const t = useTranslations('scenarios.lines');
  const fmt = useFormat();
  const labels = useScenarioLabels();
  const m = (v: string) => fmt.money(v, { currency: props.currency });
  const unit = (u: string) => {
    const k = `unitNames.${u}` as never;
    return t.has(k) ? t(k) : u;
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-sm [&_td+td]:px-2 [&_td+td]:whitespace-nowrap [&_th+th]:px-2 [&_th]:whitespace-nowrap" data-testid="line-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="sticky left-0 bg-white py-2">{t('item')}</th>
            <th className="text-right">{t('quantity')}</th>
            <th className="pl-2">{t('unit')}</th>
            <th className="text-right">{t('unitPrice')}</th>
            <th className="text-right">P10</th>
            <th className="text-right">{t('likely')}</th>
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
                <td className="sticky left-0 bg-slate-50 py-2" colSpan={4}>
                  <span className="mr-2 inline-block h-2.5 w-2.5 rounded-sm" style={{ background: classColor(cls) }} />
                  {labels.className(cls)}
                </td>
                <td className="tabular text-right">{m(c.p10)}</td>
                <td className="tabular text-right">{m(c.likely)}</td>
                <td className="tabular text-right">{m(c.p90)}</td>
              </tr>
              {lines.map((l) => (
                <tr key={l.key} className="align-top" data-testid={`line-${l.key}`}>
                  <td className="sticky left-0 max-w-[16rem] bg-white py-1.5 pr-3">
                    <details>
                      <summary className="cursor-pointer text-slate-800">{l.item}</summary>
                      <ol className="mt-1 list-decimal space-y-1 pl-5 text-xs text-slate-600">
                        {l.reasoning.map((r, i) => <li key={i}>{r.text}</li>)}
                      </ol>
                      <div className="mt-1 text-[11px] text-slate-400">
                        {l.priceItemId ? t('price', { id: l.priceItemId }) : ''}
                        {l.listUnitPrice !== l.unitPrice ? ` · ${t('list', { price: fmt.unitPrice(l.listUnitPrice, { currency: l.currency }) })}` : ''}
                      </div>
                    </details>
                  </td>
                  <td className="tabular text-right">{fmt.number(l.quantity)}</td>
                  <td className="whitespace-nowrap pl-2 text-slate-500">{unit(l.unit)}</td>
                  <td className="tabular text-right text-slate-600">{fmt.unitPrice(l.unitPrice, { currency: l.currency })}</td>
                  <td className="tabular text-right text-slate-500">{m(l.p10)}</td>
                  <td className="tabular text-right">{m(l.monthlyCost)}</td>
                  <td className="tabular text-right text-slate-500">{m(l.p90)}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
