// Horizontal bars for a ranked list (top services), drawn with plain elements: readable and light.
import { formatMoney } from '@/lib/format/money';

export function RankedBars(props: { items: { key: string; label: string; amount: number }[]; currency: string; locale: string }) {
  const max = Math.max(...props.items.map((i) => i.amount), 1);
  return (
    <ul className="space-y-2" data-testid="chart-services-last-30">
      {props.items.map((item) => (
        <li key={item.key} className="grid grid-cols-[minmax(0,14rem)_1fr_7rem] items-center gap-3 text-sm">
          <span className="truncate text-slate-700" title={item.label}>{item.label}</span>
          <span className="h-3 rounded bg-slate-100">
            <span className={`block h-3 rounded ${item.key === '__other' ? 'bg-slate-400' : 'bg-brand-500'}`}
              style={{ width: `${Math.max((item.amount / max) * 100, 0.5)}%` }} />
          </span>
          <span className="tabular text-right font-medium">{formatMoney(item.amount, props.currency, props.locale)}</span>
        </li>
      ))}
    </ul>
  );
}
