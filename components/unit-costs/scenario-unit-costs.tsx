// The scenario page's unit costs: what a user and a million requests would cost under the scenario (its most
// likely monthly cost over its own users and requests) beside what they cost in the latest complete month.
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { Card } from '@/components/ui/card';
import { addIsoDays, isoDay } from '@/lib/dates';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';
import { likelyDriverPoint } from '@/lib/planning/point';
import { getUnitCosts } from '@/lib/queries/get-unit-costs';
import { listBusinessMetrics } from '@/lib/queries/list-business-metrics';
import { evaluateScenarioRecord } from '@/lib/scenarios/evaluate-stored-scenario';
import type { TScenario } from '@/lib/scenarios/scenario-schema';

const DAYS_PER_MONTH = 30.44;

export function ScenarioUnitCostsSection({ scenario }: { scenario: TScenario }) {
  return (
    <Suspense fallback={null}>
      <ScenarioUnitCosts scenario={scenario} />
    </Suspense>
  );
}

/** Today's unit cost of the first metric counting this unit, from its latest complete month. */
async function today(unit: 'user' | 'request', currency: string): Promise<{ value: number; month: string } | null> {
  const metric = (await listBusinessMetrics()).find((m) => m.unit === unit && m.points > 0);
  if (!metric) return null;
  const to = addIsoDays(isoDay(new Date()), 1);
  const result = await getUnitCosts({ metric: metric.name, from: `${addIsoDays(to, -100).slice(0, 7)}-01`, to, granularity: 'month', currency });
  const complete = result.rows.filter((r) => r.unitCost !== null && r.daysWithValue === r.days).at(-1);
  if (!complete) return null;
  // shown per user and per million requests whatever the metric's own `per`
  return { value: (Number(complete.unitCost) / result.metric.per) * (unit === 'request' ? 1_000_000 : 1), month: complete.period.slice(0, 7) };
}

async function ScenarioUnitCosts({ scenario }: { scenario: TScenario }) {
  const [t, fmt] = await Promise.all([getTranslations('unitCosts'), getFormat()]);
  const currency = env().DISPLAY_CURRENCY;
  let total: number;
  try {
    const e = await evaluateScenarioRecord(scenario, { now: new Date(), samples: 1, currency });
    total = Number(e.deterministic.total);
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
  const drivers = likelyDriverPoint(scenario.drivers);
  const [users, requests] = await Promise.all([today('user', currency), today('request', currency)]);
  const rows = [
    { id: 'user', label: t('planPerUser'), plan: drivers.registeredUsers > 0 ? total / drivers.registeredUsers : null, today: users },
    { id: 'request', label: t('planPerMillionRequests'), plan: drivers.requestsPerDay > 0 ? (total / (drivers.requestsPerDay * DAYS_PER_MONTH)) * 1_000_000 : null, today: requests },
  ];
  const money = (v: number) => fmt.unitPrice(v.toFixed(4), { currency });
  return (
    <Card title={t('planTitle')} subtitle={t('planSubtitle', { total: fmt.money(total, { currency }) })} className="mt-6">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[360px] text-sm" data-testid="scenario-unit-costs">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th className="py-1.5 pr-3 font-medium" />
              <th className="py-1.5 pr-3 text-right font-medium">{t('planColumn', { name: scenario.name })}</th>
              <th className="py-1.5 text-right font-medium">{t('todayColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100" data-unit={r.id}>
                <td className="py-1.5 pr-3">{r.label}</td>
                <td className="tabular py-1.5 pr-3 text-right font-medium">{r.plan === null ? '–' : money(r.plan)}</td>
                <td className="tabular py-1.5 text-right">
                  {r.today === null ? t('todayMissing') : money(r.today.value)}
                  {r.today && <div className="text-xs text-slate-500">{fmt.monthLong(r.today.month)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
