'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompactMoney, formatDay, formatMoney, formatMonth } from '@/lib/format/money';

export const SERIES_COLORS = ['#2f7d62', '#3b82f6', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#64748b', '#ec4899', '#84cc16', '#0ea5e9'];

// One bar series per group, named by the group's key (React's key, never the label: labels are
// for people); a row holds the x value and series i's value at values[i], so that no key (which
// may hold dots, or be "x") is ever read as a property path.
export type TChartSeries = { key: string; label: string };
export type TChartRow = { x: string; values: number[] };

export function StackedMonthlyChart(props: {
  rows: TChartRow[];
  series: TChartSeries[];
  currency: string;
  locale: string;
  granularity?: 'day' | 'month';
  testId?: string;
  colors?: string[]; // series i's colour (providers: providerColor), else the default palette
}) {
  const formatX = props.granularity === 'day' ? formatDay : formatMonth;
  return (
    <div className="h-80 w-full" data-testid={props.testId ?? 'chart-monthly-by-provider'}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="x" tickFormatter={(v: string) => formatX(v, props.locale)} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatCompactMoney(v, props.currency, props.locale)} tick={{ fontSize: 12 }} width={72} />
          <Tooltip
            formatter={(value) => formatMoney(Number(value), props.currency, props.locale)}
            labelFormatter={(label) => formatX(String(label), props.locale)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {props.series.map((s, i) => (
            <Bar key={s.key} dataKey={(row: TChartRow) => row.values[i] ?? 0} name={s.label} stackId="a" fill={props.colors?.[i] ?? SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
