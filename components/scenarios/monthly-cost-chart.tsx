'use client';

// Monthly cost over the timeline: stacked bars by resource class (at the likely values), the P10–P90
// band of the total as a shaded area with its P50 line, and the seed plan's range when it applies.
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompactMoney } from '@/lib/format/money';
import type { TMonthResult } from '@/lib/planning/evaluate';
import { RESOURCE_CLASSES, RESOURCE_CLASS_LABELS } from '@/lib/planning/types';
import { CLASS_COLORS, money, monthLabel } from './format';

export function MonthlyCostChart(props: { months: TMonthResult[]; currency: string; locale: string; plan?: { low: number; high: number } | null }) {
  const rows = props.months.map((m) => ({
    month: m.month,
    phase: m.phase,
    ...Object.fromEntries(RESOURCE_CLASSES.map((c) => [c, Number(m.classes[c])])),
    band: [Number(m.total.p10), Number(m.total.p90)] as [number, number],
    p50: Number(m.total.p50),
  }));
  const fmt = (v: number) => money(v, props.currency, props.locale);
  return (
    <div className="h-80 w-full" data-testid="chart-scenario-months">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(v: string) => monthLabel(v, props.locale)} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatCompactMoney(v, props.currency, props.locale)} tick={{ fontSize: 12 }} width={72} />
          {props.plan && (
            <ReferenceArea y1={props.plan.low} y2={props.plan.high} fill="#fde68a" fillOpacity={0.25} stroke="#f59e0b" strokeDasharray="4 4"
              label={{ value: 'seed plan range', position: 'insideTopLeft', fontSize: 11, fill: '#b45309' }} />
          )}
          <Tooltip
            labelFormatter={(label) => monthLabel(String(label), props.locale)}
            formatter={(value, name) => {
              if (Array.isArray(value)) return [`${fmt(Number(value[0]))} – ${fmt(Number(value[1]))}`, 'Total P10–P90'];
              const label = name === 'p50' ? 'Total P50' : (RESOURCE_CLASS_LABELS[name as keyof typeof RESOURCE_CLASS_LABELS] ?? String(name));
              return [fmt(Number(value)), label];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(v: string) => (v === 'band' ? 'Total P10–P90' : v === 'p50' ? 'Total P50' : (RESOURCE_CLASS_LABELS[v as keyof typeof RESOURCE_CLASS_LABELS] ?? v))} />
          {RESOURCE_CLASSES.map((c) => (
            <Bar key={c} dataKey={c} stackId="classes" fill={CLASS_COLORS[c]} isAnimationActive={false} />
          ))}
          <Area dataKey="band" type="monotone" stroke="#0f172a" strokeOpacity={0.25} fill="#0f172a" fillOpacity={0.08} isAnimationActive={false} />
          <Line dataKey="p50" type="monotone" stroke="#0f172a" strokeDasharray="5 3" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
