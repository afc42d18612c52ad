'use client';

import { useRecommendationWords } from './words';

const STYLE: Record<string, string> = {
  open: 'bg-sky-100 text-sky-800',
  accepted: 'bg-emerald-100 text-emerald-800',
  implemented: 'bg-emerald-600 text-white',
  dismissed: 'bg-slate-200 text-slate-700',
  snoozed: 'bg-amber-100 text-amber-800',
};

export function StatusBadge({ status }: { status: string }) {
  const words = useRecommendationWords();
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? STYLE.open}`} data-testid="status-badge" data-status={status}>
      {words.status(status)}
    </span>
  );
}
