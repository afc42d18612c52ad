'use client';

// The price catalogue: list price with its source and date, estimate badge, the price actually paid
// beside it where known; editors change a price (the history is kept and shown).
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { callApi } from '@/components/settings/use-api';
import type { TPriceView } from '@/lib/queries/get-price-catalogue-view';
import type { TPriceChange } from '@/lib/queries/get-price-history';
import { unitPrice } from './format';

const enc = (id: string) => encodeURIComponent(id);

function EditForm({ price, onDone }: { price: TPriceView; onDone: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setError(null);
    try {
      await callApi('PATCH', `/api/v1/prices/${enc(price.id)}`, {
        unitPrice: String(f.get('unitPrice')).trim().replace(',', '.'),
        effectiveDate: String(f.get('effectiveDate')),
        source: String(f.get('source')).trim(),
        estimate: f.get('estimate') === 'on',
        note: String(f.get('note') ?? '').trim() || undefined,
      });
      onDone();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const field = 'rounded border border-slate-300 px-2 py-1 text-sm';
  return (
    <form onSubmit={submit} aria-label={`Edit ${price.id}`} className="grid gap-2 rounded-lg bg-slate-50 p-3 text-xs text-slate-600 md:grid-cols-4">
      <label>Unit price ({price.currency} per {price.unit})<input name="unitPrice" defaultValue={price.unitPrice} required className={`${field} w-full`} /></label>
      <label>Effective date<input name="effectiveDate" type="date" defaultValue={price.effectiveDate} required className={`${field} w-full`} /></label>
      <label className="md:col-span-2">Source<input name="source" defaultValue={price.source} required className={`${field} w-full`} /></label>
      <label className="flex items-center gap-1"><input type="checkbox" name="estimate" defaultChecked={price.estimate} /> an estimate</label>
      <label className="md:col-span-2">Why (kept in the history)<input name="note" className={`${field} w-full`} /></label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">Save price</button>
        <button type="button" onClick={onDone} className="text-sm text-slate-500 hover:underline">Cancel</button>
      </div>
      {error && <p role="alert" className="text-sm text-red-700 md:col-span-4">{error}</p>}
    </form>
  );
}

function History({ id, locale, timeZone }: { id: string; locale: string; timeZone: string }) {
  const [rows, setRows] = useState<TPriceChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  async function toggle() {
    setOpen(!open);
    if (rows || open) return;
    try {
      setRows((await callApi<{ history: TPriceChange[] }>('GET', `/api/v1/prices/${enc(id)}/history`)).history);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div>
      <button type="button" onClick={toggle} className="text-xs text-slate-500 hover:underline">{open ? 'Hide history' : 'History'}</button>
      {open && (
        <div className="mt-1 text-xs text-slate-600" data-testid={`price-history-${id}`}>
          {error && <p role="alert" className="text-red-700">{error}</p>}
          {!rows && !error && <p>Loading…</p>}
          {rows?.length === 0 && <p>Never changed since it was seeded.</p>}
          {rows?.map((r) => (
            <p key={r.id}>
              {new Date(r.changedAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short', timeZone })} · {r.changedBy}:{' '}
              {Object.keys(r.new).map((k) => `${k} ${String(r.old[k])} → ${String(r.new[k])}`).join('; ')}
              {r.note ? ` (${r.note})` : ''}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

export function PriceTable(props: { prices: TPriceView[]; canEdit: boolean; locale: string; timeZone: string }) {
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? props.prices.filter((p) => `${p.id} ${p.name} ${p.provider} ${p.kind} ${p.region ?? ''}`.toLowerCase().includes(q)) : props.prices;
  }, [filter, props.prices]);
  const { locale } = props;
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter: atlas, m6i, cloudfront, eu-west-3…" aria-label="Filter prices"
          className="w-80 rounded border border-slate-300 px-2 py-1 text-sm" />
        <span className="text-xs text-slate-500">{shown.length} of {props.prices.length} prices · {props.prices.filter((p) => p.estimate).length} estimates · {props.prices.filter((p) => p.paid).length} with a price paid</span>
      </div>
      <table className="w-full text-sm" data-testid="price-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="py-2">Item</th><th>Region</th><th className="text-right">List price</th><th className="text-right">Paid</th><th className="pl-4">Source</th><th>Effective</th><th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((p) => (
            <tr key={p.id} className="align-top" data-testid={`price-${p.id}`}>
              <td className="py-2 pr-3">
                {p.name}
                {p.estimate && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800">estimate</span>}
                <div className="text-xs text-slate-400">{p.id}{p.tier ? ` · tier ${p.tier.from}–${p.tier.to ?? '∞'}` : ''}{p.includedQuantity ? ` · ${p.includedQuantity} included` : ''}</div>
                {editing === p.id && <div className="mt-2"><EditForm price={p} onDone={() => setEditing(null)} /></div>}
              </td>
              <td className="text-xs text-slate-500">{p.region ?? 'global'}</td>
              <td className="tabular whitespace-nowrap text-right">{unitPrice(p.unitPrice, p.currency, locale)}<div className="text-xs text-slate-400">per {p.unit}</div></td>
              <td className="tabular whitespace-nowrap text-right">
                {p.paid ? <span title={p.paid.basis}>{unitPrice(p.paid.unitPrice, p.paid.currency, locale)}<div className="text-xs text-slate-400">{p.paid.n} records</div></span> : <span className="text-slate-300">—</span>}
              </td>
              <td className="max-w-md pl-4 text-xs text-slate-600">
                {p.source}
                {p.updatedBy && p.updatedBy !== 'planning seed' && <div className="text-slate-400">changed by {p.updatedBy}</div>}
                <History id={p.id} locale={locale} timeZone={props.timeZone} />
              </td>
              <td className="whitespace-nowrap text-xs text-slate-500">{p.effectiveDate}</td>
              <td className="pl-2 text-right">
                {props.canEdit && editing !== p.id && (
                  <button type="button" onClick={() => setEditing(p.id)} className="text-xs font-medium text-brand-600 hover:underline">Edit</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
