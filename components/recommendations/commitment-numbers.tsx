'use client';

// The numbers of a commitment (a recommendation's, or the planner's current choice): what is bought,
// what it costs up front and each month, what it saves (P10–P90), when it pays back, what it needs,
// what happens if usage falls short, and the ladder's tranches each with its own break-even.
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import type { TRecommendationView } from '@/lib/api/schemas/recommendations';
import { useRecommendationWords } from './words';

type TCommitment = NonNullable<TRecommendationView['commitment']>;
type TFigures = Pick<
  TCommitment,
  'upfront' | 'recurringMonthly' | 'monthlySavings' | 'termSavings' | 'breakEvenMonths' | 'utilisationToBreakEven' | 'projectedCoverage' | 'projectedUtilisation' | 'savingsIfUsageFalls' | 'tranches'
>;
type TAmountUnit = TCommitment['amountUnit'];

/** What is bought, in the instrument's own unit. */
export function useAmount(currency: string) {
  const t = useTranslations('recommendationsPage.planner');
  const fmt = useFormat();
  return (amount: string, unit: TAmountUnit) =>
    unit === 'per-hour'
      ? t('perHour', { amount: fmt.unitPrice(Number(amount).toFixed(Number(amount) < 10 ? 3 : 2), { currency }) })
      : unit === 'per-month'
        ? t('perMonth', { amount: fmt.money(amount, { currency }) })
        : t('units', { count: Number(amount) });
}

export function CommitmentNumbers({ commitment, currency }: { commitment: TCommitment; currency: string }) {
  const t = useTranslations('recommendationsPage.planner');
  const words = useRecommendationWords();
  const amount = useAmount(currency);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Row label={t('instrument')} value={words.instrument(commitment.instrument)} wrap />
        <Row label={t('scope')} value={words.scope(commitment.scopeMessage, commitment.scope)} wrap />
        <Row label={t('term')} value={t('termMonths', { months: commitment.termMonths })} />
        <Row label={t('payment')} value={words.payment(commitment.payment)} />
        <Row label={t('buyNow')} value={amount(commitment.amount, commitment.amountUnit)} testId="commitment-amount" />
      </dl>
      <CommitmentFigures figures={commitment} currency={currency} amountUnit={commitment.amountUnit} />
    </div>
  );
}

// figures stay on one line; names and scopes (free text) wrap
function Row({ label, value, testId, wrap }: { label: string; value: string; testId?: string; wrap?: boolean }) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-100 py-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className={`tabular min-w-0 text-right font-medium text-slate-900 ${wrap ? 'break-words' : 'whitespace-nowrap'}`} data-testid={testId}>{value}</dd>
    </div>
  );
}

export function CommitmentFigures({ figures: c, currency, amountUnit }: { figures: TFigures; currency: string; amountUnit: TAmountUnit }) {
  const t = useTranslations('recommendationsPage.planner');
  const fmt = useFormat();
  const amount = useAmount(currency);
  const captionId = useId();
  const money = (v: string) => fmt.money(v, { currency });
  const signed = (v: string) => fmt.moneySigned(v, { currency });
  const months = (m: number | null) => (m === null ? t('never') : m === 0 ? t('immediately') : t('months', { months: Math.round(m * 10) / 10 }));
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 xl:grid-cols-3" data-testid="commitment-figures">
        <Row label={t('upfront')} value={money(c.upfront)} />
        <Row label={t('recurring')} value={money(c.recurringMonthly)} />
        <Row label={t('savingsP50')} value={money(c.monthlySavings.p50)} />
        <Row label={t('savingsRange')} value={`${money(c.monthlySavings.p10)} – ${money(c.monthlySavings.p90)}`} />
        <Row label={t('termSavings')} value={money(c.termSavings)} />
        <Row label={t('breakEven')} value={months(c.breakEvenMonths)} />
        <Row label={t('utilisationNeeded')} value={fmt.share(c.utilisationToBreakEven)} />
        <Row label={t('projectedUtilisation')} value={fmt.share(c.projectedUtilisation)} />
        <Row label={t('projectedCoverage')} value={fmt.share(c.projectedCoverage)} />
        <Row label={t('fall20')} value={signed(c.savingsIfUsageFalls.by20)} />
        <Row label={t('fall40')} value={signed(c.savingsIfUsageFalls.by40)} />
      </dl>
      {c.tranches.length > 0 && <p className="text-xs text-slate-500" id={captionId}>{t('tranchesCaption', { count: c.tranches.length })}</p>}
      {c.tranches.length > 0 && (
        <div className="-mx-4 overflow-x-auto sm:-mx-5">
          <table className="w-full min-w-[32rem] text-sm" data-testid="tranches" aria-describedby={captionId}>
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-1.5 sm:pl-5">{t('trancheMonth')}</th>
                <th scope="col" className="px-2 py-1.5 text-right">{t('trancheAmount')}</th>
                <th scope="col" className="px-2 py-1.5 text-right">{t('upfront')}</th>
                <th scope="col" className="px-2 py-1.5 text-right">{t('trancheSavings')}</th>
                <th scope="col" className="px-4 py-1.5 text-right sm:pr-5">{t('breakEven')}</th>
              </tr>
            </thead>
            <tbody>
              {c.tranches.map((tr) => (
                <tr key={tr.month} className="border-t border-slate-100" data-testid="tranche">
                  <th scope="row" className="whitespace-nowrap px-4 py-1.5 text-left font-normal sm:pl-5">{tr.monthIndex === 0 ? t('now') : fmt.monthLong(tr.month)}</th>
                  <td className="tabular whitespace-nowrap px-2 text-right">{amount(tr.amount, amountUnit)}</td>
                  <td className="tabular whitespace-nowrap px-2 text-right">{money(tr.upfront)}</td>
                  <td className="tabular whitespace-nowrap px-2 text-right">{money(tr.expectedMonthlySavings)}</td>
                  <td className="tabular whitespace-nowrap px-4 text-right sm:pr-5">{months(tr.breakEvenMonths)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
