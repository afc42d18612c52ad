// Small shared pieces of the anomaly views: the monitor's name for people and the status badge.
import type { TAnomalyView } from '@/lib/api/schemas/anomalies';

/** The total's name is a word of the interface (totalLabel); the others are the data's own names. */
export function monitorLabel(totalLabel: string, monitor: Pick<TAnomalyView['monitor'], 'kind' | 'name'>): string {
  return monitor.kind === 'total' ? totalLabel : monitor.name;
}

const STATUS_CLASS: Record<TAnomalyView['status'], string> = {
  open: 'bg-red-50 text-red-700 ring-red-200',
  acknowledged: 'bg-amber-50 text-amber-800 ring-amber-200',
  expected: 'bg-sky-50 text-sky-800 ring-sky-200',
  false_positive: 'bg-slate-100 text-slate-600 ring-slate-200',
};

export function StatusBadge(props: { status: TAnomalyView['status']; label: string }) {
  return (
    <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_CLASS[props.status]}`} data-status={props.status}>
      {props.label}
    </span>
  );
}

export function DirectionBadge(props: { direction: TAnomalyView['direction']; label: string }) {
  const up = props.direction === 'increase';
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium ${up ? 'text-red-700' : 'text-sky-800'}`}>
      <span aria-hidden>{up ? '▲' : '▼'}</span>
      {props.label}
    </span>
  );
}
