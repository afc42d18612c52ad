import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BudgetChart } from '@/components/budgets/budget-chart';
import { BudgetForm, DeleteBudgetButton, type TBudgetFormValue } from '@/components/budgets/budget-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { knownProviders } from '@/lib/budgets/save-budget';
import { env } from '@/lib/env';
import { getFormat } from '@/lib/i18n/server';
import { listBudgets, type TBudgetDetail } from '@/lib/queries/list-budgets';
import { listScenarios } from '@/lib/queries/list-scenarios';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('budgets');
  return { title: t('title') };
}
export const dynamic = 'force-dynamic';

function formValue(b: TBudgetDetail): TBudgetFormValue {
  return {
    id: b.id,
    name: b.name,
    provider: b.scope.provider ?? '',
    period: b.period,
    kind: b.auto ? 'auto' : b.fromScenarioId ? 'scenario' : 'fixed',
    amount: b.amount ?? '',
    autoPeriods: String(b.auto?.periods ?? 3),
    scenarioId: b.fromScenarioId ?? '',
    thresholds: b.thresholds.map((t) => ({ on: t.on, value: String(t.percent ?? t.amount ?? ''), unit: t.percent !== undefined ? 'percent' : 'amount' })),
  };
}

function Bar(props: { label: string; value: string; percent: number | null; tone: 'actual' | 'forecast'; testId: string }) {
  const width = Math.max(0, Math.min(100, props.percent ?? 0));
  const over = (props.percent ?? 0) >= 100;
  const colour = over ? 'bg-red-500' : props.tone === 'actual' ? 'bg-teal-600' : 'bg-indigo-400';
  return (
    <div data-testid={props.testId}>
      <div className="flex justify-between gap-2 text-xs text-slate-600">
        <span>{props.label}</span>
        <span className="tabular">{props.value}</span>
      </div>
      <div className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={props.label} aria-valuenow={Math.round(props.percent ?? 0)} aria-valuemin={0} aria-valuemax={100}>
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}

export default async function BudgetsPage() {
  const actor = await getPageActor();
  const canEdit = hasRole(actor.role, 'editor');
  const [t, fmt] = await Promise.all([getTranslations('budgets'), getFormat()]);
  const { ORG_TIMEZONE, DISPLAY_CURRENCY } = env();
  const [budgets, providers, scenarios] = await Promise.all([
    listBudgets({ now: new Date(), timeZone: ORG_TIMEZONE }),
    canEdit ? knownProviders() : Promise.resolve(new Set<string>()),
    canEdit ? listScenarios() : Promise.resolve([]),
  ]);
  const formProps = {
    providers: [...providers].sort(),
    scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, planOfRecord: s.planOfRecord })),
    currency: DISPLAY_CURRENCY,
  };
  const periodLabel = (b: TBudgetDetail) =>
    b.period === 'month' ? fmt.monthLong(`${b.current.period}-01`) : b.period === 'quarter' ? t('quarter', { key: b.current.period }) : b.current.period;
  const scopeText = (b: TBudgetDetail) => {
    const parts = [b.scope.provider, b.scope.service, b.scope.region, b.scope.account, b.scope.tag ? `${b.scope.tag.key}=${b.scope.tag.value}` : undefined].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('allSpend');
  };
  const amountKind = (b: TBudgetDetail) =>
    b.auto ? t('kindAuto', { periods: b.auto.periods }) : b.fromScenarioId ? t('kindScenario') : b.amounts ? t('kindPlanned') : t('kindFixed');
  const money = (v: string | null, currency: string) => (v === null ? '—' : fmt.money(v, { currency }));
  const inAlarm = budgets.filter((b) => b.current.state === 'alarm').length;

  return (
    <>
      <PageHeader title={t('title')} subtitle={budgets.length ? t('subtitle', { count: budgets.length, alarm: inAlarm }) : undefined}>
        {canEdit && <BudgetForm {...formProps} />}
      </PageHeader>
      {budgets.length === 0 && (
        <Card>
          <div className="py-10 text-center" data-testid="budgets-empty">
            <h2 className="text-lg font-semibold">{t('emptyTitle')}</h2>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">{canEdit ? t('emptyEditor') : t('emptyViewer')}</p>
          </div>
        </Card>
      )}
      <div className="grid gap-6">
        {budgets.map((b) => {
          const c = b.current;
          const amount = c.amount === null ? null : Number(c.amount);
          return (
            <section key={b.id} data-testid="budget-card" data-budget={b.name} data-state={c.state} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
              <header className="mb-3 flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
                <div className="min-w-0">
                  <h2 className="text-base font-semibold text-slate-900">
                    {b.name}{' '}
                    <span className={`ml-1 rounded-full px-2 py-0.5 align-middle text-xs font-medium ${c.state === 'alarm' ? 'bg-red-100 text-red-800' : 'bg-emerald-100 text-emerald-800'}`} data-testid="budget-state">
                      {c.state === 'alarm' ? t('stateAlarm') : t('stateOk')}
                    </span>
                  </h2>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {t('cardSubtitle', { scope: scopeText(b), period: periodLabel(b), kind: amountKind(b) })}
                  </p>
                </div>
                {canEdit && (
                  <div className="flex flex-wrap items-center gap-3">
                    <BudgetForm {...formProps} initial={formValue(b)} />
                    <DeleteBudgetButton id={b.id} name={b.name} />
                  </div>
                )}
              </header>
              <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
                <div className="min-w-0 space-y-3">
                  <div>
                    <div className="text-sm text-slate-500">{t('amount')}</div>
                    <div className="tabular text-2xl font-semibold" data-testid="budget-amount">{money(c.amount, b.currency)}</div>
                    {c.amount === null && <p className="text-xs text-amber-700">{t('noAmount', { missing: c.amountBasis.missing.join(', ') })}</p>}
                  </div>
                  <Bar testId="budget-actual" tone="actual" label={t('actual')} value={c.percentActual === null ? money(c.actual, b.currency) : t('ofAmount', { value: money(c.actual, b.currency), percent: fmt.share(c.percentActual / 100) })} percent={c.percentActual} />
                  <Bar testId="budget-forecast" tone="forecast" label={t('forecast')} value={c.forecast === null ? '—' : c.percentForecast === null ? money(c.forecast, b.currency) : t('ofAmount', { value: money(c.forecast, b.currency), percent: fmt.share(c.percentForecast / 100) })} percent={c.percentForecast} />
                  {c.forecastLower !== null && c.forecastUpper !== null && c.forecast !== c.actual && (
                    <p className="text-xs text-slate-500">{t('forecastRange', { lower: money(c.forecastLower, b.currency), upper: money(c.forecastUpper, b.currency) })}</p>
                  )}
                  <ul className="space-y-1 text-sm" aria-label={t('thresholds')}>
                    {c.thresholds.map((th) => (
                      <li key={th.id} className="flex flex-wrap items-center justify-between gap-2" data-testid="budget-threshold" data-state={th.state}>
                        <span>
                          {th.percent !== undefined
                            ? t(th.on === 'actual' ? 'thresholdActualPercent' : 'thresholdForecastPercent', { percent: fmt.number(th.percent) })
                            : t(th.on === 'actual' ? 'thresholdActualAmount' : 'thresholdForecastAmount', { amount: money(th.amount ?? null, b.currency) })}
                          {th.limit !== null && th.percent !== undefined && <span className="text-slate-500"> ({money(th.limit, b.currency)})</span>}
                        </span>
                        <span className={`rounded px-1.5 text-xs font-medium ${th.state === 'alarm' ? 'bg-red-100 text-red-800' : 'bg-slate-100 text-slate-600'}`}>
                          {th.state === 'alarm' ? t('stateAlarm') : t('stateOk')}
                        </span>
                      </li>
                    ))}
                    {c.thresholds.length === 0 && <li className="text-slate-500">{t('noThresholds')}</li>}
                  </ul>
                </div>
                <div className="min-w-0">
                  <BudgetChart id={b.id} days={b.days} amount={amount} currency={b.currency} />
                  <p className="mt-1 text-xs text-slate-500">{t('chartNote', { asOf: fmt.day(c.asOf) })}</p>
                </div>
              </div>
              {b.history.length > 0 && (
                <details className="mt-4">
                  <summary className="cursor-pointer text-sm font-medium text-slate-700">{t('history')}</summary>
                  <div className="mt-2 overflow-x-auto">
                    <table className="w-full min-w-[32rem] text-sm" data-testid="budget-history">
                      <thead className="text-left text-xs text-slate-500">
                        <tr>
                          <th className="py-1 pr-3 font-medium">{t('historyPeriod')}</th>
                          <th className="py-1 pr-3 text-right font-medium">{t('amount')}</th>
                          <th className="py-1 pr-3 text-right font-medium">{t('actual')}</th>
                          <th className="py-1 pr-3 text-right font-medium">{t('historyForecast')}</th>
                          <th className="py-1 pr-3 font-medium">{t('historyState')}</th>
                          <th className="py-1 font-medium">{t('historyAlarms')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {b.history.map((h) => (
                          <tr key={h.period} className="border-t border-slate-100">
                            <td className="py-1 pr-3">{h.period}{!h.closed && <span className="text-slate-500"> · {t('historyOpen')}</span>}</td>
                            <td className="tabular py-1 pr-3 text-right">{money(h.amount, b.currency)}</td>
                            <td className="tabular py-1 pr-3 text-right">{money(h.actual, b.currency)}</td>
                            <td className="tabular py-1 pr-3 text-right">{money(h.forecast, b.currency)}</td>
                            <td className="py-1 pr-3">{h.state === 'alarm' ? t('stateAlarm') : t('stateOk')}</td>
                            <td className="py-1">{h.alarms.length ? h.alarms.map((a) => t('alarmRaised', { on: a.on, limit: money(a.limit, b.currency), when: fmt.day(a.raisedAt.slice(0, 10)) })).join(' · ') : '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
