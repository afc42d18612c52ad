'use client';

// Tornado: the steady-state total with one input at its low and at its high (all others at their
// likely values), for the inputs that move it most.
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompactMoney } from '@/lib/format/money';
import type { TTornadoBar } from '@/lib/planning/evaluate';
import { money, num } from './format';

export function TornadoChart(props: { bars: TTornadoBar[]; base: number; currency: string; locale: string; top?: number }) {
  const bars = props.bars.filter((b) => Number(b.swing) > 0).slice(0, props.top ?? 10);
  if (bars.length === 0) return <p className="text-sm text-slate-500">No input has a range: give a driver a low and a high to see what moves the total.</p>;
  const rows = bars.map((b) => ({
    label: b.label,
    range: [Math.min(Number(b.low), Number(b.high)), Math.max(Number(b.low), Number(b.high))] as [number, number],
    detail: `${num(b.inputLow, props.locale)} → ${money(b.low, props.currency, props.locale)}; ${num(b.inputHigh, props.locale)} → ${money(b.high, props.currency, props.locale)} (${b.unit})`,
  }));
  // recharts' dataMin/dataMax do not see range bars' far ends: the domain is computed here
  const lo = Math.min(props.base, ...rows.map((r) => r.range[0]));
  const hi = Math.max(props.base, ...rows.map((r) => r.range[1]));
  const pad = (hi - lo) * 0.05 || 1;
  return (
    <div className="w-full" style={{ height: 40 + rows.length * 30 }} data-testid="tornado">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[Math.max(0, lo - pad), hi + pad]} tickFormatter={(v: number) => formatCompactMoney(v, props.currency, props.locale)} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={210} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(_v, _n, item) => [(item.payload as { detail: string }).detail, 'low → total; high → total']} />
          <ReferenceLine x={props.base} stroke="#0f172a" />
          <Bar dataKey="range" fill="#2f7d62" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
