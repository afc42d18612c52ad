'use client';

// The seed plan's own monthly estimate beside the model's P10–P90 and median, per resource class,
// with an explanation of every disagreement in the page's language; the plan's words are quoted.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import { wordSeedExplanation } from '@/lib/planning/seed-explain';
import type { TSeedComparison, TVerdict } from '@/lib/planning/seed-reference';
import { useScenarioLabels } from './labels';

const VERDICT_CLASS: Record<TVerdict, string> = {
  agrees: 'bg-emerald-100 text-emerald-800',
  overlaps: 'bg-sky-100 text-sky-800',
  above: 'bg-red-100 text-red-800',
  below: 'bg-amber-100 text-amber-800',
};

export function SeedReferenceTable({ seed }: { seed: TSeedComparison }) {
  const t = useTranslations('scenarios.seed');
  const tAll = useTranslations('common');
  const fmt = useFormat();
  const labels = useScenarioLabels();
  const cur = seed.currency;
  const m = (v: string) => fmt.money(v, { currency: cur });
  const rows = [...seed.rows, seed.total];
  const wording = { t: (key: string, values?: Record<string, string | number>) => t(key as never, values as never), className: labels.className, fmt, currency: cur };
  // the explanation takes a row of its own under its figures: beside them it would be a narrow column
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[30rem] text-sm" data-testid="seed-reference">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="sticky left-0 bg-white py-2">{t('resource')}</th>
            <th className="pl-3 text-right">{t('modelRange')}</th>
            <th className="pl-3 text-right">{t('modelMedian')}</th>
            <th className="pl-3 text-right" data-testid="seed-reference-column">{t('planRange')}</th>
          </tr>
        </thead>
        {rows.map((r) => (
          <tbody key={r.resourceClass} className={`border-t border-slate-100 align-top ${r.resourceClass === 'total' ? 'font-semibold' : ''}`} data-testid={`seed-row-${r.resourceClass}`}>
            <tr>
              <td className="sticky left-0 bg-white pb-1 pr-3 pt-2">
                {r.resourceClass === 'total' ? tAll('total') : labels.className(r.resourceClass)}
                {r.resourceClass !== 'total' && <div className="text-xs font-normal text-slate-500">{t('quoted', { spec: `${r.label} · ${r.spec}` })}</div>}
              </td>
              <td className="tabular whitespace-nowrap pl-3 pt-2 text-right">{m(r.modelP10)} – {m(r.modelP90)}</td>
              <td className="tabular whitespace-nowrap pl-3 pt-2 text-right">{m(r.modelP50)}</td>
              <td className="tabular whitespace-nowrap pl-3 pt-2 text-right text-amber-800">{m(r.planLow)} – {m(r.planHigh)}</td>
            </tr>
            <tr>
              <td colSpan={4} className="pb-3 text-xs font-normal text-slate-600">
                {/* kept in view when a phone scrolls the figures sideways */}
                <div className="sticky left-0 max-w-[calc(100vw-4.5rem)]">
                  <span className={`mr-2 inline-block rounded px-1.5 py-0.5 text-[11px] font-medium ${VERDICT_CLASS[r.verdict]}`}>{t(`verdict.${r.verdict}`)}</span>
                  {wordSeedExplanation(r.reason, wording)}
                </div>
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
