'use client';

// A unit cost day by day: how much one unit (a user, a million requests) cost each day.
import { useTranslations } from 'next-intl';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '@/components/i18n/format-provider';
import type { TUnitCostRow } from '@/lib/queries/get-unit-costs';

export function UnitCostChart(props: { id: string; rows: TUnitCostRow[]; currency: string }) {
  const fmt = useFormat();
  const t = useTranslations('unitCosts');
  const data = props.rows.filter((r) => r.unitCost !== null).map((r) => ({ day: r.period, value: Number(r.unitCost) }));
  return (
    <div className="mt-3 h-48 w-full min-w-0" data-testid="unit-cost-chart" key={props.id}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="day" tickFormatter={(d: string) => fmt.dayShort(d)} tick={{ fontSize: 12 }} minTickGap={28} />
          <YAxis tickFormatter={(v: number) => fmt.unitPrice(Number(v).toFixed(4), { currency: props.currency })} tick={{ fontSize: 11 }} width={72} />
          <Tooltip labelFormatter={(d) => fmt.day(String(d))} formatter={(v) => [fmt.unitPrice(Number(v).toFixed(4), { currency: props.currency }), t('dailyUnitCost')]} />
          <Line dataKey="value" stroke="#2f7d62" strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
