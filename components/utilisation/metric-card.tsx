// One metric of a resource: the window's summary in words and figures, then its chart.
import { MetricChart } from '@/components/charts/metric-chart';
import { Card } from '@/components/ui/card';
import { formatQuantity, formatShare } from '@/lib/format/units';
import type { TResourceMetric } from '@/lib/queries/get-resource-metrics';
import { describeMetric } from '@/lib/utilisation/describe';
import { metricInfo } from '@/lib/utilisation/metric-catalogue';
import { FillBar } from './fill-bar';

export function MetricCard(props: { metric: TResourceMetric; step: 'hour' | 'day'; locale: string; timeZone: string; className?: string }) {
  const { metric: m, locale } = props;
  const s = m.summary;
  const q = (v: number) => formatQuantity(v, m.unit, locale);
  const at = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: props.timeZone });
  const subtitle = [
    m.capacity !== null ? `capacity ${q(m.capacity)}` : 'no capacity known',
    `${props.step === 'hour' ? 'hourly' : 'daily'} average with min–max`,
  ].join(' · ');
  return (
    <Card title={m.label} subtitle={subtitle} className={props.className}>
      {s ? (
        <div className="mb-4" data-testid={`metric-summary-${m.metric}`}>
          <p className="text-sm text-slate-800">
            {describeMetric({
              noun: metricInfo(m.metric).noun,
              unit: m.unit,
              p50: s.p50,
              p95: s.p95,
              max: s.max,
              capacity: m.fills ? m.capacity : null,
              headroom: s.headroom,
              trend: s.trend,
              locale,
            })}
          </p>
          {s.headroom && <FillBar fill={s.headroom.p95Fill} label={`${m.label}: P95 against capacity`} className="mt-2 max-w-md" />}
          <dl className="tabular mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-3 lg:grid-cols-6">
            <Figure term="P50" value={q(s.p50)} />
            <Figure term="P95" value={q(s.p95)} />
            <Figure term="Max" value={q(s.max)} />
            <Figure term="Peak sample" value={q(s.peak)} />
            {s.headroom && <Figure term="Headroom (P95)" value={formatShare(s.headroom.headroom, locale)} />}
            {s.latest && <Figure term={`Latest, ${at.format(new Date(s.latest.at))}`} value={q(s.latest.value)} />}
          </dl>
          <p className="mt-1 text-xs text-slate-400">P50, P95 and max of {s.hours} hourly averages.</p>
        </div>
      ) : (
        <p className="mb-4 text-sm text-slate-500" data-testid={`metric-summary-${m.metric}`}>No samples in this window.</p>
      )}
      {m.points.length > 0 && (
        <MetricChart
          points={m.points}
          unit={m.unit}
          capacity={m.capacity}
          step={props.step}
          locale={locale}
          timeZone={props.timeZone}
          testId={`metric-chart-${m.metric}`}
        />
      )}
    </Card>
  );
}

function Figure(props: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-400">{props.term}</dt>
      <dd className="font-medium text-slate-800">{props.value}</dd>
    </div>
  );
}
