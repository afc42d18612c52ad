'use client';

// The monitors and their thresholds: editors change a monitor's minimum deviation (percent and money a day) and
// switch it off; the next detection run uses them.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { callApi } from '@/components/settings/use-api';
import { Card } from '@/components/ui/card';
import type { TMonitorView } from '@/lib/api/schemas/anomalies';
import { parseDecimal } from '@/lib/format/parse-decimal';

export function MonitorsPanel(props: { monitors: TMonitorView[]; canEdit: boolean }) {
  const t = useTranslations('anomalies');
  const fmt = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card title={t('monitorsTitle')} subtitle={t('monitorsSubtitle')}>
      {props.canEdit && props.monitors.length > 0 && <NewMonitorForm monitors={props.monitors} />}
      {props.monitors.length === 0 ? (
        <p className="text-sm text-slate-600">{t('monitorsEmpty')}</p>
      ) : (
        <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
          <table className="w-full min-w-[560px] text-sm" data-testid="monitors-table">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th className="py-2 pr-3 font-medium">{t('colMonitor')}</th>
                <th className="py-2 pr-3 text-right font-medium">{t('minPercent')}</th>
                <th className="py-2 pr-3 text-right font-medium">{t('minAmount')}</th>
                <th className="py-2 pr-3 text-right font-medium">{t('openCount')}</th>
                <th className="py-2 font-medium" />
              </tr>
            </thead>
            <tbody>
              {props.monitors.map((m) =>
                editing === m.id ? (
                  <EditRow key={m.id} monitor={m} onDone={() => setEditing(null)} />
                ) : (
                  <tr key={m.id} className={`border-b border-slate-100 ${m.enabled ? '' : 'text-slate-400'}`}>
                    <td className="py-2 pr-3">
                      <div className="font-medium">{m.kind === 'total' ? t('totalMonitor') : m.name}</div>
                      <div className="text-xs text-slate-500">
                        {t(`kind.${m.kind}`)}
                        {!m.enabled && ` · ${t('disabled')}`}
                      </div>
                    </td>
                    <td className="tabular py-2 pr-3 text-right">{fmt.share(m.minPercent / 100)}</td>
                    <td className="tabular py-2 pr-3 text-right">{fmt.money(m.minAmount, { currency: m.currency })}</td>
                    <td className="tabular py-2 pr-3 text-right">{fmt.integer(m.openAnomalies)}</td>
                    <td className="py-2 text-right">
                      {props.canEdit && (
                        <button type="button" className="text-sm font-medium text-brand-600 hover:underline" onClick={() => setEditing(m.id)}>
                          {t('edit')}
                        </button>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function EditRow(props: { monitor: TMonitorView; onDone: () => void }) {
  const t = useTranslations('anomalies');
  const fmt = useFormat();
  const router = useRouter();
  const m = props.monitor;
  const [percent, setPercent] = useState(fmt.inputNumber(m.minPercent));
  const [amount, setAmount] = useState(fmt.inputNumber(m.minAmount));
  const [enabled, setEnabled] = useState(m.enabled);
  const [error, setError] = useState<string | null>(null);
  const input = 'w-24 rounded-md border border-slate-300 px-2 py-1 text-right text-sm';
  return (
    <tr className="border-b border-slate-100 bg-slate-50">
      <td className="py-2 pr-3">
        <div className="font-medium">{m.kind === 'total' ? t('totalMonitor') : m.name}</div>
        <label className="mt-1 flex items-center gap-2 text-xs">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('enabled')}
        </label>
        {error && <div role="alert" className="mt-1 text-xs text-red-700">{error}</div>}
      </td>
      <td className="py-2 pr-3 text-right">
        <input aria-label={t('minPercent')} className={input} inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
      </td>
      <td className="py-2 pr-3 text-right">
        <input aria-label={t('minAmount')} className={input} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </td>
      <td />
      <td className="whitespace-nowrap py-2 text-right">
        <button
          type="button"
          className="rounded-md bg-brand-600 px-2 py-1 text-sm font-medium text-white"
          onClick={async () => {
            const minPercent = parseDecimal(percent, fmt.locale);
            const minAmount = parseDecimal(amount, fmt.locale);
            if (!(minPercent >= 0)) return setError(t('invalidPercent'));
            if (!(minAmount >= 0)) return setError(t('invalidAmount'));
            try {
              await callApi('PATCH', `/api/v1/anomaly-monitors/${m.id}`, { minPercent, minAmount, enabled });
              props.onDone();
              router.refresh();
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          {t('save')}
        </button>
        <button type="button" className="ml-2 text-sm text-slate-600 hover:underline" onClick={props.onDone}>
          {t('cancel')}
        </button>
      </td>
    </tr>
  );
}

// A custom monitor: a saved scope (a provider, a service, a region or an account, or several at once) with its
// own thresholds.
function NewMonitorForm(props: { monitors: TMonitorView[] }) {
  const t = useTranslations('anomalies');
  const fmt = useFormat();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const options = (kind: TMonitorView['kind']) => props.monitors.filter((m) => m.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
  const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  if (!open) {
    return (
      <button type="button" className="mb-4 text-sm font-medium text-brand-600 hover:underline" onClick={() => setOpen(true)}>
        {t('newMonitor')}
      </button>
    );
  }
  return (
    <form
      className="mb-6 grid grid-cols-2 gap-3 rounded-lg bg-slate-50 p-3 sm:grid-cols-3 lg:grid-cols-6"
      data-testid="new-monitor"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const scope: Record<string, string> = {};
        for (const k of ['provider', 'service', 'region', 'account']) if (f.get(k)) scope[k] = String(f.get(k));
        if (!Object.keys(scope).length) return setError(t('scopeRequired'));
        const minPercent = parseDecimal(String(f.get('minPercent')), fmt.locale);
        const minAmount = parseDecimal(String(f.get('minAmount')), fmt.locale);
        if (!(minPercent >= 0)) return setError(t('invalidPercent'));
        if (!(minAmount >= 0)) return setError(t('invalidAmount'));
        try {
          await callApi('POST', '/api/v1/anomaly-monitors', { name: String(f.get('name')), scope, minPercent, minAmount });
          setOpen(false);
          setError(null);
          router.refresh();
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <label className="col-span-2 text-sm sm:col-span-3 lg:col-span-2">
        <span className="text-slate-600">{t('monitorName')}</span>
        <input name="name" required maxLength={200} className={input} />
      </label>
      {(['provider', 'service', 'region', 'account'] as const).map((kind) => (
        <label key={kind} className="text-sm">
          <span className="text-slate-600">{t(`kind.${kind}`)}</span>
          <select name={kind} defaultValue="" className={input}>
            <option value="">{t('filterAll')}</option>
            {options(kind).map((m) => (
              <option key={m.id} value={m.key}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="text-sm">
        <span className="text-slate-600">{t('minPercent')}</span>
        <input name="minPercent" defaultValue="20" inputMode="decimal" className={input} />
      </label>
      <label className="text-sm">
        <span className="text-slate-600">{t('minAmount')}</span>
        <input name="minAmount" defaultValue="20" inputMode="decimal" className={input} />
      </label>
      <div className="col-span-2 flex items-end gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
          {t('addMonitor')}
        </button>
        <button type="button" className="text-sm text-slate-600 hover:underline" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
      {error && <p role="alert" className="col-span-full text-sm text-red-700">{error}</p>}
      <p className="col-span-full text-xs text-slate-500">{t('newMonitorHelp')}</p>
    </form>
  );
}
