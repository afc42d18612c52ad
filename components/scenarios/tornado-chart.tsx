'use client';

// Tornado: the steady-state total with one input at its low and at its high (all others at their
// most likely values), for the inputs that move it most.
import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import type { TTornadoBar } from '@/lib/planning/evaluate';
import { useScenarioLabels } from './labels';

export function TornadoChart(props: { bars: TTornadoBar[]; base: number; currency: string; top?: number }) {
  const t = useTranslations('scenarios.chart');
  const fmt = useFormat();
  const labels = useScenarioLabels();
  const bars = props.bars.filter((b) => Number(b.swing) > 0).slice(0, props.top ?? 10);
  if (bars.length === 0) return <p className="text-sm text-slate-500">{t('tornadoEmpty')}</p>;
  const money = (v: string | number) => fmt.money(v, { currency: props.currency });
  const rows = bars.map((b) => {
    const l = labels.input(b.input);
    // shares (active users, index overhead, hit ratios) read as percentages
    const q = (v: number) => (b.unit.startsWith('share') ? fmt.share(v, 1) : `${fmt.number(v)} ${l.unit}`.trim());
    return {
      label: l.label,
      range: [Math.min(Number(b.low), Number(b.high)), Math.max(Number(b.low), Number(b.high))] as [number, number],
      detail: t('tornadoTooltip', { low: q(b.inputLow), lowTotal: money(b.low), high: q(b.inputHigh), highTotal: money(b.high) }),
    };
  });
  // recharts' dataMin/dataMax do not see range bars' far ends: the domain is computed here
  const lo = Math.min(props.base, ...rows.map((r) => r.range[0]));
  const hi = Math.max(props.base, ...rows.map((r) => r.range[1]));
  const pad = (hi - lo) * 0.05 || 1;
  return (
    <div data-testid="tornado">
      {/* on a phone the labels take a line of their own above the bars: a 210 px axis would leave none */}
      <ul className="space-y-2 sm:hidden" aria-hidden>
        {rows.map((r) => {
          const left = ((r.range[0] - (lo - pad)) / (hi - lo + 2 * pad)) * 100;
          const width = Math.max(1, ((r.range[1] - r.range[0]) / (hi - lo + 2 * pad)) * 100);
          const base = ((props.base - (lo - pad)) / (hi - lo + 2 * pad)) * 100;
          return (
            <li key={r.label} className="text-xs">
              <div className="truncate text-slate-700" title={r.label}>{r.label}</div>
              <div className="relative mt-0.5 h-3 rounded bg-slate-100">
                <div className="absolute inset-y-0 rounded bg-[#2f7d62]" style={{ left: `${left}%`, width: `${width}%` }} />
                <div className="absolute inset-y-[-2px] w-px bg-slate-900" style={{ left: `${base}%` }} />
              </div>
              <div className="text-[11px] text-slate-500">{r.detail}</div>
            </li>
          );
        })}
      </ul>
      <div className="hidden w-full min-w-0 sm:block" style={{ height: 40 + rows.length * 30 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" domain={[Math.max(0, lo - pad), hi + pad]} tickFormatter={(v: number) => fmt.moneyCompact(v, { currency: props.currency })} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="label" width={230} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(_v, _n, item) => [(item.payload as { detail: string }).detail, t('tornadoTooltipName')]} />
            <ReferenceLine x={props.base} stroke="#0f172a" />
            <Bar dataKey="range" fill="#2f7d62" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
