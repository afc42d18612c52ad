'use client';

// Capacity month by month (pods, nodes, Redis nodes as steps; Atlas tier as labels), with the
// months where something must be added marked, and the list of those steps.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TMonthResult } from '@/lib/planning/evaluate';
import { monthLabel } from './format';

const SERIES = [
  { key: 'pods', label: 'Pods', color: '#3b82f6' },
  { key: 'nodes', label: 'Nodes', color: '#0ea5e9' },
  { key: 'redisNodes', label: 'Redis nodes', color: '#ef4444' },
  { key: 'atlasNodes', label: 'Atlas nodes', color: '#2f7d62' },
] as const;

export function CapacityChart({ months, locale }: { months: TMonthResult[]; locale: string }) {
  const rows = months.map((m) => ({ month: m.month, pods: m.capacity.pods, nodes: m.capacity.nodes, redisNodes: m.capacity.redisNodes, atlasNodes: m.capacity.atlasNodes, tier: m.capacity.atlasTier }));
  const stepUps = months.filter((m) => m.stepUp);
  return (
    <div data-testid="capacity-steps">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="month" tickFormatter={(v: string) => monthLabel(v, locale)} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
            <Tooltip labelFormatter={(l) => `${monthLabel(String(l), locale)} · Atlas ${rows.find((r) => r.month === l)?.tier ?? ''}`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {stepUps.map((m) => (
              <ReferenceLine key={m.month} x={m.month} stroke="#f59e0b" strokeDasharray="3 3" label={{ value: '▲', position: 'top', fill: '#b45309', fontSize: 11 }} />
            ))}
            {SERIES.map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.label} type="stepAfter" stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {stepUps.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No step-up over the timeline: today’s capacity carries the whole plan.</p>
      ) : (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Step-up months">
          {stepUps.map((m) => (
            <li key={m.month} className="flex gap-3">
              <span className="w-16 shrink-0 font-medium text-amber-700">{monthLabel(m.month, locale)}</span>
              <span className="text-xs uppercase text-slate-400">{m.phase}</span>
              <span className="text-slate-700">{m.steps.join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
