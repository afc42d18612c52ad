// How full a resource is: P95 against capacity, amber from 70 % and red from 85 %.
import { fillLevel, type TFillLevel } from '@/lib/utilisation/headroom';

const COLOURS: Record<TFillLevel, string> = { ok: 'bg-emerald-500', warning: 'bg-amber-500', critical: 'bg-red-500' };

export function FillBar(props: { fill: number; label: string; className?: string }) {
  const level = fillLevel(props.fill);
  const percent = Math.round(props.fill * 100);
  return (
    <div
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-level={level}
      className={`h-2.5 w-full overflow-hidden rounded bg-slate-100 ${props.className ?? ''}`}
    >
      <div className={`h-2.5 rounded ${COLOURS[level]}`} style={{ width: `${Math.min(100, Math.max(props.fill * 100, 1))}%` }} />
    </div>
  );
}
