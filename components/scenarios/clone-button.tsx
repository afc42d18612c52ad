'use client';

// One click: "Copy of <name>", then open it.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';

export function CloneButton({ id, name, options, label }: { id: string; name?: string; options?: Record<string, unknown>; label?: string }) {
  const t = useTranslations('scenarios.list');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    setError(null);
    try {
      const created = await callApi<{ id: string }>('POST', `/api/v1/scenarios/${id}/clone`, { ...(name ? { name } : {}), ...(options ? { options } : {}) });
      router.push(`/scenarios/${created.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={onClick} disabled={busy} className="text-sm font-medium text-brand-600 hover:underline disabled:opacity-50">{busy ? t('cloning') : (label ?? t('clone'))}</button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
