'use client';

// One recommendation with its evidence: what to do and why (the rule's sentence in the page's
// language), the chart of the numbers it used against its thresholds (or, for a commitment, the usage
// band against the ladder), its savings range, risks and lookback, and the status actions.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import { Card, PageHeader } from '@/components/ui/card';
import type { TRecommendationView } from '@/lib/api/schemas/recommendations';
import { providerColor } from '@/lib/format/palette';
import { ApiError, fetchPlan, fetchRecommendation, keys } from './api';
import { CdnOptions } from './cdn-options';
import { CommitmentNumbers } from './commitment-numbers';
import { EvidenceBars } from './evidence-bars';
import { bandOf } from './band';
import { LadderChart } from './ladder-chart';
import { StatusActions } from './status-actions';
import { StatusBadge } from './status-badge';
import { useRecommendationMessage, useRecommendationWords } from './words';

const RISK_STYLE = { low: 'bg-slate-100 text-slate-700', medium: 'bg-amber-100 text-amber-800', high: 'bg-red-100 text-red-800' } as const;

export function RecommendationDetail({ id, initial, role }: { id: string; initial?: TRecommendationView; role: string }) {
  const t = useTranslations('recommendationsPage.detail');
  const fmt = useFormat();
  const words = useRecommendationWords();
  const message = useRecommendationMessage();
  const query = useQuery({ queryKey: keys.detail(id), queryFn: () => fetchRecommendation(id), initialData: initial, retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 1 });
  const r = query.data;
  if (!r) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <>
        <div className="mb-2 text-sm">
          <Link href="/recommendations" className="text-brand-600 hover:underline">{t('back')}</Link>
        </div>
        <PageHeader title={missing ? t('notFound') : t('loadingTitle')} />
        {query.isError && !missing && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{query.error instanceof Error ? query.error.message : ''}</p>}
      </>
    );
  }
  const money = (v: string) => fmt.money(v, { currency: r.currency ?? fmt.currency, digits: 0 });
  // the kind says nothing more when it is the provider's name (MongoDB Atlas · MongoDB Atlas)
  const facts = [...new Set([words.provider(r.provider), words.kind(r.kind), r.resource.region, r.resource.account].filter(Boolean))].join(' · ');
  // details keep the rule's own currency; fxRate is one unit of it in the display currency (the engine converts the rest)
  const rate = typeof r.details.fxRate === 'number' && r.details.fxRate > 0 ? r.details.fxRate : 1;
  const extra = typeof r.details.extraMonthlyCost === 'number' && r.details.extraMonthlyCost > 0 ? r.details.extraMonthlyCost * rate : null;

  return (
    <>
      <div className="mb-2 text-sm">
        <Link href="/recommendations" className="text-brand-600 hover:underline">{t('back')}</Link>
      </div>
      <PageHeader title={words.title(r.action.type, r.resource.name)} subtitle={facts}>
        <StatusBadge status={r.status} />
      </PageHeader>
      {!r.current && (
        <p role="note" className="mb-4 rounded-lg border border-slate-200 bg-slate-50 px-4 py-2 text-sm text-slate-600">{t('notCurrent', { at: fmt.dateTime(r.lastSeenAt) })}</p>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <Card title={t('why')}>
            <p className="text-sm leading-6 text-slate-800" data-testid="recommendation-text">
              <span className="mr-2 inline-block h-2.5 w-2.5 rounded-full align-middle" style={{ background: providerColor(r.provider) }} aria-hidden />
              {message(r.message, r.text, r.currency)}
            </p>
            <p className="mt-3 text-xs text-slate-500">
              {t('lookback', { days: r.lookback.days, from: fmt.day(r.lookback.from.slice(0, 10)), to: fmt.day(r.lookback.to.slice(0, 10)), completeness: fmt.share(r.lookback.completeness) })}
              {' · '}
              {t('rule', { rule: words.rule(r.ruleId), version: r.ruleVersion })}
            </p>
          </Card>
          {r.commitment ? (
            <Card title={t('chartLadder')} subtitle={t('chartLadderHelp')}>
              <CommitmentEvidence recommendation={r} commitment={r.commitment} />
            </Card>
          ) : (
            <Card title={t('chartEvidence')} subtitle={t('chartEvidenceHelp')}>
              <EvidenceBars evidence={r.evidence} />
            </Card>
          )}
          {r.commitment && (
            <Card title={t('commitmentTitle')} action={<Link href={`/recommendations/commitments?instrument=${encodeURIComponent(r.commitment.instrument)}&term=${r.commitment.termMonths === 36 ? '3y' : '1y'}&payment=${r.commitment.payment}`} className="text-sm font-medium text-brand-600 hover:underline" data-testid="open-planner">{t('openPlanner')}</Link>}>
              <CommitmentNumbers commitment={r.commitment} currency={r.currency ?? fmt.currency} />
            </Card>
          )}
          {r.ruleId === 'cdn-pricing' && Array.isArray(r.details.options) && (
            <Card title={t('cdnOptions.title')} subtitle={t('cdnOptions.subtitle')}>
              <CdnOptions details={r.details} currency={r.currency ?? fmt.currency} />
            </Card>
          )}
          {r.commitment && (
            <Card title={t('chartEvidence')}>
              <EvidenceBars evidence={r.evidence} />
            </Card>
          )}
        </div>
        <div className="min-w-0 space-y-6">
          <Card title={t('savingsTitle')}>
            {r.monthlySavings ? (
              <div data-testid="recommendation-savings">
                <p className="tabular text-3xl font-semibold text-emerald-700">{money(r.monthlySavings.p50)}</p>
                <p className="text-xs text-slate-500">{t('perMonth')}</p>
                <p className="mt-2 text-sm text-slate-600">{t('savingsRange', { p10: money(r.monthlySavings.p10), p90: money(r.monthlySavings.p90) })}</p>
              </div>
            ) : (
              <div data-testid="recommendation-savings">
                <p className="text-sm text-slate-600">{t('noSavings')}</p>
                {extra !== null && <p className="tabular mt-2 text-sm font-medium text-amber-800">{t('extraCost', { amount: money(String(extra)) })}</p>}
              </div>
            )}
            {r.realised && (
              <div className="mt-4 border-t border-slate-100 pt-3 text-sm" data-testid="realised">
                <p className="font-medium">{t('realisedTitle')}</p>
                <p className="tabular mt-1 text-slate-700">{t('realised', { monthly: fmt.money(r.realised.monthly, { currency: r.realised.currency }), days: r.realised.days, before: fmt.money(r.realised.beforeDaily, { currency: r.realised.currency, digits: 2 }), after: fmt.money(r.realised.afterDaily, { currency: r.realised.currency, digits: 2 }) })}</p>
              </div>
            )}
          </Card>
          <Card title={t('statusTitle')}>
            <div className="space-y-3 text-sm" data-testid="recommendation-status" data-status={r.status}>
              <p>
                <StatusBadge status={r.status} />
                {r.status === 'snoozed' && r.snoozedUntil && <span className="ml-2 text-slate-600">{t('snoozedUntil', { day: fmt.day(r.snoozedUntil.slice(0, 10)) })}</span>}
              </p>
              {r.statusReason && <p className="text-slate-700">{t('reason', { reason: r.statusReason })}</p>}
              {r.statusChangedAt && <p className="text-xs text-slate-500">{t('changed', { at: fmt.dateTime(r.statusChangedAt), by: r.statusChangedBy ?? '—' })}</p>}
              <p className="text-xs text-slate-500">{t('seen', { first: fmt.dateTime(r.firstSeenAt), last: fmt.dateTime(r.lastSeenAt) })}</p>
              {role === 'viewer' ? <p className="text-xs text-slate-500" data-testid="viewer-note">{t('viewerNote')}</p> : <StatusActions recommendation={r} role={role} />}
            </div>
          </Card>
          {r.risks.length > 0 && (
            <Card title={t('risksTitle')}>
              <ul className="space-y-3 text-sm" data-testid="risks">
                {r.risks.map((risk) => (
                  <li key={risk.message.key}>
                    <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${RISK_STYLE[risk.level]}`}>{t(`risk.${risk.level}`)}</span>
                    {message(risk.message, risk.text, r.currency)}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

type TCommitment = NonNullable<TRecommendationView['commitment']>;

/**
 * The usage band against the ladder: the band stored with the recommendation when its details carry
 * one, else the planner's for the same instrument, term, payment and lookback (computed now, said so).
 */
function CommitmentEvidence({ recommendation: r, commitment }: { recommendation: TRecommendationView; commitment: TCommitment }) {
  const t = useTranslations('recommendationsPage.detail');
  const fmt = useFormat();
  const stored = bandOf(r.details);
  const params = { instrument: commitment.instrument, term: commitment.termMonths === 36 ? '3y' : '1y', payment: commitment.payment, lookbackDays: r.lookback.days };
  const planned = useQuery({ queryKey: keys.plan(params), queryFn: () => fetchPlan(params), enabled: stored === null });
  const currency = r.currency ?? fmt.currency;
  if (stored) return <LadderChart band={stored.months} measure={stored.measure} currency={currency} providerLevel={stored.providerLevel} conservativeLevel={stored.conservativeLevel} testId="recommendation-ladder" />;
  const plan = planned.data?.plan;
  if (plan) {
    return (
      <>
        <LadderChart band={plan.usageBand} measure={plan.measure} currency={planned.data!.currency} providerLevel={plan.providerLevel} conservativeLevel={plan.conservativeLevel} testId="recommendation-ladder" />
        <p className="mt-2 text-xs text-slate-500">{t('bandFromPlanner', { at: fmt.dateTime(planned.data!.asOf) })}</p>
      </>
    );
  }
  return <p className="py-6 text-center text-sm text-slate-500">{planned.isError ? t('bandUnavailable') : planned.data ? t('bandUnavailable') : t('loadingTitle')}</p>;
}
