'use client';

// Horizontal bars for a ranked list (top services), drawn with plain elements: readable and light.
// On a phone the label takes its own line above the bar and the amount, so neither is squeezed out.
import { useFormat } from '@/components/i18n/format-provider';

export function RankedBars(props: { items: { key: string; label: string; amount: number }[] }) {
  const fmt = useFormat();
  const max = Math.max(...props.items.map((i) => i.amount), 1);
  return (
    <ul className="space-y-3 sm:space-y-2" data-testid="chart-services-last-30">
      {props.items.map((item) => (
        <li key={item.key} className="grid grid-cols-[minmax(0,1fr)_6rem] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_7rem]">
          <span className="col-span-2 truncate text-slate-700 sm:col-span-1" title={item.label}>{item.label}</span>
          <span className="h-3 min-w-0 rounded bg-slate-100">
            <span className={`block h-3 rounded ${item.key === '__other' ? 'bg-slate-400' : 'bg-brand-500'}`}
              style={{ width: `${Math.max((item.amount / max) * 100, 0.5)}%` }} />
          </span>
          <span className="tabular text-right font-medium">{fmt.money(item.amount)}</span>
        </li>
      ))}
    </ul>
  );
}
