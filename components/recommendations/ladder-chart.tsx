'use client';

// The growth-aware commitment drawn over the usage it is meant to cover: the projected hourly usage
// (P10–P90 band, P50 dashed) month by month, the ladder's committed level as a staircase, each step a
// tranche bought that month, and AWS's own recommendation (from its last days, flat) beside it.
import { useTranslations } from 'next-intl';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import { niceTicks } from '@/lib/utilisation/nice-ticks';
import { ladderCeiling, ladderRows, type TBandMonth } from './ladder';

const COMMITTED = '#24654f';
const BAND = '#3b82f6';
const PROVIDER = '#f59e0b';
const CONSERVATIVE = '#64748b';

export function LadderChart(props: {
  band: TBandMonth[];
  measure: 'spend' | 'count';
  currency: string;
  providerLevel: number | null;
  conservativeLevel?: number | null;
  testId?: string;
}) {
  const t = useTranslations('recommendationsPage.planner');
  const fmt = useFormat();
  const rows = ladderRows(props.band);
  const { ticks, top } = niceTicks(ladderCeiling(props.band, [props.providerLevel, props.conservativeLevel]) * 1.05, 'count');
  const level = (v: number) => (props.measure === 'spend' ? t('perHour', { amount: fmt.money(v, { currency: props.currency, digits: v < 10 ? 2 : 0 }) }) : t('units', { count: Math.round(v * 100) / 100 }));
  const axis = (v: number) => (props.measure === 'spend' ? fmt.moneyCompact(v, { currency: props.currency }) : fmt.number(v));
  return (
    <div className="h-80 w-full min-w-0" data-testid={props.testId ?? 'ladder-chart'}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(v: string) => fmt.month(v)} tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis domain={[0, top]} ticks={ticks} tickFormatter={axis} tick={{ fontSize: 11 }} width={60} />
          <Tooltip
            labelFormatter={(label) => fmt.monthLong(String(label))}
            formatter={(value, name) => (Array.isArray(value) ? [`${level(Number(value[0]))} – ${level(Number(value[1]))}`, name] : [level(Number(value)), name])}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area dataKey="band" name={t('legendBand')} stroke="none" fill={BAND} fillOpacity={0.15} isAnimationActive={false} />
          <Line dataKey="p50" name={t('legendMedian')} stroke={BAND} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          <Line dataKey="committed" name={t('legendLadder')} type="stepAfter" stroke={COMMITTED} strokeWidth={2.5} dot={false} isAnimationActive={false} />
          {props.providerLevel !== null && (
            <ReferenceLine
              y={props.providerLevel}
              stroke={PROVIDER}
              strokeWidth={2}
              strokeDasharray="8 4"
              ifOverflow="extendDomain"
              label={{ value: t('providerLine', { level: level(props.providerLevel) }), position: 'insideTopLeft', fontSize: 11, fill: '#b45309' }}
            />
          )}
          {props.conservativeLevel != null && props.conservativeLevel > 0 && (
            <ReferenceLine
              y={props.conservativeLevel}
              stroke={CONSERVATIVE}
              strokeDasharray="2 3"
              ifOverflow="extendDomain"
              label={{ value: t('conservativeLine'), position: 'insideBottomRight', fontSize: 11, fill: '#475569' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
