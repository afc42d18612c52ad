'use client';

// Monthly cost over the timeline: stacked bars by resource class at the most likely values (the
// page's basis), the P10–P90 band of the total as a shaded area with its median, and the seed plan's
// range when it applies.
import { useTranslations } from 'next-intl';
import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import type { TMonthResult } from '@/lib/planning/evaluate';
import { niceTicks } from '@/lib/utilisation/nice-ticks';
import { RESOURCE_CLASSES, type TResourceClass } from '@/lib/planning/types';
import { classColor } from './class-colors';
import { useScenarioLabels } from './labels';

export function MonthlyCostChart(props: { months: TMonthResult[]; currency: string; plan?: { low: number; high: number } | null }) {
  const t = useTranslations('scenarios.chart');
  const fmt = useFormat();
  const labels = useScenarioLabels();
  const rows = props.months.map((m) => ({
    month: m.month,
    ...Object.fromEntries(RESOURCE_CLASSES.map((c) => [c, Number(m.classes[c])])),
    band: [Number(m.total.p10), Number(m.total.p90)] as [number, number],
    p50: Number(m.total.p50),
  }));
  const money = (v: number) => fmt.money(v, { currency: props.currency });
  // round ticks (0, 500, 1 000 … rather than 550, 1,1 k) up to the highest bar, band or plan bound
  const highest = Math.max(
    props.plan?.high ?? 0,
    ...props.months.map((m) => Math.max(Number(m.total.p90), Number(m.total.p50), RESOURCE_CLASSES.reduce((sum, c) => sum + Number(m.classes[c]), 0))),
  );
  const { ticks, top } = niceTicks(highest * 1.02, 'count');
  const nameOf = (key: string) => (key === 'band' ? t('bandLegend') : key === 'p50' ? t('medianLegend') : (RESOURCE_CLASSES as readonly string[]).includes(key) ? labels.className(key as TResourceClass) : key);
  return (
    <div className="h-96 w-full min-w-0 sm:h-80" data-testid="chart-scenario-months">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(v: string) => fmt.month(v)} tick={{ fontSize: 11 }} minTickGap={8} />
          <YAxis domain={[0, top]} ticks={ticks} tickFormatter={(v: number) => fmt.moneyCompact(v, { currency: props.currency })} tick={{ fontSize: 11 }} width={56} />
          {props.plan && (
            <ReferenceArea y1={props.plan.low} y2={props.plan.high} fill="#fde68a" fillOpacity={0.25} stroke="#f59e0b" strokeDasharray="4 4"
              label={{ value: t('planBand'), position: 'insideTopLeft', fontSize: 11, fill: '#b45309' }} />
          )}
          <Tooltip
            labelFormatter={(label) => fmt.monthLong(String(label))}
            formatter={(value, name) => {
              if (Array.isArray(value)) return [`${money(Number(value[0]))} – ${money(Number(value[1]))}`, t('bandLegend')];
              return [money(Number(value)), String(name)];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {RESOURCE_CLASSES.map((c) => (
            <Bar key={c} dataKey={c} name={nameOf(c)} stackId="classes" fill={classColor(c)} isAnimationActive={false} />
          ))}
          <Area dataKey="band" name={nameOf('band')} type="monotone" stroke="#0f172a" strokeOpacity={0.25} fill="#0f172a" fillOpacity={0.08} isAnimationActive={false} />
          <Line dataKey="p50" name={nameOf('p50')} type="monotone" stroke="#0f172a" strokeDasharray="5 3" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
