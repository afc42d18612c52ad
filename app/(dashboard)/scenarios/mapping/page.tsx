import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CostClassSelect } from '@/components/scenarios/cost-class-select';
import { serviceLabel } from '@/components/scenarios/plan-vs-actual';
import { ScenarioTabs } from '@/components/scenarios/scenario-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';
import { MAPPED_CLASSES } from '@/lib/planning/cost-class-rules';
import { getCostClassMapping, type TCostClassMapping } from '@/lib/queries/get-cost-class-mapping';
import { sumDecimals } from '@/lib/money/decimal';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('planActual');
  return { title: t('mapping.title') };
}
export const dynamic = 'force-dynamic';

export default async function CostClassMappingPage() {
  const [actor, t, fmt] = await Promise.all([getPageActor(), getTranslations('planActual'), getFormat()]);
  const canEdit = hasRole(actor.role, 'editor');
  const { DISPLAY_CURRENCY: currency, ORG_TIMEZONE: timeZone } = env();
  let mapping: TCostClassMapping;
  try {
    mapping = await getCostClassMapping({ now: new Date(), currency, timeZone });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return (
      <>
        <PageHeader title={t('mapping.title')} subtitle={t('mapping.subtitle')} />
        <Card><p className="text-sm text-red-700">{t('unavailable', { message: e.message })}</p></Card>
      </>
    );
  }
  const money = (v: string) => fmt.money(v, { currency: mapping.currency });
  const month = fmt.monthLong(mapping.lastMonth);
  const totals = MAPPED_CLASSES.map((c) => {
    const mine = mapping.services.filter((s) => s.resourceClass === c);
    return { c, lastMonth: sumDecimals(mine.map((s) => s.lastMonth)), monthToDate: sumDecimals(mine.map((s) => s.monthToDate)) };
  });
  const cell = 'px-3 py-2 text-right tabular whitespace-nowrap';
  const sticky = 'sticky left-0 z-10 bg-white px-3 py-2 text-left';

  return (
    <>
      <PageHeader title={t('mapping.title')} subtitle={t('mapping.subtitle')}>
        <Link href="/scenarios" className="text-sm font-medium text-brand-700 hover:underline">{t('mapping.back')}</Link>
      </PageHeader>
      <ScenarioTabs active={null} />
      <div className="grid min-w-0 gap-6">
        <Card>
          {!canEdit && <p className="mb-3 text-sm text-slate-500" data-testid="mapping-read-only">{t('mapping.readOnly')}</p>}
          {mapping.services.length === 0 ? (
            <p className="py-6 text-center text-sm text-slate-500">{t('mapping.empty')}</p>
          ) : (
            <div className="-mx-4 overflow-x-auto sm:mx-0">
              <table className="w-full min-w-[44rem] text-sm" data-testid="cost-class-mapping">
                <thead className="text-xs uppercase text-slate-500">
                  <tr className="border-b border-slate-200">
                    <th scope="col" className={`${sticky} font-medium`}>{t('mapping.service')}</th>
                    <th scope="col" className="px-3 py-2 text-left font-medium">{t('mapping.class')}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t('mapping.bill', { month })}</th>
                    <th scope="col" className={`${cell} font-medium`}>{t('mapping.mtd')}</th>
                    <th scope="col" className="px-3 py-2 text-left font-medium">{t('mapping.defaultClass')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {mapping.services.map((s) => {
                    const label = serviceLabel(s);
                    return (
                      <tr key={`${s.key}|${s.category ?? ''}`} data-service={s.service} data-category={s.category ?? ''}>
                        <th scope="row" className={`${sticky} min-w-[8rem] max-w-[10rem] font-normal sm:max-w-none`}>
                          <span className="block break-words">{label}</span>
                          {s.lastMonth === '0' && s.monthToDate === '0' && <span className="text-xs text-slate-400">{t('mapping.notBilled')}</span>}
                        </th>
                        <td className="px-3 py-2" data-col="class" data-class={s.resourceClass}>
                          {canEdit ? (
                            <CostClassSelect
                              provider={s.provider}
                              service={s.service}
                              category={s.category}
                              label={label}
                              value={s.resourceClass}
                              source={s.source}
                              defaultClass={s.defaultClass}
                            />
                          ) : (
                            <span>
                              {t(`classes.${s.resourceClass}`)}{' '}
                              <span className="text-xs text-slate-400">({s.source === 'override' ? t('mapping.byHand') : t('mapping.byDefault')})</span>
                            </span>
                          )}
                        </td>
                        <td className={cell}>{money(s.lastMonth)}</td>
                        <td className={cell}>{money(s.monthToDate)}</td>
                        <td className="px-3 py-2 text-slate-600">{t(`classes.${s.defaultClass}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <p className="mt-4 text-xs text-slate-500">{t('mapping.rules')}</p>
        </Card>
        <Card title={t('mapping.totals')}>
          <div className="-mx-4 overflow-x-auto sm:mx-0">
            <table className="w-full text-sm" data-testid="cost-class-totals">
              <thead className="text-xs uppercase text-slate-500">
                <tr className="border-b border-slate-200">
                  <th scope="col" className={`${sticky} font-medium`}>{t('col.class')}</th>
                  <th scope="col" className={`${cell} font-medium`}>{t('mapping.bill', { month })}</th>
                  <th scope="col" className={`${cell} font-medium`}>{t('mapping.mtd')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {totals.map((r) => (
                  <tr key={r.c} data-class={r.c}>
                    <th scope="row" className={`${sticky} font-normal`}>{t(`classes.${r.c}`)}</th>
                    <td className={cell} data-col="bill">{money(r.lastMonth)}</td>
                    <td className={cell} data-col="mtd">{money(r.monthToDate)}</td>
                  </tr>
                ))}
                <tr className="border-t-2 border-slate-200 font-semibold" data-class="total">
                  <th scope="row" className={sticky}>{t('total')}</th>
                  <td className={cell} data-col="bill">{money(sumDecimals(totals.map((r) => r.lastMonth)))}</td>
                  <td className={cell} data-col="mtd">{money(sumDecimals(totals.map((r) => r.monthToDate)))}</td>
                </tr>
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
