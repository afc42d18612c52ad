// One metric of a resource: the window's summary in words and figures, then its chart.
import { useTranslations } from 'next-intl';
import { MetricChart } from '@/components/charts/metric-chart';
import { Card } from '@/components/ui/card';
import type { TFormatter } from '@/lib/format/formatter';
import type { TResourceMetric } from '@/lib/queries/get-resource-metrics';
import { describeTrend } from '@/lib/utilisation/describe';
import { FillBar } from './fill-bar';
import { metricLabel, metricNoun, quantity } from './metric-words';

export function MetricCard(props: { metric: TResourceMetric; step: 'hour' | 'day'; fmt: TFormatter; className?: string }) {
  const { metric: m, fmt } = props;
  const t = useTranslations('utilisation');
  const s = m.summary;
  const q = (v: number) => quantity(t, fmt, v, m.unit);
  const label = metricLabel(t, m.metric);
  const noun = metricNoun(t, m.metric);
  const subtitle = [
    m.capacity !== null ? t('capacity', { value: q(m.capacity) }) : t('noCapacityKnown'),
    m.basis ? t(`basis.${m.basis}`) : null,
    t('averageWithRange', { step: props.step }),
  ]
    .filter(Boolean)
    .join(' · ');
  let sentence: string | null = null;
  if (s) {
    const bounded = m.fills && m.capacity !== null && s.headroom !== null;
    const summary = bounded
      ? t('summaryBounded', {
          noun,
          p95: q(s.p95),
          capacity: q(m.capacity!),
          room: s.headroom!.headroom >= 0 ? t('headroom', { share: fmt.share(s.headroom!.headroom) }) : t('overCapacity', { share: fmt.share(-s.headroom!.headroom) }),
        })
      : t('summaryUnbounded', { noun, p95: q(s.p95), p50: q(s.p50), max: q(s.max) });
    const trend = bounded ? describeTrend(s.trend) : null;
    sentence = trend
      ? t('withTrend', { summary, trend: trend.key === 'trendInDays' ? t('trendInDays', { days: trend.days }) : t(trend.key) })
      : t('sentence', { summary });
  }
  return (
    <Card title={label} subtitle={subtitle} className={props.className}>
      {s ? (
        <div className="mb-4" data-testid={`metric-summary-${m.metric}`}>
          <p className="text-sm text-slate-800">{sentence}</p>
          {s.headroom && <FillBar fill={s.headroom.p95Fill} label={t('mainAgainstCapacity', { name: label, noun })} className="mt-2 max-w-md" />}
          <dl className="tabular mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-3 lg:grid-cols-6">
            <Figure term={t('p50')} value={q(s.p50)} />
            <Figure term={t('p95')} value={q(s.p95)} />
            <Figure term={t('max')} value={q(s.max)} />
            <Figure term={t('peak')} value={q(s.peak)} />
            {s.headroom && <Figure term={t('headroomP95')} value={fmt.share(s.headroom.headroom)} />}
            {s.latest && <Figure term={t('latestAt', { at: fmt.dateTime(s.latest.at) })} value={q(s.latest.value)} />}
          </dl>
          <p className="mt-1 text-xs text-slate-400">{t('hoursNote', { hours: s.hours })}</p>
        </div>
      ) : (
        <p className="mb-4 text-sm text-slate-500" data-testid={`metric-summary-${m.metric}`}>{t('noSamplesInWindow')}</p>
      )}
      {m.points.length > 0 && <MetricChart points={m.points} unit={m.unit} capacity={m.capacity} step={props.step} testId={`metric-chart-${m.metric}`} />}
    </Card>
  );
}

function Figure(props: { term: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-400">{props.term}</dt>
      <dd className="font-medium text-slate-800">{props.value}</dd>
    </div>
  );
}
