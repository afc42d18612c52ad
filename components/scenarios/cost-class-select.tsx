'use client';

// An editor's choice of the class one service counts under; "default rule" removes the choice.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { callApi } from '@/components/settings/use-api';
import { MAPPED_CLASSES, type TMappedClass } from '@/lib/planning/cost-class-rules';

const DEFAULT = '';

export function CostClassSelect(props: {
  provider: string;
  service: string;
  category: string | null;
  label: string;
  value: TMappedClass;
  source: 'override' | 'default';
  defaultClass: TMappedClass;
}) {
  const t = useTranslations('planActual');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const current = props.source === 'override' ? props.value : DEFAULT;

  async function change(next: string) {
    setStatus(null);
    const resourceClass = next === DEFAULT ? null : (next as TMappedClass);
    try {
      await callApi('PUT', '/api/v1/cost-class-mapping', {
        rules: [{ provider: props.provider, service: props.service, ...(props.category ? { category: props.category } : {}), resourceClass }],
      });
      setStatus({ ok: true, text: t('mapping.saved', { service: props.label, class: t(`classes.${resourceClass ?? props.defaultClass}`) }) });
      startTransition(() => router.refresh());
    } catch (e) {
      setStatus({ ok: false, text: t('mapping.error', { message: (e as Error).message }) });
    }
  }

  return (
    <div className="min-w-0">
      <select
        aria-label={t('mapping.changeLabel', { service: props.label })}
        defaultValue={current}
        disabled={pending}
        onChange={(e) => void change(e.currentTarget.value)}
        className="w-44 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        <option value={DEFAULT}>{t('mapping.useDefault')}</option>
        {MAPPED_CLASSES.map((c) => (
          <option key={c} value={c}>{t(`classes.${c}`)}</option>
        ))}
      </select>
      {pending && <span role="status" className="ml-2 text-xs text-slate-500">{t('mapping.saving')}</span>}
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={`mt-1 text-xs ${status.ok ? 'text-emerald-700' : 'text-red-700'}`}>{status.text}</p>
      )}
    </div>
  );
}
