'use client';

// The budget's period: cumulative actual spend, then the forecast's mean and band to the period's end, against
// the amount as a line.
import { useTranslations } from 'next-intl';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';

export type TBudgetChartDay = { day: string; actual: number | null; mean: number | null; lower: number | null; upper: number | null };

export function BudgetChart(props: { id: string; days: TBudgetChartDay[]; amount: number | null; currency: string }) {
  const t = useTranslations('budgets');
  const fmt = useFormat();
  const data = props.days.map((d) => ({ day: d.day, actual: d.actual, mean: d.mean, band: d.lower !== null && d.upper !== null ? [d.lower, d.upper] : null }));
  const top = Math.max(props.amount ?? 0, ...props.days.map((d) => Math.max(d.actual ?? 0, d.upper ?? 0)));
  const money = (v: number) => fmt.money(v, { currency: props.currency });
  return (
    <div className="h-56 w-full min-w-0" data-testid={`budget-chart-${props.id}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 12, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={(d: string) => fmt.dayShort(d)} tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis domain={[0, Math.ceil(top * 1.08) || 1]} tickFormatter={(v: number) => fmt.moneyCompact(v, { currency: props.currency })} tick={{ fontSize: 12 }} width={64} />
          <Tooltip
            labelFormatter={(d) => fmt.day(String(d))}
            formatter={(v, name) => [Array.isArray(v) ? `${money(Number(v[0]))} – ${money(Number(v[1]))}` : money(Number(v)), name]}
          />
          <Area key="band" dataKey="band" name={t('chartBand')} stroke="none" fill="#6366f1" fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
          <Line key="actual" dataKey="actual" name={t('chartActual')} stroke="#0f766e" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line key="mean" dataKey="mean" name={t('chartForecast')} stroke="#6366f1" strokeDasharray="5 4" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
          {props.amount !== null && (
            <ReferenceLine y={props.amount} stroke="#dc2626" strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: t('chartAmount'), position: 'insideTopLeft', fontSize: 11, fill: '#dc2626' }} />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
