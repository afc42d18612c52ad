'use client';

// The evidence of a scaling or rightsizing rule: each number it used, as a bar against the threshold
// it was compared with and, for shares, against the capacity (100 %). The bar is amber when the
// rule's condition holds (that is why the recommendation exists), grey otherwise.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import type { TRecommendationView } from '@/lib/api/schemas/recommendations';
import { conditionHolds, gaugeScale } from './evidence';
import { camel, useEvidenceValue, useRecommendationWords } from './words';

type TEvidence = TRecommendationView['evidence'][number];

export function EvidenceBars({ evidence }: { evidence: TEvidence[] }) {
  const t = useTranslations('recommendationsPage.detail');
  const fmt = useFormat();
  const value = useEvidenceValue(fmt);
  const words = useRecommendationWords();
  return (
    <ul className="space-y-4" data-testid="evidence-bars">
      {evidence.map((e) => {
        const scale = gaugeScale(e);
        const holds = conditionHolds(e);
        return (
          <li key={e.metric} data-testid="evidence-item" data-metric={e.metric}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-medium text-slate-800">{words.metric(e.metric)}</span>
              <span className="tabular font-semibold">{e.value === null ? t('noValue') : value(e.value, e.unit)}</span>
            </div>
            {scale && e.value !== null && (
              <div className="relative mt-1.5 h-3 w-full rounded bg-slate-100" role="img" aria-label={t('gaugeLabel', { metric: words.metric(e.metric), value: value(e.value, e.unit), threshold: value(e.threshold!, e.unit) })}>
                <div className={`h-3 rounded ${holds ? 'bg-amber-500' : 'bg-slate-400'}`} style={{ width: `${Math.max(1, Math.min(100, (Math.max(0, e.value) / scale.max) * 100))}%` }} />
                <div className="absolute -top-1 h-5 w-0.5 bg-red-600" style={{ left: `${(e.threshold! / scale.max) * 100}%` }} title={t('threshold')} />
                {scale.capacity !== null && scale.capacity !== e.threshold && (
                  <div className="absolute -top-1 h-5 w-0.5 bg-slate-800" style={{ left: `${(scale.capacity / scale.max) * 100}%` }} title={t('capacity')} />
                )}
              </div>
            )}
            {e.threshold !== undefined && (
              <p className="mt-1 text-xs text-slate-500">
                <span title={e.source}>{t(`comparison.${camel(e.comparison ?? 'above') as 'above'}`, { threshold: value(e.threshold, e.unit) })}</span>
                {scale?.capacity != null && scale.capacity !== e.threshold ? ` · ${t('capacityAt', { capacity: value(scale.capacity, e.unit) })}` : ''}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
