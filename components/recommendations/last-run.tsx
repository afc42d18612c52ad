'use client';

// The last refresh: when it ran and what it found, and each rule that failed or lacked data in it,
// with what to connect so it can run ("connect Prometheus to size pods"). Editors can refresh.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import { Card } from '@/components/ui/card';
import type { TRecommendationRunView } from '@/lib/api/schemas/recommendations';
import { useRecommendationMessage, useRecommendationWords } from './words';

export function LastRun(props: { run: TRecommendationRunView | null; canEdit: boolean; refreshing: boolean; onRefresh: () => void; error: string | null }) {
  const t = useTranslations('recommendationsPage.run');
  const fmt = useFormat();
  const words = useRecommendationWords();
  const message = useRecommendationMessage();
  const { run } = props;
  const troubled = run?.rules.filter((r) => r.outcome !== 'ok') ?? [];
  const button = props.canEdit ? (
    <button type="button" onClick={props.onRefresh} disabled={props.refreshing || run?.status === 'running'} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50" data-testid="refresh-recommendations">
      {props.refreshing ? t('refreshing') : t('refresh')}
    </button>
  ) : undefined;
  return (
    <Card title={t('title')} action={button}>
      <div data-testid="last-run" data-status={run?.status ?? 'none'}>
        {!run ? (
          <p className="text-sm text-slate-600">{props.canEdit ? t('neverEditor') : t('neverViewer')}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {run.status === 'running'
                ? t('running', { at: fmt.dateTime(run.startedAt) })
                : run.status === 'failed'
                  ? t('failed', { at: fmt.dateTime(run.startedAt), error: run.error ?? '' })
                  : t('succeeded', { at: fmt.dateTime(run.finishedAt ?? run.startedAt), created: run.created, updated: run.updated, retired: run.retired, rules: run.rules.length })}
            </p>
            {troubled.length === 0 ? (
              run.status === 'succeeded' && <p className="mt-1 text-xs text-slate-500">{t('allRulesRan')}</p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="rule-problems">
                {troubled.map((r) => (
                  <li key={r.ruleId} className="py-2" data-testid="rule-problem" data-rule={r.ruleId} data-outcome={r.outcome}>
                    <div className="flex flex-wrap items-baseline gap-x-2">
                      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${r.outcome === 'failed' ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-800'}`}>{t(`outcome.${r.outcome === 'failed' ? 'failed' : 'lackedData'}`)}</span>
                      <span className="font-medium text-slate-800">{words.rule(r.ruleId)}</span>
                      <span className="text-xs text-slate-500">{words.kind(r.kind)}</span>
                    </div>
                    {r.outcome === 'failed' && <p className="mt-1 text-xs text-red-700">{t('ruleError', { error: r.error ?? '' })}</p>}
                    {r.needs.length > 0 && (
                      <ul className="mt-1 list-disc pl-5 text-slate-700">
                        {r.needs.map((n) => <li key={n}>{message({ key: n, params: {} }, t('needsFallback'))}</li>)}
                      </ul>
                    )}
                    {r.missing.length > 0 && (
                      <p className="mt-1 break-words text-xs text-slate-500" title={r.missing.join(', ')}>
                        {t('missing', { count: r.missing.length, facts: r.missing.slice(0, 4).join(', ') })}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {props.error && <p role="alert" className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-700">{props.error}</p>}
      </div>
    </Card>
  );
}
