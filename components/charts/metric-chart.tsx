'use client';

// One metric over time: the average as a line, the min–max spread as a band, and the capacity as a
// dashed line the y axis always reaches.
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisQuantity, formatQuantity } from '@/lib/format/units';

export type TMetricChartPoint = { t: string; avg: number; max: number; min: number };

export function MetricChart(props: {
  points: TMetricChartPoint[];
  unit: string;
  capacity: number | null;
  step: 'hour' | 'day';
  locale: string;
  timeZone: string;
  testId?: string;
}) {
  const { unit, capacity, locale, timeZone } = props;
  const data = props.points.map((p) => ({ t: Date.parse(p.t), avg: p.avg, range: [p.min, p.max] as [number, number] }));
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone });
  const moment = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(props.step === 'hour' ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone,
  });
  const value = (v: unknown) =>
    Array.isArray(v) ? `${formatQuantity(Number(v[0]), unit, locale)} – ${formatQuantity(Number(v[1]), unit, locale)}` : formatQuantity(Number(v), unit, locale);
  return (
    <div className="h-64 w-full" data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => day.format(t)}
            tick={{ fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis
            domain={[0, (dataMax: number) => Math.max(dataMax, capacity ?? 0) * 1.05 || 1]}
            tickFormatter={(v: number) => formatAxisQuantity(v, unit, locale)}
            tick={{ fontSize: 12 }}
            width={76}
          />
          <Tooltip labelFormatter={(t) => moment.format(Number(t))} formatter={(v, name) => [value(v), name]} />
          <Area dataKey="range" name="min – max" stroke="none" fill="#2f7d62" fillOpacity={0.15} isAnimationActive={false} />
          <Line dataKey="avg" name="average" stroke="#2f7d62" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          {capacity !== null && (
            <ReferenceLine
              y={capacity}
              stroke="#dc2626"
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: `capacity ${formatQuantity(capacity, unit, locale)}`, position: 'insideTopRight', fontSize: 12, fill: '#b91c1c' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
