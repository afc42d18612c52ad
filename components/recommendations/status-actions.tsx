'use client';

// Accept, dismiss (with a reason) and snooze (until a day) for editors and admins; a viewer sees the
// status only. The change goes through the API (which writes the audit log); the cache of this
// recommendation is replaced with the answer and every list is refetched.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { TRecommendationView, TUpdateRecommendation } from '@/lib/api/schemas/recommendations';
import { isoDay } from '@/lib/dates';
import { keys, updateRecommendation } from './api';
import { actionsFor, isValidSnooze, statusOf, type TAction } from './view';

const BUTTON = 'rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-50';
const STYLE: Record<TAction, string> = {
  accept: `${BUTTON} border-brand-600 bg-brand-600 text-white hover:bg-brand-700`,
  implemented: `${BUTTON} border-brand-600 bg-white text-brand-700 hover:bg-brand-50`,
  dismiss: `${BUTTON} border-slate-300 bg-white text-slate-700 hover:bg-slate-50`,
  snooze: `${BUTTON} border-slate-300 bg-white text-slate-700 hover:bg-slate-50`,
  reopen: `${BUTTON} border-slate-300 bg-white text-slate-700 hover:bg-slate-50`,
};

function tomorrow(): string {
  return isoDay(new Date(Date.now() + 86_400_000));
}

export function StatusActions({ recommendation, role }: { recommendation: TRecommendationView; role: string }) {
  const t = useTranslations('recommendationsPage.actions');
  const client = useQueryClient();
  const [open, setOpen] = useState<'dismiss' | 'snooze' | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(() => isoDay(new Date(Date.now() + 30 * 86_400_000)));
  const [problem, setProblem] = useState<string | null>(null);
  const reasonId = useId();
  const untilId = useId();
  const mutation = useMutation({
    mutationFn: (body: TUpdateRecommendation) => updateRecommendation(recommendation.id, body),
    onSuccess: (updated) => {
      client.setQueryData(keys.detail(updated.id), updated);
      void client.invalidateQueries({ queryKey: [...keys.all, 'list'] });
      setOpen(null);
      setReason('');
      setProblem(null);
    },
    onError: (e) => setProblem(e instanceof Error ? e.message : String(e)),
  });
  const actions = actionsFor(role, recommendation.status);
  if (actions.length === 0) return null;

  const run = (action: TAction) => {
    if (action === 'dismiss' || action === 'snooze') {
      setOpen(open === action ? null : action);
      setProblem(null);
      return;
    }
    mutation.mutate({ status: statusOf(action) });
  };
  const submitDismiss = (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setProblem(t('reasonNeeded'));
    mutation.mutate({ status: 'dismissed', reason: reason.trim() });
  };
  const submitSnooze = (e: React.FormEvent) => {
    e.preventDefault();
    if (!isValidSnooze(until, isoDay(new Date()))) return setProblem(t('snoozeFuture'));
    mutation.mutate({ status: 'snoozed', snoozedUntil: until });
  };

  return (
    <div data-testid="status-actions">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <button key={a} type="button" className={STYLE[a]} onClick={() => run(a)} disabled={mutation.isPending} aria-expanded={a === 'dismiss' || a === 'snooze' ? open === a : undefined} data-testid={`action-${a}`}>
            {t(a)}
          </button>
        ))}
      </div>
      {open === 'dismiss' && (
        <form onSubmit={submitDismiss} className="mt-3 space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="dismiss-form">
          <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">{t('reasonLabel')}</label>
          <textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} required className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" placeholder={t('reasonPlaceholder')} />
          <p className="text-xs text-slate-500">{t('dismissHelp')}</p>
          <button type="submit" className={STYLE.accept} disabled={mutation.isPending} data-testid="confirm-dismiss">{t('confirmDismiss')}</button>
        </form>
      )}
      {open === 'snooze' && (
        <form onSubmit={submitSnooze} className="mt-3 space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="snooze-form">
          <label htmlFor={untilId} className="block text-sm font-medium text-slate-700">{t('untilLabel')}</label>
          <input id={untilId} type="date" value={until} min={tomorrow()} onChange={(e) => setUntil(e.target.value)} required className="rounded border border-slate-300 px-2 py-1.5 text-sm" />
          <p className="text-xs text-slate-500">{t('snoozeHelp')}</p>
          <button type="submit" className={STYLE.accept} disabled={mutation.isPending} data-testid="confirm-snooze">{t('confirmSnooze')}</button>
        </form>
      )}
      {problem && <p role="alert" className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-700">{problem}</p>}
    </div>
  );
}
