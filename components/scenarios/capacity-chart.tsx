'use client';

// Capacity month by month (pods, nodes, Redis and Atlas nodes as steps; the Atlas tier in the
// tooltip), with the months where something must be added marked, and the list of those steps.
import { useTranslations } from 'next-intl';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import type { TCapacityChange, TMonthResult } from '@/lib/planning/evaluate';
import type { TCapacity } from '@/lib/planning/types';
import { useScenarioLabels } from './labels';

const SERIES = [
  { key: 'pods', color: '#3b82f6' },
  { key: 'nodes', color: '#0ea5e9' },
  { key: 'redisNodes', color: '#ef4444' },
  { key: 'atlasNodes', color: '#2f7d62' },
] as const satisfies readonly { key: keyof TCapacity; color: string }[];

export function CapacityChart({ months }: { months: TMonthResult[] }) {
  const t = useTranslations('scenarios');
  const fmt = useFormat();
  const labels = useScenarioLabels();
  const rows = months.map((m) => ({ month: m.month, pods: m.capacity.pods, nodes: m.capacity.nodes, redisNodes: m.capacity.redisNodes, atlasNodes: m.capacity.atlasNodes, tier: m.capacity.atlasTier }));
  const stepUps = months.filter((m) => m.stepUp);
  const value = (v: number | string) => (typeof v === 'number' ? fmt.integer(v) : v);
  const change = (c: TCapacityChange) => t('chart.step', { what: labels.capacity(c.field === 'atlasTier' ? 'atlasTier' : c.field).label, from: value(c.from), to: value(c.to) });
  return (
    <div data-testid="capacity-steps">
      <div className="h-64 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="month" tickFormatter={(v: string) => fmt.month(v)} tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} tickFormatter={(v: number) => fmt.integer(v)} />
            <Tooltip labelFormatter={(l) => `${fmt.monthLong(String(l))} · ${t('chart.atlasTier', { tier: rows.find((r) => r.month === l)?.tier ?? '' })}`}
              formatter={(v, name) => [fmt.integer(Number(v)), String(name)]} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {stepUps.map((m) => (
              <ReferenceLine key={m.month} x={m.month} stroke="#f59e0b" strokeDasharray="3 3" label={{ value: '▲', position: 'top', fill: '#b45309', fontSize: 11 }} />
            ))}
            {SERIES.map((s) => (
              <Line key={s.key} dataKey={s.key} name={labels.capacity(s.key).label} type="stepAfter" stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {stepUps.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t('chart.noStepUp')}</p>
      ) : (
        <ul className="mt-3 space-y-1 text-sm" aria-label={t('chart.stepUps')}>
          {stepUps.map((m) => (
            <li key={m.month} className="flex flex-wrap gap-x-3">
              <span className="w-20 shrink-0 font-medium text-amber-700">{fmt.month(m.month)}</span>
              <span className="text-xs uppercase text-slate-400">{t(`phases.${m.phase}`)}</span>
              <span className="min-w-0 text-slate-700">{m.changes.map(change).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
