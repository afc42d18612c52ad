// The cost view's choices as a plain GET form: the URL is the view, so it can be shared and bookmarked.
// Filter values are the group keys of the costs API (AWS:123456789012), shown by their labels.
import type { TCostDimensions } from '@/lib/queries/get-cost-dimensions';

const field = 'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm';

function Select(props: { name: string; label: string; value?: string; options: { value: string; label: string }[]; any?: string }) {
  return (
    <label className="block text-sm">
      <span className="font-medium text-slate-700">{props.label}</span>
      <select name={props.name} defaultValue={props.value ?? ''} className={field}>
        {props.any !== undefined && <option value="">{props.any}</option>}
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

const list = (values: string[]) => values.map((v) => ({ value: v, label: v }));

export function CostFilters({ values, dimensions }: { values: Record<string, string>; dimensions: TCostDimensions }) {
  return (
    <form method="get" aria-label="Cost view" className="grid gap-3 md:grid-cols-4 lg:grid-cols-9">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">From</span>
        <input type="date" name="from" defaultValue={values.from} className={field} required />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">To (exclusive)</span>
        <input type="date" name="to" defaultValue={values.to} className={field} required />
      </label>
      <Select name="granularity" label="Per" value={values.granularity} options={[{ value: 'month', label: 'month' }, { value: 'day', label: 'day' }]} />
      <Select name="groupBy" label="Group by" value={values.groupBy} options={list(['provider', 'service', 'region', 'account', 'category', 'none'])} />
      <Select name="provider" label="Provider" value={values.provider} options={dimensions.providers} any="all" />
      <Select name="service" label="Service" value={values.service} options={dimensions.services} any="all" />
      <Select name="region" label="Region" value={values.region} options={dimensions.regions} any="all" />
      <Select name="account" label="Account" value={values.account} options={dimensions.accounts} any="all" />
      <Select name="category" label="Category" value={values.category} options={dimensions.categories} any="all" />
      <input type="hidden" name="currency" value={values.currency} />
      <div className="md:col-span-4 lg:col-span-9">
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Show</button>
      </div>
    </form>
  );
}
