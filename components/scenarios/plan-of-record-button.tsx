'use client';

// Makes a scenario the plan of record; the previous one loses the mark (the server does both at once).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/settings/use-api';

export function PlanOfRecordButton({ id }: { id: string }) {
  const t = useTranslations('scenarios.list');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onClick() {
    setBusy(true);
    setError(null);
    try {
      await callApi('PUT', `/api/v1/scenarios/${id}/plan-of-record`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={onClick} disabled={busy} data-testid="make-plan-of-record" className="text-sm font-medium text-brand-600 hover:underline disabled:opacity-50">
        {busy ? t('makingPlanOfRecord') : t('makePlanOfRecord')}
      </button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
