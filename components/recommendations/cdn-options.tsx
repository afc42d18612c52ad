'use client';

// The CDN pricing recommendation's comparison: every option the catalogue prices for the traffic served, side by
// side with its monthly cost, its allowances and what keeps it from being recommended (a lower plan, traffic above
// its allowances), today's option and the recommended one marked.
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/format-provider';
import { cdnOptionRows } from './cdn-options-view';
import { camel } from './words';

type TLooseT = ((key: string, params?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

const TAG_STYLE = 'mr-1 inline-block rounded px-1.5 py-0.5 text-xs font-medium';

export function CdnOptions({ details, currency }: { details: Record<string, unknown>; currency: string }) {
  const t = useTranslations('recommendationsPage.detail.cdnOptions') as unknown as TLooseT;
  const fmt = useFormat();
  const rows = cdnOptionRows(details);
  if (rows.length === 0) return null;
  const name = (id: string, fallback: string) => (t.has(`names.${camel(id)}`) ? t(`names.${camel(id)}`) : fallback);
  // a plan's allowances; Cloudflare's plans meter neither, CloudFront's pay-as-you-go bills each GB and request
  const allowance = ({ allowance: a, family }: (typeof rows)[number]) =>
    a.dataTransferGB === null
      ? t(family === 'cloudflare' ? 'unmetered' : 'payPerUse')
      : t('allowance', { transfer: fmt.gigabytes(a.dataTransferGB), requests: a.requests === null ? '—' : fmt.quantity(a.requests, 'count') });
  return (
    <div className="-mx-4 overflow-x-auto sm:-mx-5">
      {/* on a phone what an option includes goes under its name, so the table fits 390 px without scrolling */}
      <table className="w-full text-sm" data-testid="cdn-options">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-1.5 sm:pl-5">{t('option')}</th>
            <th scope="col" className="px-2 py-1.5 text-right">{t('monthly')}</th>
            <th scope="col" className="hidden px-2 py-1.5 sm:table-cell">{t('includes')}</th>
            <th scope="col" className="px-4 py-1.5 sm:pr-5">{t('notes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} className={`border-t border-slate-100 ${o.best ? 'bg-emerald-50' : ''}`} data-testid="cdn-option" data-option={o.id} data-best={o.best ? 'true' : undefined}>
              <th scope="row" className="px-4 py-1.5 text-left font-normal sm:pl-5">
                {name(o.id, o.name)}
                <span className="block text-xs text-slate-500 sm:hidden">{allowance(o)}</span>
              </th>
              <td className="tabular whitespace-nowrap px-2 text-right">{fmt.money(String(o.monthlyCost), { currency, digits: o.monthlyCost < 100 ? 2 : 0 })}</td>
              <td className="hidden px-2 text-slate-600 sm:table-cell">{allowance(o)}</td>
              <td className="px-4 py-1.5 sm:pr-5">
                {o.best && <span className={`${TAG_STYLE} bg-emerald-100 text-emerald-800`}>{t('best')}</span>}
                {o.current && <span className={`${TAG_STYLE} bg-slate-100 text-slate-700`}>{t('current')}</span>}
                {o.estimate && <span className={`${TAG_STYLE} bg-amber-100 text-amber-800`}>{t('estimate')}</span>}
                {o.commitment && <span className={`${TAG_STYLE} bg-slate-100 text-slate-700`}>{t('commitment')}</span>}
                {o.migration && <span className={`${TAG_STYLE} bg-slate-100 text-slate-700`}>{t('migration')}</span>}
                {o.reason && <span className="text-xs text-slate-500">{t.has(`reasons.${camel(o.reason)}`) ? t(`reasons.${camel(o.reason)}`) : o.reason}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
