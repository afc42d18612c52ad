'use client';

// A monitor's daily spend with the band it was expected in, the anomaly's days shaded and each anomalous day
// marked: what detection saw, drawn from the same baseline.
import { useTranslations } from 'next-intl';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import type { TAnomalySeriesDay } from '@/lib/queries/get-anomaly-series';

export function AnomalyChart(props: { id: string; days: TAnomalySeriesDay[]; currency: string; highlight?: { from: string; to: string } }) {
  const fmt = useFormat();
  const t = useTranslations('anomalies');
  const data = props.days.map((d) => ({
    day: d.day,
    actual: d.actual,
    expected: d.expected,
    band: d.lower === null || d.upper === null ? null : ([d.lower, d.upper] as [number, number]),
    flagged: d.anomalous ? d.actual : null,
  }));
  const money = (v: number) => fmt.money(v, { currency: props.currency });
  return (
    <div className="h-72 w-full min-w-0" data-testid="anomaly-chart" key={props.id}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 12, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={(d: string) => fmt.dayShort(d)} tick={{ fontSize: 12 }} minTickGap={28} />
          <YAxis tickFormatter={(v: number) => fmt.moneyCompact(v, { currency: props.currency })} tick={{ fontSize: 12 }} width={64} />
          <Tooltip
            labelFormatter={(d) => fmt.day(String(d))}
            formatter={(v, name) => [Array.isArray(v) ? `${money(Number(v[0]))} – ${money(Number(v[1]))}` : money(Number(v)), name]}
          />
          {props.highlight && <ReferenceArea x1={props.highlight.from} x2={props.highlight.to} fill="#fde68a" fillOpacity={0.45} ifOverflow="extendDomain" />}
          <Area dataKey="band" name={t('chartBand')} stroke="none" fill="#64748b" fillOpacity={0.18} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="expected" name={t('chartExpected')} stroke="#64748b" strokeDasharray="4 3" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <Line dataKey="actual" name={t('chartActual')} stroke="#2f7d62" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Scatter data={data.filter((d) => d.flagged !== null)} dataKey="flagged" name={t('chartAnomalous')} fill="#dc2626" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
