// The cost view's choices as a plain GET form: the URL is the view, so it can be shared and bookmarked.
// Filter values are the group keys of the costs API (AWS:123456789012), shown by their labels.
// The end date is shown and taken as the last day included ("last"); the page turns it into the
// API's exclusive "to" before anything reads it.
import { useLocale, useTranslations } from 'next-intl';
import { regionLabel } from '@/lib/format/region-names';
import { parseScopedKey } from '@/lib/queries/cost-keys';
import type { TCostChoice, TCostChoices } from '@/lib/queries/get-cost-dimensions';
import { GROUP_BYS, TAG_PREFIX } from '@/lib/queries/get-costs';

const field = 'mt-1 w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm';

function Select(props: { name: string; label: string; value?: string; options: TCostChoice[]; any?: string; children?: React.ReactNode }) {
  return (
    <label className="block min-w-0 text-sm">
      <span className="font-medium text-slate-700">{props.label}</span>
      <select name={props.name} defaultValue={props.value ?? ''} className={field}>
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {props.children}
      </select>
    </label>
  );
}

export function CostFilters({ values, dimensions }: { values: Record<string, string>; dimensions: TCostChoices }) {
  const t = useTranslations('costs');
  const locale = useLocale();
  const any = t('filters.any');
  const regions = dimensions.regions.map((r) => {
    const id = parseScopedKey(r.value)?.id;
    return id ? { value: r.value, label: r.label.replace(id, regionLabel(id, locale)) } : r;
  });
  const groupChoices = GROUP_BYS.map((g) => ({ value: g, label: t(`groupBy.${g}`) }));
  return (
    <form method="get" aria-label={t('filters.form')} className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <label className="block min-w-0 text-sm">
        <span className="font-medium text-slate-700">{t('filters.from')}</span>
        <input type="date" name="from" defaultValue={values.from} className={field} required />
      </label>
      <label className="block min-w-0 text-sm">
        <span className="font-medium text-slate-700">{t('filters.last')}</span>
        <input type="date" name="last" defaultValue={values.last} className={field} required />
      </label>
      <Select
        name="granularity"
        label={t('filters.granularity')}
        value={values.granularity}
        options={[{ value: 'month', label: t('filters.month') }, { value: 'day', label: t('filters.day') }]}
      />
      <Select name="groupBy" label={t('filters.groupBy')} value={values.groupBy} options={[]}>
        <optgroup label={t('filters.dimensions')}>
          {groupChoices.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </optgroup>
        {dimensions.tagKeys.length > 0 && (
          <optgroup label={t('filters.tags')}>
            {dimensions.tagKeys.map((k) => <option key={k} value={`${TAG_PREFIX}${k}`}>{t('filters.tag', { key: k })}</option>)}
          </optgroup>
        )}
      </Select>
      <div className="col-span-2 grid grid-cols-2 gap-3 md:col-span-4 md:grid-cols-5">
      <Select name="provider" label={t('fields.provider')} value={values.provider} options={dimensions.providers} any={any} />
      <Select name="service" label={t('fields.service')} value={values.service} options={dimensions.services} any={any} />
      <Select name="region" label={t('fields.region')} value={values.region} options={regions} any={any} />
      <Select name="account" label={t('fields.account')} value={values.account} options={dimensions.accounts} any={any} />
      <Select name="category" label={t('fields.category')} value={values.category} options={dimensions.categories} any={any} />
      </div>
      <input type="hidden" name="currency" value={values.currency} />
      {values.sort && <input type="hidden" name="sort" value={values.sort} />}
      {values.dir && <input type="hidden" name="dir" value={values.dir} />}
      <div className="col-span-2 md:col-span-4">
        <button type="submit" className="rounded bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">{t('filters.show')}</button>
      </div>
    </form>
  );
}
