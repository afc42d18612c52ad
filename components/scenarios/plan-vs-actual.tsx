// Plan against actual: a scenario's monthly model beside the bill, by resource class, so that a model
// far from what is paid never stands without a word. Server components: they read the bill themselves
// (lib/queries/get-plan-actuals.ts) and take the model as props, or evaluate the saved version.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { Card } from '@/components/ui/card';
import { getPageActor } from '@/lib/auth/page-actor';
import { hasRole } from '@/lib/auth/roles';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getFormat } from '@/lib/i18n/server';
import { MAPPED_CLASSES, type TMappedClass } from '@/lib/planning/cost-class-rules';
import { RESOURCE_CLASSES, type TResourceClass } from '@/lib/planning/types';
import { getPlanActuals, type TPlanActuals } from '@/lib/queries/get-plan-actuals';
import { evaluateScenarioRecord } from '@/lib/scenarios/evaluate-stored-scenario';
import type { TScenario } from '@/lib/scenarios/scenario-schema';
import { explainGap, GAP_THRESHOLD, type TGapNote } from './plan-vs-actual-gap';

export const MAPPING_HREF = '/scenarios/mapping';
// The figures used are the deterministic, most likely ones (the basis of the scenario's headline
// and bars), which no Monte Carlo sample changes: one sample, the least the evaluation takes.
const SAMPLES = 1;

async function readActuals(): Promise<{ actuals: TPlanActuals; error: null } | { actuals: null; error: string }> {
  const { DISPLAY_CURRENCY: currency, ORG_TIMEZONE: timeZone } = env();
  try {
    return { actuals: await getPlanActuals({ now: new Date(), currency, timeZone }), error: null };
  } catch (e) {
    // a missing FX rate is said in words; anything else is a defect and goes to the error page
    if (e instanceof AppError) return { actuals: null, error: e.message };
    throw e;
  }
}

/** The scenario page's section: evaluates the saved version and reads the bill, streamed in. */
export function PlanVsActualSection({ scenario }: { scenario: TScenario }) {
  return (
    <Suspense fallback={<PlanVsActualLoading />}>
      <PlanVsActualLoaded scenario={scenario} />
    </Suspense>
  );
}

function PlanVsActualLoading() {
  const t = useTranslations('planActual');
  return (
    <Card title={t('title')} className="mt-6">
      <p role="status" className="py-4 text-sm text-slate-500">{t('loading')}</p>
    </Card>
  );
}

async function PlanVsActualLoaded({ scenario }: { scenario: TScenario }) {
  const t = await getTranslations('planActual');
  const [actor, read] = await Promise.all([getPageActor(), readActuals()]);
  let model: { byClass: Record<TResourceClass, number>; total: number };
  try {
    const e = await evaluateScenarioRecord(scenario, { now: new Date(), samples: SAMPLES, currency: env().DISPLAY_CURRENCY });
    const byClass = Object.fromEntries(RESOURCE_CLASSES.map((c) => [c, 0])) as Record<TResourceClass, number>;
    for (const c of RESOURCE_CLASSES) byClass[c] = Number(e.deterministic.classes[c] ?? 0);
    model = { byClass, total: Number(e.deterministic.total) };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return <Card title={t('title')} className="mt-6"><p className="text-sm text-red-700">{t('unavailable', { message: e.message })}</p></Card>;
  }
  if (!read.actuals) {
    return <Card title={t('title')} className="mt-6"><p className="text-sm text-red-700">{t('unavailable', { message: read.error })}</p></Card>;
  }
  return <PlanVsActual model={model.byClass} modelTotal={model.total} actuals={read.actuals} canEdit={hasRole(actor.role, 'editor')} />;
}

function MappingLink({ canEdit, label }: { canEdit: boolean; label: { edit: string; view: string } }) {
  return (
    <Link href={MAPPING_HREF} className="text-sm font-medium text-brand-700 hover:underline" data-testid="plan-actual-mapping-link">
      {canEdit ? label.edit : label.view}
    </Link>
  );
}

