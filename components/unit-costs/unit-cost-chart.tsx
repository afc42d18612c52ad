'use client';

// A unit cost month by month: how much one unit (a user, a million requests) cost; a month with days missing
// (the current one) is drawn dashed apart from the complete ones.
import { useTranslations } from 'next-intl';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import type { TUnitCostRow } from '@/lib/queries/get-unit-costs';

export function UnitCostChart(props: { id: string; rows: TUnitCostRow[]; currency: string }) {
  const fmt = useFormat();
  const t = useTranslations('unitCosts');
  const data = props.rows
    .filter((r) => r.unitCost !== null)
    .map((r) => ({ month: r.period.slice(0, 7), value: r.daysWithValue === r.days ? Number(r.unitCost) : null, partial: r.daysWithValue < r.days ? Number(r.unitCost) : null }));
  return (
    <div className="mt-3 h-48 w-full min-w-0" data-testid="unit-cost-chart" key={props.id}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(m: string) => fmt.month(m)} tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis tickFormatter={(v: number) => fmt.unitPrice(Number(v).toFixed(4), { currency: props.currency })} tick={{ fontSize: 11 }} width={72} />
          <Tooltip labelFormatter={(m) => fmt.monthLong(String(m))} formatter={(v, name) => [fmt.unitPrice(Number(v).toFixed(4), { currency: props.currency }), name]} />
          <Line dataKey="value" name={t('dailyUnitCost')} stroke="#2f7d62" strokeWidth={2} isAnimationActive={false} />
          <Line dataKey="partial" name={t('partialMonth')} stroke="#2f7d62" strokeDasharray="4 3" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
