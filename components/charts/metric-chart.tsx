'use client';

// One metric over time: the average as a line, the min–max spread as a band, and the capacity as a
// dashed line the y axis always reaches. The y axis stops at round values (nice-ticks.ts); times
// are the organisation's, the zone named in the tooltip.
import { useTranslations } from 'next-intl';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import { quantity } from '@/components/utilisation/metric-words';
import { formatTick, niceTicks } from '@/lib/utilisation/nice-ticks';

export type TMetricChartPoint = { t: string; avg: number; max: number; min: number };

export function MetricChart(props: { points: TMetricChartPoint[]; unit: string; capacity: number | null; step: 'hour' | 'day'; testId?: string }) {
  const { unit, capacity } = props;
  const fmt = useFormat();
  const t = useTranslations('utilisation');
  const data = props.points.map((p) => ({ t: Date.parse(p.t), avg: p.avg, range: [p.min, p.max] as [number, number] }));
  const top = Math.max(capacity ?? 0, ...props.points.map((p) => p.max));
  // 5 % above the highest value or the capacity, so the capacity line and its label are not on the
  // frame; shares that stay within 100 % stop there (a hit ratio's axis never reads 125 %)
  const ceiling = unit === 'ratio' ? 1 : unit === 'percent' ? 100 : Infinity;
  const { ticks, top: domainTop, bytePower } = niceTicks(top <= ceiling ? Math.min(top * 1.05, ceiling) : top * 1.05, unit);
  const day = new Intl.DateTimeFormat(fmt.locale, { day: 'numeric', month: 'short', timeZone: fmt.timeZone });
  // a daily point is a UTC day: its label is the day, not a time in the organisation's zone
  const moment = (ms: number) => (props.step === 'hour' ? fmt.dateTime(ms) : fmt.day(new Date(ms).toISOString()));
  const q = (v: number) => quantity(t, fmt, v, unit);
  const value = (v: unknown) => (Array.isArray(v) ? `${q(Number(v[0]))} – ${q(Number(v[1]))}` : q(Number(v)));
  return (
    <div className="h-64 w-full min-w-0" data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(ms: number) => day.format(ms)}
            tick={{ fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis
            domain={[0, domainTop]}
            ticks={ticks}
            interval={0}
            allowDecimals
            tickFormatter={(v: number) => formatTick(fmt, v, unit, bytePower)}
            tick={{ fontSize: 12 }}
            width={72}
          />
          <Tooltip labelFormatter={(ms) => moment(Number(ms))} formatter={(v, name) => [value(v), name]} />
          <Area dataKey="range" name={t('chartRange')} stroke="none" fill="#2f7d62" fillOpacity={0.15} isAnimationActive={false} />
          <Line dataKey="avg" name={t('chartAverage')} stroke="#2f7d62" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          {capacity !== null && (
            <ReferenceLine
              y={capacity}
              stroke="#dc2626"
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: t('capacity', { value: q(capacity) }), position: 'insideTopRight', fontSize: 12, fill: '#b91c1c' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
