'use client';

// Coefficients fitted from utilisation data and prices paid from invoices, beside the defaults and
// this scenario's values, with the data behind them. A fit outside the scenario's range is flagged
// with what adopting it would change (money and capacity); an editor adopts one with a click.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { callApi } from '@/components/settings/use-api';
import type { TCoefficientId } from '@/lib/planning/coefficients';
import type { TCalibrationResult } from '@/lib/queries/get-calibration';
import type { TCalibrationImpact } from './calibration-impact';
import { useScenarioLabels } from './labels';

export function CalibrationPanel(props: { scenarioId: string; calibration: TCalibrationResult; canEdit: boolean; impacts: Record<string, TCalibrationImpact | null> | null; currency: string }) {
  const t = useTranslations('scenarios.calibration');
  const fmt = useFormat();
  const labels = useScenarioLabels();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { calibration: c } = props;
  const r = (x: { low: number; likely: number; high: number }) => `${fmt.number(x.likely)} (${fmt.number(x.low)}–${fmt.number(x.high)})`;
  const capValue = (v: number | string | null) => (typeof v === 'number' ? (Number.isInteger(v) ? fmt.integer(v) : fmt.number(v)) : (v ?? '—'));

  async function adopt(key: string, body: unknown) {
    setBusy(key);
    setError(null);
    try {
      await callApi('POST', `/api/v1/scenarios/${props.scenarioId}/calibration`, body);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-4" data-testid="calibration">
      <div className="space-y-3">
        {c.coefficients.map((item) => {
          const label = labels.coefficient(item.coefficient as TCoefficientId);
          const impact = props.impacts?.[item.coefficient];
          const outside = impact?.outside ?? (item.fitted !== null && (item.fitted.value < item.current.low || item.fitted.value > item.current.high));
          return (
            <div key={item.coefficient} className={`rounded-lg border p-3 text-sm ${outside ? 'border-amber-300 bg-amber-50' : 'border-slate-200'}`} data-testid={`calibration-${item.coefficient}`} data-outside={outside ? 'true' : 'false'}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <div>
                  <span className="font-medium text-slate-800">{label.label}</span> <span className="text-xs text-slate-500">{label.unit}</span>
                </div>
                {props.canEdit && item.fitted && (
                  <button type="button" disabled={busy !== null} onClick={() => adopt(item.coefficient, { coefficient: item.coefficient })} className="text-xs font-medium text-brand-600 hover:underline disabled:opacity-50">
                    {busy === item.coefficient ? t('adopting') : t('adopt')}
                  </button>
                )}
              </div>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
                <div><dt className="text-slate-500">{t('default')}</dt><dd className="tabular">{r(item.default)}</dd></div>
                <div><dt className="text-slate-500">{t('current')}</dt><dd className="tabular">{r(item.current)}</dd></div>
                <div>
                  <dt className="text-slate-500">{t('fitted')}</dt>
                  <dd className="tabular font-medium">{item.fitted ? `${fmt.number(item.fitted.value)} (${fmt.number(item.fitted.low)}–${fmt.number(item.fitted.high)})` : '—'}</dd>
                </div>
              </dl>
              {outside && item.fitted && (
                <div className="mt-2 text-amber-900" data-testid={`calibration-flag-${item.coefficient}`}>
                  <p className="font-medium">⚠ {t('outside')}</p>
                  <p>
                    {t('outsideDetail', {
                      fitted: fmt.number(item.fitted.value), likely: fmt.number(item.current.likely), low: fmt.number(item.current.low), high: fmt.number(item.current.high),
                      ratio: impact && impact.ratio >= 1 ? t('ratioTimes', { ratio: fmt.number(impact.ratio, 1) }) : t('ratioShare', { share: fmt.share(impact?.ratio ?? item.fitted.value / item.current.likely) }),
                    })}
                  </p>
                  {impact ? (
                    <>
                      <p data-testid={`calibration-impact-${item.coefficient}`}>
                        {t('impact', {
                          before: fmt.money(impact.before, { currency: props.currency }), after: fmt.money(impact.after, { currency: props.currency }),
                          delta: `${impact.after >= impact.before ? '+' : '−'}${fmt.money(Math.abs(impact.after - impact.before), { currency: props.currency })}`,
                        })}
                      </p>
                      {impact.capacity.length ? (
                        <ul className="mt-1 list-disc pl-5">
                          {impact.capacity.map((d) => (
                            <li key={d.field}>{t('impactCapacity', { what: labels.capacity(d.field).label, before: `${capValue(d.from)} ${labels.capacity(d.field).unit}`.trim(), after: `${capValue(d.to)} ${labels.capacity(d.field).unit}`.trim() })}</li>
                          ))}
                        </ul>
                      ) : (
                        <p>{t('impactNoCapacity')}</p>
                      )}
                    </>
                  ) : (
                    <p>{t('impactUnavailable')}</p>
                  )}
                </div>
              )}
              <p className="mt-2 text-xs text-slate-600">{item.fitted ? t('samples', { basis: item.fitted.basis, n: item.fitted.n }) : item.missing}</p>
            </div>
          );
        })}
      </div>
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-800">{t('paidTitle')}</h3>
        {c.prices.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noPaid')}</p>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[34rem] text-sm [&_td+td]:px-2 [&_th+th]:px-2">
                <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-1">{t('price')}</th><th className="text-right">{t('list')}</th><th className="text-right">{t('paid')}</th><th className="pl-4">{t('basis')}</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {c.prices.map((p) => (
                    <tr key={p.priceItemId} className="align-top">
                      <td className="py-1.5">{p.name}<div className="text-xs text-slate-500">{t('per', { id: p.priceItemId, unit: p.unit })}</div></td>
                      <td className="tabular whitespace-nowrap text-right text-slate-600">{fmt.unitPrice(p.listUnitPrice, { currency: p.currency })}</td>
                      <td className="tabular whitespace-nowrap text-right font-medium">{fmt.unitPrice(p.paid.unitPrice, { currency: p.paid.currency })}</td>
                      <td className="min-w-[12rem] pl-4 text-xs text-slate-600">{p.paid.basis}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {props.canEdit && (
              <button type="button" disabled={busy !== null || c.scenario?.usePaidPrices} onClick={() => adopt('paid', { paidPrices: true })}
                className="mt-2 rounded border border-brand-600 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50">
                {c.scenario?.usePaidPrices ? t('usesPaid') : busy === 'paid' ? t('adopting') : t('adoptPaid')}
              </button>
            )}
          </>
        )}
      </div>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
