'use client';

// Daily values of a business metric from a CSV file (day,value lines): all lines or none, a bad line named.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function MetricImport(props: { metrics: { name: string; label: string }[] }) {
  const t = useTranslations('unitCosts');
  const router = useRouter();
  const [metric, setMetric] = useState(props.metrics[0]?.name ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-3"
      data-testid="metric-import"
      onSubmit={async (e) => {
        e.preventDefault();
        const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
        if (!file) return setMessage({ ok: false, text: t('chooseFile') });
        const response = await fetch(`/api/v1/business-metrics/${encodeURIComponent(metric)}/points`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: await file.text(),
        });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) return setMessage({ ok: false, text: data?.error?.message ?? String(response.status) });
        setMessage({ ok: true, text: t('imported', { inserted: data.inserted, updated: data.updated, unchanged: data.unchanged }) });
        router.refresh();
      }}
    >
      <label className="text-sm">
        <span className="text-slate-600">{t('importInto')}</span>
        <select className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" value={metric} onChange={(e) => setMetric(e.target.value)}>
          {props.metrics.map((m) => (
            <option key={m.name} value={m.name}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="min-w-0 text-sm">
        <span className="text-slate-600">{t('csvFile')}</span>
        <input type="file" name="file" accept=".csv,text/csv" className="mt-1 block max-w-full text-sm" />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
        {t('import')}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`w-full text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
