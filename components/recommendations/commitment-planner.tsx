'use client';

// The commitment planner: pick an instrument, a term, a payment option and a lookback; see the
// growth-aware ladder drawn over the projected usage band (P10–P90, P50), AWS's own level beside it,
// the one-purchase optimum and the conservative level, each tranche with its break-even, and one
// sentence on why AWS's level differs. Parameters live in the URL.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { Card } from '@/components/ui/card';
import { LOOKBACK_DAYS, PAYMENT_OPTIONS, type TCommitmentPlanResult } from '@/lib/api/schemas/recommendations';
import { isoDay } from '@/lib/dates';
import { fetchPlan, keys, queryString, type TPlanParams } from './api';
import { CommitmentFigures, useAmount } from './commitment-numbers';
import { LadderChart } from './ladder-chart';
import { useRecommendationMessage, useRecommendationWords } from './words';

const SELECT = 'w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';
const TERMS = ['1y', '3y'] as const;

export function CommitmentPlanner(props: { initialParams: TPlanParams; initial?: TCommitmentPlanResult }) {
  const t = useTranslations('recommendationsPage.planner');
  const fmt = useFormat();
  const words = useRecommendationWords();
  const message = useRecommendationMessage();
  const [params, setParams] = useState<TPlanParams>(props.initialParams);
  const initialKey = queryString(props.initialParams);
  const query = useQuery({
    queryKey: keys.plan(params),
    queryFn: () => fetchPlan(params),
    initialData: props.initial && queryString(params) === initialKey ? props.initial : undefined,
    placeholderData: keepPreviousData,
  });
  const result = query.data;
  const instruments = result?.instruments ?? [];
  const instrument = instruments.find((i) => i.instrument === params.instrument);
  const terms = instrument ? TERMS.filter((term) => instrument.terms.some((x) => x.term === term)) : TERMS;
  const payments = instrument ? PAYMENT_OPTIONS.filter((p) => instrument.terms.some((x) => x.term === params.term && x.payment === p)) : PAYMENT_OPTIONS;
  const ids = { instrument: useId(), term: useId(), payment: useId(), lookback: useId(), asOf: useId() };
  const change = (patch: Partial<TPlanParams>) => {
    const next = { ...params, ...patch };
    // a term or payment the instrument does not sell falls back to the first it does
    const chosen = instruments.find((i) => i.instrument === next.instrument);
    if (chosen && chosen.terms.length > 0) {
      if (!chosen.terms.some((x) => x.term === next.term)) next.term = chosen.terms[0].term;
      if (!chosen.terms.some((x) => x.term === next.term && x.payment === next.payment)) next.payment = chosen.terms.find((x) => x.term === next.term)!.payment;
    }
    setParams(next);
  };
  // the choice in the address, so a reload or a shared link shows the same plan
  useEffect(() => {
    window.history.replaceState(null, '', `/recommendations/commitments?${queryString(params)}`);
  }, [params]);

  return (
    <div className="space-y-6">
      <Card>
        <form className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()} data-testid="planner-form">
          <div>
            <label htmlFor={ids.instrument} className="mb-1 block text-xs font-medium text-slate-600">{t('instrument')}</label>
            <select id={ids.instrument} name="instrument" value={params.instrument} onChange={(e) => change({ instrument: e.target.value })} className={SELECT}>
              {(instruments.length ? instruments.map((i) => i.instrument) : [params.instrument]).map((id) => {
                const option = instruments.find((i) => i.instrument === id);
                return <option key={id} value={id}>{option && !option.hasUsage ? t('instrumentNoUsage', { name: words.instrument(id) }) : words.instrument(id)}</option>;
              })}
            </select>
          </div>
          <div>
            <label htmlFor={ids.term} className="mb-1 block text-xs font-medium text-slate-600">{t('term')}</label>
            <select id={ids.term} name="term" value={params.term} onChange={(e) => change({ term: e.target.value })} className={SELECT}>
              {terms.map((term) => <option key={term} value={term}>{t('termMonths', { months: term === '3y' ? 36 : 12 })}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={ids.payment} className="mb-1 block text-xs font-medium text-slate-600">{t('payment')}</label>
            <select id={ids.payment} name="payment" value={params.payment} onChange={(e) => change({ payment: e.target.value })} className={SELECT}>
              {payments.map((p) => <option key={p} value={p}>{words.payment(p)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={ids.lookback} className="mb-1 block text-xs font-medium text-slate-600">{t('lookback')}</label>
            <select id={ids.lookback} name="lookbackDays" value={params.lookbackDays} onChange={(e) => change({ lookbackDays: Number(e.target.value) })} className={SELECT}>
              {LOOKBACK_DAYS.map((d) => <option key={d} value={d}>{t('lookbackDays', { days: d })}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={ids.asOf} className="mb-1 block text-xs font-medium text-slate-600">{t('asOf')}</label>
            <input
              id={ids.asOf}
              name="asOf"
              type="date"
              value={params.asOf ?? ''}
              max={isoDay(new Date())}
              onChange={(e) => change({ asOf: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && e.target.value < isoDay(new Date()) ? e.target.value : undefined })}
              className={SELECT}
              title={t('asOfHelp')}
            />
          </div>
        </form>
        {result && (
          <p className="mt-3 text-xs text-slate-500" data-testid="planner-basis">
            {params.asOf && <span className="mr-1 rounded bg-sky-100 px-1.5 py-0.5 font-medium text-sky-800" data-testid="replay-badge">{t('replay', { day: fmt.day(params.asOf) })}</span>}
            {result.scenario ? t('basis', { scenario: result.scenario.name, version: result.scenario.version, at: fmt.dateTime(result.asOf) }) : t('basisNoPlan', { at: fmt.dateTime(result.asOf) })}
            {' · '}
            {t('completeness', { days: result.lookbackDays, share: fmt.share(result.completeness) })}
            {' · '}
            {result.baselineHourlyShare > 0 ? t('hourlyShape', { share: fmt.share(result.baselineHourlyShare) }) : t('dailySpread')}
            {instrument && <> · {t('scopeIs', { scope: words.scope(result.scopeMessage, result.scope) })}</>}
          </p>
        )}
      </Card>
      {query.isError ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{t('loadFailed', { message: query.error instanceof Error ? query.error.message : '' })}</p>
      ) : !result ? (
        <Card><p className="py-8 text-center text-sm text-slate-500">{t('loading')}</p></Card>
      ) : !result.plan ? (
        <PlannerEmpty result={result} />
      ) : (
        <PlanView result={result} plan={result.plan} loading={query.isFetching} message={message} />
      )}
    </div>
  );
}

function PlannerEmpty({ result }: { result: TCommitmentPlanResult }) {
  const t = useTranslations('recommendationsPage.planner');
  const words = useRecommendationWords();
  const known = ['baseline', 'projection', 'terms', 'unitPrice', 'planOfRecord'] as const;
  return (
    <Card>
      <div className="py-6 text-sm text-slate-700" data-testid="planner-empty">
        <p className="font-medium">{t('emptyTitle', { instrument: words.instrument(result.instrument) })}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {result.missing.map((m) => (
            <li key={m}>
              {m === 'baseline' ? t('missing.baseline', { days: result.lookbackDays }) : (known as readonly string[]).includes(m) ? t(`missing.${m as Exclude<(typeof known)[number], 'baseline'>}`) : t('missing.other', { what: m })}
              {m === 'planOfRecord' || m === 'projection' ? (
                <> <Link href="/scenarios" className="font-medium text-brand-600 hover:underline">{t('toScenarios')}</Link></>
              ) : m === 'terms' || m === 'unitPrice' ? (
                <> <Link href="/scenarios/prices" className="font-medium text-brand-600 hover:underline">{t('toPrices')}</Link></>
              ) : m === 'baseline' ? (
                <> <Link href="/settings/connections" className="font-medium text-brand-600 hover:underline">{t('toConnections')}</Link></>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

type TPlan = NonNullable<TCommitmentPlanResult['plan']>;

function PlanView({ result, plan, loading, message }: { result: TCommitmentPlanResult; plan: TPlan; loading: boolean; message: ReturnType<typeof useRecommendationMessage> }) {
  const t = useTranslations('recommendationsPage.planner');
  const fmt = useFormat();
  const words = useRecommendationWords();
  const amount = useAmount(result.currency);
  const money = (v: string) => fmt.money(v, { currency: result.currency });
  const first = plan.tranches[0];
  // levels in the table: money per hour of on-demand usage covered, or a count of instances or nodes
  const level = (v: number) =>
    plan.measure === 'spend' ? t('perHour', { amount: fmt.money(v, { currency: result.currency, digits: 2 }) }) : t('units', { count: Math.round(v * 100) / 100 });
  // levels go into the sentence formatted; shares stay numbers for the message's percent format
  const sentence = message(
    {
      key: plan.differenceReason,
      params: {
        providerLevel: plan.providerLevel === null ? null : level(plan.providerLevel),
        lookbackDays: plan.providerLookbackDays,
        topLevel: level(plan.topLevel),
        discount: plan.discount,
        usedShare: 1 - plan.discount,
      },
    },
    t('differenceFallback'),
    result.currency,
  );
  const options = [
    { id: 'ladder', label: t('optionLadder'), start: first?.level ?? 0, top: plan.topLevel, savings: plan.expectedMonthlySavings, breakEven: plan.breakEvenMonths },
    { id: 'optimal', label: t('optionOptimal'), start: plan.optimal.level, top: plan.optimal.level, savings: plan.optimal.expectedMonthlySavings, breakEven: plan.optimal.breakEvenMonths },
    { id: 'conservative', label: t('optionConservative'), start: plan.conservative.level, top: plan.conservative.level, savings: plan.conservative.expectedMonthlySavings, breakEven: plan.conservative.breakEvenMonths },
  ];
  const months = (m: number | null) => (m === null ? t('never') : m === 0 ? t('immediately') : t('months', { months: Math.round(m * 10) / 10 }));
  return (
    <div className={`space-y-6 ${loading ? 'opacity-70' : ''}`} aria-busy={loading} data-testid="planner-result" data-tranches={plan.tranches.length}>
      <Card title={t('chartTitle')} subtitle={plan.measure === 'spend' ? t('chartSubtitleSpend', { currency: result.currency }) : t('chartSubtitleCount')}>
        <LadderChart band={plan.usageBand} measure={plan.measure} currency={result.currency} providerLevel={plan.providerLevel} conservativeLevel={plan.conservativeLevel} testId="planner-ladder" />
        <p className="mt-3 text-sm text-slate-700" data-testid="difference-sentence">{sentence}</p>
        <p className="mt-1 text-xs text-slate-500" data-testid="discount-line">
          {t('discount', { discount: fmt.share(plan.discount, 1), source: words.discountSource(plan.discountSourceMessage, plan.discountSource) })}
          {plan.discountEstimate && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800" title={t('estimateHelp')}>{t('estimate')}</span>}
          {plan.calibrationRatio !== 1 && <> · {t('calibration', { ratio: fmt.number(plan.calibrationRatio, 2) })}</>}
        </p>
      </Card>
      <div className="space-y-6">
        <Card title={t('compareTitle')}>
          <div className="-mx-4 overflow-x-auto sm:-mx-5">
            <table className="w-full min-w-[30rem] text-sm" data-testid="planner-options">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-1.5 sm:pl-5">{t('option')}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t('levelNow')}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t('levelTop')}</th>
                  <th scope="col" className="px-2 py-1.5 text-right">{t('savingsExpected')}</th>
                  <th scope="col" className="px-4 py-1.5 text-right sm:pr-5">{t('breakEven')}</th>
                </tr>
              </thead>
              <tbody>
                {options.map((o) => (
                  <tr key={o.id} className="border-t border-slate-100">
                    <th scope="row" className="px-4 py-1.5 text-left font-medium sm:pl-5">{o.label}</th>
                    <td className="tabular whitespace-nowrap px-2 text-right">{level(o.start)}</td>
                    <td className="tabular whitespace-nowrap px-2 text-right">{level(o.top)}</td>
                    <td className="tabular whitespace-nowrap px-2 text-right">{money(o.savings)}</td>
                    <td className="tabular whitespace-nowrap px-4 text-right sm:pr-5">{months(o.breakEven)}</td>
                  </tr>
                ))}
                <tr className="border-t border-slate-100" data-testid="provider-option">
                  <th scope="row" className="px-4 py-1.5 text-left font-medium sm:pl-5">{t('optionProvider')}</th>
                  <td className="tabular whitespace-nowrap px-2 text-right" colSpan={2}>
                    {plan.providerLevel === null ? t('providerNone') : `${level(plan.providerLevel)} · ${t('providerLookback', { days: plan.providerLookbackDays ?? 0 })}`}
                  </td>
                  <td className="px-2 text-right text-slate-400">—</td>
                  <td className="px-4 text-right text-slate-400 sm:pr-5">—</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-xs text-slate-500">{t('baseline', { p10: level(plan.baseline.p10PerHour), p50: level(plan.baseline.p50PerHour), p90: level(plan.baseline.p90PerHour), hours: plan.baseline.hours })}</p>
          {first && <p className="mt-1 text-xs text-slate-500">{t('buyNowIs', { amount: amount(first.amount, plan.amountUnit) })}</p>}
          <p className="mt-1 text-xs text-slate-500">{t('levelsNote')}</p>
        </Card>
        <Card title={t('ladderTitle')}>
          <CommitmentFigures figures={plan} currency={result.currency} amountUnit={plan.amountUnit} />
        </Card>
      </div>
    </div>
  );
}
