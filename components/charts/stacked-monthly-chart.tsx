'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import { seriesColor } from '@/lib/format/palette';

// One bar series per group, named by the group's key (React's key, never the label: labels are
// for people); a row holds the x value and series i's value at values[i], so that no key (which
// may hold dots, or be "x") is ever read as a property path. A series' colour is the caller's
// (providerColor for providers, OTHER_COLOR for the rest), else the page's series palette by rank.
export type TChartSeries = { key: string; label: string; color?: string };
export type TChartRow = { x: string; values: number[] };
// The forecast of the total by period (the month under way includes what was spent), drawn as a band and a
// dashed line from the last period with actual spend on.
export type TChartForecast = { x: string; mean: number; lower: number; upper: number };

export function StackedMonthlyChart(props: {
  rows: TChartRow[];
  series: TChartSeries[];
  currency: string;
  granularity?: 'day' | 'month';
  testId?: string;
  forecast?: { points: TChartForecast[]; label: string };
}) {
  const fmt = useFormat();
  const byX = new Map((props.forecast?.points ?? []).map((f) => [f.x, f]));
  const xs = [...new Set([...props.rows.map((r) => r.x), ...byX.keys()])].sort();
  const rowByX = new Map(props.rows.map((r) => [r.x, r]));
  const data = xs.map((x) => {
    const f = byX.get(x);
    return { x, values: rowByX.get(x)?.values ?? [], mean: f?.mean ?? null, band: f ? [f.lower, f.upper] : null };
  });
  const formatX = (v: string) => (props.granularity === 'day' ? fmt.dayShort(v) : fmt.month(v));
  const color = (s: TChartSeries, i: number) => s.color ?? seriesColor(i);
  return (
    <div className="min-w-0" data-testid={props.testId ?? 'chart-monthly-by-provider'}>
      {/* a fixed height of its own: recharts' legend inside the chart took the plot's height on phones (no bars) */}
      <div className="h-64 w-full sm:h-80">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="x" tickFormatter={formatX} tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis tickFormatter={(v: number) => fmt.moneyCompact(v, { currency: props.currency })} tick={{ fontSize: 11 }} width={60} />
            <Tooltip
              formatter={(value) =>
                Array.isArray(value)
                  ? `${fmt.money(Number(value[0]), { currency: props.currency })} – ${fmt.money(Number(value[1]), { currency: props.currency })}`
                  : fmt.money(Number(value), { currency: props.currency })
              }
              labelFormatter={(label) => (props.granularity === 'day' ? fmt.day(String(label)) : fmt.monthLong(String(label)))}
            />
            {props.series.map((s, i) => (
              <Bar key={s.key} dataKey={(row: { values: number[] }) => row.values[i] ?? 0} name={s.label} stackId="a" fill={color(s, i)} isAnimationActive={false} />
            ))}
            {props.forecast && (
              <Area key="forecast-band" dataKey="band" name={`${props.forecast.label} ·`} stroke="none" fill="#6366f1" fillOpacity={0.18} isAnimationActive={false} connectNulls={false} />
            )}
            {props.forecast && (
              <Line key="forecast-mean" dataKey="mean" name={props.forecast.label} stroke="#4f46e5" strokeDasharray="5 4" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="chart-legend">
        {props.series.map((s, i) => (
          <li key={s.key} className="flex min-w-0 max-w-full items-center gap-1.5" title={s.label}>
            <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: color(s, i) }} />
            <span className="truncate">{s.label}</span>
          </li>
        ))}
        {props.forecast && props.forecast.points.length > 0 && (
          <li key="forecast" className="flex min-w-0 max-w-full items-center gap-1.5" data-testid="chart-forecast-legend">
            <span aria-hidden className="inline-block h-2.5 w-4 shrink-0 rounded-sm border-t-2 border-dashed border-indigo-600 bg-indigo-100" />
            <span className="truncate">{props.forecast.label}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
