'use client';

// Editors add a business metric and enter a day's value by hand (numbers as people type them in either language).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { callApi } from '@/components/settings/use-api';
import { parseDecimal } from '@/lib/format/parse-decimal';

const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

export function NewMetricForm() {
  const t = useTranslations('unitCosts');
  // the page's formatter, not the runtime's default locale: the server's and the browser's differ (a hydration error)
  const fmt = useFormat();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6"
      data-testid="new-metric"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const form = e.currentTarget;
        try {
          await callApi('POST', '/api/v1/business-metrics', {
            name: String(f.get('name')),
            label: String(f.get('label')),
            unit: String(f.get('unit')),
            per: Number(f.get('per')),
            aggregation: String(f.get('aggregation')),
          });
          setMessage({ ok: true, text: t('metricAdded') });
          form.reset();
          router.refresh();
        } catch (err) {
          setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
        }
      }}
    >
      <label className="text-sm">
        <span className="text-slate-600">{t('fieldLabel')}</span>
        <input name="label" required maxLength={100} placeholder={t('fieldLabelPlaceholder')} className={input} />
      </label>
      <label className="text-sm">
        <span className="text-slate-600">{t('fieldName')}</span>
        <input name="name" required pattern="[a-z0-9][a-z0-9\-]{0,62}" placeholder="active-users" className={input} />
      </label>
      <label className="text-sm">
        <span className="text-slate-600">{t('fieldUnit')}</span>
        <input name="unit" required maxLength={40} placeholder={t('fieldUnitPlaceholder')} className={input} />
      </label>
      <label className="text-sm">
        <span className="text-slate-600">{t('fieldPer')}</span>
        <select name="per" defaultValue="1" className={input}>
          {[1, 1000, 1_000_000].map((n) => (
            <option key={n} value={n}>
              {fmt.integer(n)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="text-slate-600">{t('fieldAggregation')}</span>
        <select name="aggregation" defaultValue="sum" className={input}>
          <option value="sum">{t('aggregation.sum')}</option>
          <option value="average">{t('aggregation.average')}</option>
        </select>
      </label>
      <div className="flex items-end">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
          {t('addMetric')}
        </button>
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`col-span-full text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}

export function MetricValueForm(props: { metrics: { name: string; label: string }[]; today: string }) {
  const t = useTranslations('unitCosts');
  const fmt = useFormat();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      data-testid="metric-value"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const value = parseDecimal(String(f.get('value')), fmt.locale);
        if (!(value >= 0)) return setMessage({ ok: false, text: t('invalidValue') });
        try {
          const r = await callApi<{ inserted: number; updated: number }>('POST', `/api/v1/business-metrics/${encodeURIComponent(String(f.get('metric')))}/points`, {
            points: [{ day: String(f.get('day')), value }],
          });
          setMessage({ ok: true, text: r.inserted ? t('valueAdded') : t('valueChanged') });
          router.refresh();
        } catch (err) {
          setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
        }
      }}
    >
      <label className="text-sm">
        <span className="text-slate-600">{t('metric')}</span>
        <select name="metric" className={input}>
          {props.metrics.map((m) => (
            <option key={m.name} value={m.name}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="text-slate-600">{t('fieldDay')}</span>
        <input type="date" name="day" required defaultValue={props.today} max={props.today} className={input} />
      </label>
      <label className="text-sm">
        <span className="text-slate-600">{t('fieldValue')}</span>
        <input name="value" required inputMode="decimal" className={input} />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
        {t('saveValue')}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`w-full text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
