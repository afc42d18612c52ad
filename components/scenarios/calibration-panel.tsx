'use client';

// Coefficients fitted from utilisation data and prices paid from invoices, beside the defaults and
// this scenario's values, with the data behind them; an editor adopts one with a click.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';
import type { TCalibrationResult } from '@/lib/queries/get-calibration';
import { num, unitPrice } from './format';

const r = (x: { low: number; likely: number; high: number }, locale: string) => `${num(x.likely, locale)} (${num(x.low, locale)}–${num(x.high, locale)})`;

export function CalibrationPanel(props: { scenarioId: string; calibration: TCalibrationResult; canEdit: boolean; locale: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { locale, calibration: c } = props;

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
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="py-2">Coefficient</th><th className="text-right">Default</th><th className="text-right">This scenario</th><th className="text-right">Fitted</th><th className="pl-4">Basis</th><th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {c.coefficients.map((item) => (
            <tr key={item.coefficient} className="align-top" data-testid={`calibration-${item.coefficient}`}>
              <td className="py-2">{item.label}<div className="text-xs text-slate-500">{item.unit}</div></td>
              <td className="tabular text-right text-slate-600">{r(item.default, locale)}</td>
              <td className="tabular text-right">{r(item.current, locale)}</td>
              <td className="tabular text-right font-medium">
                {item.fitted ? <>{num(item.fitted.value, locale)}<div className="text-xs font-normal text-slate-500">{num(item.fitted.low, locale)}–{num(item.fitted.high, locale)}</div></> : '—'}
              </td>
              <td className="pl-4 text-xs text-slate-600">{item.fitted ? `${item.fitted.basis} (n = ${item.fitted.n})` : item.missing}</td>
              <td className="pl-2 text-right">
                {props.canEdit && item.fitted && (
                  <button type="button" disabled={busy !== null} onClick={() => adopt(item.coefficient, { coefficient: item.coefficient })} className="text-xs font-medium text-brand-600 hover:underline disabled:opacity-50">
                    {busy === item.coefficient ? 'Adopting…' : 'Adopt'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-800">Prices actually paid</h3>
        {c.prices.length === 0 ? (
          <p className="text-sm text-slate-500">No invoice or cost record matches a catalogue price yet: Atlas invoices (node-hours) and AWS EC2 instance-hours give them once a connection has synced.</p>
        ) : (
          <>
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500"><tr><th className="py-1">Price</th><th className="text-right">List</th><th className="text-right">Paid</th><th className="pl-4">Basis</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {c.prices.map((p) => (
                  <tr key={p.priceItemId} className="align-top">
                    <td className="py-1.5">{p.name}<div className="text-xs text-slate-500">{p.priceItemId} · per {p.unit}</div></td>
                    <td className="tabular text-right text-slate-600">{unitPrice(p.listUnitPrice, p.currency, locale)}</td>
                    <td className="tabular text-right font-medium">{unitPrice(p.paid.unitPrice, p.paid.currency, locale)}</td>
                    <td className="pl-4 text-xs text-slate-600">{p.paid.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {props.canEdit && (
              <button type="button" disabled={busy !== null || c.scenario?.usePaidPrices} onClick={() => adopt('paid', { paidPrices: true })}
                className="mt-2 rounded border border-brand-600 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50">
                {c.scenario?.usePaidPrices ? 'This scenario uses the prices paid' : busy === 'paid' ? 'Adopting…' : 'Adopt: use the prices paid in this scenario'}
              </button>
            )}
          </>
        )}
      </div>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