export async function PlanVsActual(props: { model: Record<TResourceClass, number>; modelTotal: number; actuals: TPlanActuals; canEdit: boolean }) {
  const { model, modelTotal, actuals: a, canEdit } = props;
  const t = await getTranslations('planActual');
  const fmt = await getFormat();
  const money = (v: number | string) => fmt.money(v, { currency: a.currency });
  const billMonth = fmt.monthLong(a.lastMonth.month);
  const mtdMonth = fmt.monthLong(a.monthToDate.month);
  const mtdRange = a.monthToDate.lastDay ? fmt.dayRange(a.monthToDate.from, a.monthToDate.lastDay) : null;
  const actual = Object.fromEntries(a.classes.map((c) => [c.resourceClass, Number(c.lastMonth)])) as Record<TMappedClass, number>;
  const gap = explainGap({
    model,
    modelTotal,
    actual,
    unmappedServices: a.services.filter((s) => s.resourceClass === 'unmapped').map((s) => ({ label: serviceLabel(s), amount: Number(s.lastMonth) })),
  });
  const className = (c: TMappedClass) => t(`classes.${c}`);
  const list = new Intl.ListFormat(fmt.locale, { type: 'conjunction' });
  const noteText = (n: TGapNote) => {
    switch (n.kind) {
      case 'unmapped':
        return t('gap.unmapped', { amount: money(n.amount), services: list.format(n.services) });
      case 'notModelled':
        return t('gap.notModelled', { class: className(n.resourceClass), actual: money(n.actual) });
      case 'notBilled':
        return t('gap.notBilled', { class: className(n.resourceClass), model: money(n.model) });
      case 'classGap':
        return t('gap.classGap', { class: className(n.resourceClass), model: money(n.model), actual: money(n.actual), change: fmt.change(n.ratio, 0) });
    }
  };
  const hasBill = Number(a.lastMonth.total) !== 0;

  type TRow = { key: TMappedClass | 'total'; label: string; model: number | null; bill: number; mtd: number; runRate: number | null };
  const rows: TRow[] = MAPPED_CLASSES.map((c) => {
    const cls = a.classes.find((x) => x.resourceClass === c)!;
    const m = c === 'unmapped' ? null : model[c];
    return { key: c, label: className(c), model: m, bill: Number(cls.lastMonth), mtd: Number(cls.monthToDate), runRate: cls.runRate === null ? null : Number(cls.runRate) };
  });
  rows.push({
    key: 'total',
    label: t('total'),
    model: modelTotal,
    bill: Number(a.lastMonth.total),
    mtd: Number(a.monthToDate.total),
    runRate: a.monthToDate.runRate === null ? null : Number(a.monthToDate.runRate),
  });

  const cell = 'px-3 py-2 text-right tabular whitespace-nowrap';
  const sticky = 'sticky left-0 z-10 bg-white px-3 py-2 text-left';
  return (
    <Card title={t('title')} subtitle={t('subtitle')} className="mt-6" action={<MappingLink canEdit={canEdit} label={{ edit: t('editMapping'), view: t('viewMapping') }} />}>
      <div className="-mx-4 overflow-x-auto sm:mx-0" data-testid="plan-vs-actual">
        <table className="w-full min-w-[40rem] text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr className="border-b border-slate-200">
              <th scope="col" className={`${sticky} font-medium`}>{t('col.class')}</th>
              <th scope="col" className={`${cell} font-medium`}>{t('col.model')}</th>
              <th scope="col" className={`${cell} font-medium`}>{t('col.bill', { month: billMonth })}</th>
              <th scope="col" className={`${cell} font-medium`}>{t('col.gap')}</th>
              <th scope="col" className={`${cell} font-medium`}>
                {t('col.mtd')}
                {mtdRange && <div className="font-normal normal-case text-slate-400">{t('mtdDays', { range: mtdRange, days: a.monthToDate.days })}</div>}
              </th>
              <th scope="col" className={`${cell} font-medium`}>{t('col.runRate')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => {
              const isTotal = r.key === 'total';
              const diff = r.model === null ? null : r.model - r.bill;
              const ratio = r.model === null || r.bill === 0 ? null : r.model / r.bill - 1;
              const far = ratio !== null && Math.abs(ratio) > GAP_THRESHOLD;
              return (
                <tr key={r.key} data-class={r.key} className={isTotal ? 'border-t-2 border-slate-200 font-semibold' : undefined}>
                  <th scope="row" className={`${sticky} ${isTotal ? 'font-semibold' : 'font-normal'}`}>{r.label}</th>
                  <td className={cell} data-col="model">{r.model === null ? t('none') : money(r.model)}</td>
                  <td className={cell} data-col="bill">{money(r.bill)}</td>
                  <td className={`${cell} ${far ? 'text-amber-700' : 'text-slate-600'}`} data-col="gap">
                    {diff === null ? t('none') : fmt.moneySigned(diff, { currency: a.currency })}
                    {ratio !== null && <div className="text-xs font-normal">{fmt.change(ratio, 0)}</div>}
                  </td>
                  <td className={cell} data-col="mtd">{money(r.mtd)}</td>
                  <td className={`${cell} text-slate-600`} data-col="runRate">{r.runRate === null ? t('none') : money(r.runRate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="mt-4 space-y-1 text-sm text-slate-700" data-testid="plan-actual-explanation">
        {!hasBill ? (
          <p>{t('noBill', { month: billMonth })}</p>
        ) : gap.significant ? (
          <>
            <p className="font-medium">{t('gap.summary', {
                model: money(modelTotal),
                share: fmt.share(Math.abs(gap.ratio ?? 0)),
                direction: (gap.ratio ?? 0) < 0 ? 'below' : 'above',
                month: billMonth,
                actual: money(gap.actualTotal),
              })}</p>
            <ul className="list-disc space-y-1 pl-5">
              {gap.notes.map((n, i) => <li key={i}>{noteText(n)}</li>)}
            </ul>
          </>
        ) : (
          <p>{t('gap.close', { month: billMonth })}</p>
        )}
        <p className="text-xs text-slate-500">
          {mtdRange ? t('runRateNote', { range: mtdRange, daysInMonth: a.monthToDate.daysInMonth, month: mtdMonth }) : t('noDays', { month: mtdMonth })}
        </p>
      </div>
    </Card>
  );
}

export function serviceLabel(s: { provider: string; service: string; category: string | null }): string {
  const name = s.service.toLowerCase().includes(s.provider.toLowerCase()) ? s.service : `${s.provider} · ${s.service}`;
  return s.category ? `${name} (${s.category})` : name;
}

/** The scenarios list's line: last month's bill and the month to date, and each model against the bill. */
export async function PlanActualSummary({ models }: { models: { id: string; name: string; likely: string }[] }) {
  const [t, fmt, actor, read] = await Promise.all([getTranslations('planActual'), getFormat(), getPageActor(), readActuals()]);
  if (!read.actuals) {
    return <Card title={t('list.title')} className="mt-6"><p className="text-sm text-red-700">{t('unavailable', { message: read.error })}</p></Card>;
  }
  const a = read.actuals;
  const money = (v: number | string) => fmt.money(v, { currency: a.currency });
  const billMonth = fmt.monthLong(a.lastMonth.month);
  const bill = Number(a.lastMonth.total);
  const unmapped = Number(a.classes.find((c) => c.resourceClass === 'unmapped')!.lastMonth);
  return (
    <Card
      title={t('list.title')}
      className="mt-6"
      action={<MappingLink canEdit={hasRole(actor.role, 'editor')} label={{ edit: t('editMapping'), view: t('viewMapping') }} />}
    >
      <div className="space-y-1 text-sm text-slate-700" data-testid="plan-actual-summary">
        {bill === 0 ? (
          <p>{t('list.noBill', { month: billMonth })}</p>
        ) : (
          <p data-testid="plan-actual-bill">
            <span className="font-semibold">{t('list.bill', { month: billMonth, amount: money(bill) })}</span>
            {unmapped !== 0 && <span className="text-slate-500"> ({t('list.unmappedPart', { amount: money(unmapped) })})</span>}
          </p>
        )}
        {a.monthToDate.lastDay && a.monthToDate.runRate && (
          <p data-testid="plan-actual-mtd">
            {t('list.mtd', {
              range: fmt.dayRange(a.monthToDate.from, a.monthToDate.lastDay),
              amount: money(a.monthToDate.total),
              runRate: money(a.monthToDate.runRate),
            })}
          </p>
        )}
      </div>
      {bill !== 0 && models.length > 0 && (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="plan-actual-models">
          {models.map((m) => {
            const ratio = Number(m.likely) / bill - 1;
            return (
              <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-4 py-2">
                <Link href={`/scenarios/${m.id}`} className="min-w-0 font-medium text-brand-700 hover:underline">{m.name}</Link>
                <span className="tabular text-slate-600">
                  {t('list.scenario')} {money(m.likely)} ·{' '}
                  <span className={Math.abs(ratio) > GAP_THRESHOLD ? 'text-amber-700' : undefined}>
                    {fmt.change(ratio, 0)}
                  </span>{' '}
                  <span className="text-xs text-slate-500">{t('list.against', { month: billMonth })}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
