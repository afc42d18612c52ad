'use client';

// The price catalogue, grouped by provider and class: list price with its source and date, estimate
// badge, the price actually paid beside it where known; editors change a price (the history is kept
// and shown). The providers in use come first; the others are folded away until asked for.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useFormat } from '@/components/i18n/format-provider';
import { callApi } from '@/components/settings/use-api';
import { providerColor } from '@/lib/format/palette';
import { PRICE_KINDS } from '@/lib/planning/price-catalogue';
import { providerKey, providerName } from '@/lib/prices/provider-key';
import type { TPriceView } from '@/lib/queries/get-price-catalogue-view';
import type { TPriceChange } from '@/lib/queries/get-price-history';

type TPricesT = ReturnType<typeof useTranslations<'prices'>>;

const enc = (id: string) => encodeURIComponent(id);

function unitWords(t: TPricesT, unit: string): string {
  const key = `units.${unit.replace(/[^A-Za-z0-9]/g, '_')}` as 'units.GB';
  return t.has(key) ? t(key) : unit;
}

function kindWords(t: TPricesT, kind: string): string {
  const key = `kinds.${kind}` as 'kinds.logs';
  return t.has(key) ? t(key) : kind;
}

function EditForm({ price, onDone }: { price: TPriceView; onDone: () => void }) {
  const t = useTranslations('prices');
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
    <form onSubmit={submit} aria-label={t('editLabel', { id: price.id })} className="grid gap-2 rounded-lg bg-slate-50 p-3 text-xs text-slate-600 md:grid-cols-4">
      <label>{t('unitPrice', { currency: price.currency, unit: unitWords(t, price.unit) })}<input name="unitPrice" inputMode="decimal" defaultValue={price.unitPrice} required className={`${field} w-full`} /></label>
      <label>{t('effectiveDate')}<input name="effectiveDate" type="date" defaultValue={price.effectiveDate} required className={`${field} w-full`} /></label>
      <label className="md:col-span-2">{t('sourceField')}<input name="source" defaultValue={price.source} required className={`${field} w-full`} /></label>
      <label className="flex items-center gap-1"><input type="checkbox" name="estimate" defaultChecked={price.estimate} /> {t('isEstimate')}</label>
      <label className="md:col-span-2">{t('why')}<input name="note" className={`${field} w-full`} /></label>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700">{t('save')}</button>
        <button type="button" onClick={onDone} className="text-sm text-slate-500 hover:underline">{t('cancel')}</button>
      </div>
      {error && <p role="alert" className="text-sm text-red-700 md:col-span-4">{error}</p>}
    </form>
  );
}

function History({ id }: { id: string }) {
  const t = useTranslations('prices');
  const fmt = useFormat();
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
      <button type="button" onClick={toggle} className="text-xs text-slate-500 hover:underline">{open ? t('hideHistory') : t('history')}</button>
      {open && (
        <div className="mt-1 text-xs text-slate-600" data-testid={`price-history-${id}`}>
          {error && <p role="alert" className="text-red-700">{error}</p>}
          {!rows && !error && <p>{t('loading')}</p>}
          {rows?.length === 0 && <p>{t('neverChanged')}</p>}
          {rows?.map((r) => (
            <p key={r.id}>
              {t('changedAt', { at: fmt.dateTime(r.changedAt), who: r.changedBy ?? t('someone') })}:{' '}
              {/* the changed fields by their API names, old → new, as the history stores them */}
              {Object.keys(r.new).map((k) => `${k} ${String(r.old[k])} → ${String(r.new[k])}`).join('; ')}
              {r.note ? ` (${r.note})` : ''}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

function PriceRows({ prices, canEdit }: { prices: TPriceView[]; canEdit: boolean }) {
  const t = useTranslations('prices');
  const fmt = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const sticky = 'sticky left-0 z-10 bg-white';
  return (
    <div className="overflow-x-auto">
      {/* fixed columns, so the tables of every class line up under one another */}
      <table className="w-full min-w-[64rem] table-fixed text-sm" data-testid="price-table">
        <colgroup>
          <col className="w-40 sm:w-60" />
          <col className="w-28" />
          <col className="w-32" />
          <col className="w-24" />
          <col />
          <col className="w-24" />
          <col className="w-20" />
        </colgroup>
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className={`${sticky} py-2 pr-3`}>{t('item')}</th>
            <th className="pr-3">{t('region')}</th>
            <th className="pr-3 text-right">{t('listPrice')}</th>
            <th className="text-right">{t('paid')}</th>
            <th className="pl-4">{t('source')}</th>
            <th className="pl-3">{t('effective')}</th>
            <th />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {prices.map((p) => (
            <PriceRow key={p.id} p={p} canEdit={canEdit} editing={editing === p.id} onEdit={() => setEditing(p.id)} onDone={() => setEditing(null)} t={t} fmt={fmt} sticky={sticky} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PriceRow(props: {
  p: TPriceView;
  canEdit: boolean;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  t: TPricesT;
  fmt: ReturnType<typeof useFormat>;
  sticky: string;
}) {
  const { p, t, fmt, sticky } = props;
  const details = [
    p.id,
    p.tier ? t('tier', { from: fmt.number(p.tier.from), to: p.tier.to === null ? '∞' : fmt.number(p.tier.to) }) : null,
    p.includedQuantity ? t('included', { quantity: fmt.number(p.includedQuantity) }) : null,
  ].filter(Boolean);
  return (
    <>
      <tr className="align-top" data-testid={`price-${p.id}`}>
        <td className={`${sticky} py-2 pr-3`}>
          {p.name}
          {p.estimate && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-800">{t('estimate')}</span>}
          <div className="break-all text-xs text-slate-400" title={details.join(' · ')}>{details.join(' · ')}</div>
        </td>
        <td className="whitespace-nowrap pr-3 text-xs text-slate-500">{p.region ?? t('global')}</td>
        <td className="tabular whitespace-nowrap pr-3 text-right">
          {/* a commitment's "price" is a factor on the on-demand price, not an amount of money */}
          {p.unit === 'multiplier' ? (
            <>
              ×{fmt.number(Number(p.unitPrice))}
              <div className="text-xs text-slate-400">{t('ofOnDemand')}</div>
            </>
          ) : (
            <>
              {fmt.unitPrice(p.unitPrice, { currency: p.currency })}
              <div className="text-xs text-slate-400">{t('per', { unit: unitWords(t, p.unit) })}</div>
            </>
          )}
        </td>
        <td className="tabular whitespace-nowrap text-right">
          {p.paid ? (
            <span title={p.paid.basis}>
              {fmt.unitPrice(p.paid.unitPrice, { currency: p.paid.currency })}
              <div className="text-xs text-slate-400">{t('records', { count: p.paid.n })}</div>
            </span>
          ) : (
            <span className="text-slate-300">—</span>
          )}
        </td>
        <td className="pl-4 text-xs text-slate-600">
          {p.source}
          {p.updatedBy && p.updatedBy !== 'planning seed' && <div className="text-slate-400">{t('changedBy', { who: p.updatedBy })}</div>}
          <History id={p.id} />
        </td>
        <td className="whitespace-nowrap pl-3 text-xs text-slate-500">{fmt.day(p.effectiveDate)}</td>
        <td className="pl-2 text-right">
          {props.canEdit && !props.editing && (
            <button type="button" onClick={props.onEdit} className="text-xs font-medium text-brand-600 hover:underline">{t('edit')}</button>
          )}
        </td>
      </tr>
      {props.editing && (
        <tr>
          <td colSpan={7} className="pb-3">
            <EditForm price={p} onDone={props.onDone} />
          </td>
        </tr>
      )}
    </>
  );
}

type TProviderGroup = { key: string; name: string; prices: TPriceView[]; byKind: { kind: string; prices: TPriceView[] }[] };

function ProviderSection({ group, canEdit }: { group: TProviderGroup; canEdit: boolean }) {
  const t = useTranslations('prices');
  return (
    <section className="min-w-0" data-testid={`price-provider-${group.key}`}>
      <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
        <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: providerColor(group.key) }} />
        {group.name}
        <span className="text-xs font-normal text-slate-500">{t('providerCount', { count: group.prices.length })}</span>
      </h2>
      {group.byKind.map((k) => (
        <div key={k.kind} className="mt-3" data-testid={`price-class-${k.kind}`}>
          <h3 className="mb-1 text-sm font-medium text-slate-700">{kindWords(t, k.kind)}</h3>
          <PriceRows prices={k.prices} canEdit={canEdit} />
        </div>
      ))}
    </section>
  );
}

function groupByProvider(prices: TPriceView[]): TProviderGroup[] {
  const groups = new Map<string, TProviderGroup>();
  for (const p of prices) {
    const key = providerKey(p.provider);
    const g = groups.get(key) ?? { key, name: providerName(p.provider), prices: [], byKind: [] };
    g.prices.push(p);
    groups.set(key, g);
  }
  const order = (kind: string) => {
    const i = (PRICE_KINDS as readonly string[]).indexOf(kind);
    return i < 0 ? PRICE_KINDS.length : i;
  };
  for (const g of groups.values()) {
    const kinds = [...new Set(g.prices.map((p) => p.kind))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    g.byKind = kinds.map((kind) => ({ kind, prices: g.prices.filter((p) => p.kind === kind) }));
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function PriceTable(props: { prices: TPriceView[]; inUse: string[]; canEdit: boolean }) {
  const t = useTranslations('prices');
  const [filter, setFilter] = useState('');
  const [provider, setProvider] = useState('');
  const [kind, setKind] = useState('');
  const inUse = useMemo(() => new Set(props.inUse), [props.inUse]);
  const all = useMemo(() => groupByProvider(props.prices), [props.prices]);
  const kinds = useMemo(() => [...new Set(props.prices.map((p) => p.kind))], [props.prices]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return props.prices.filter(
      (p) =>
        (!provider || providerKey(p.provider) === provider) &&
        (!kind || p.kind === kind) &&
        (!q || `${p.id} ${p.name} ${p.provider} ${providerName(p.provider)} ${p.kind} ${kindWords(t, p.kind)} ${p.region ?? ''}`.toLowerCase().includes(q)),
    );
  }, [filter, provider, kind, props.prices, t]);
  const groups = groupByProvider(shown);
  // a provider asked for by name is shown open, in use or not
  const used = groups.filter((g) => inUse.has(g.key) || g.key === provider);
  const unused = groups.filter((g) => !inUse.has(g.key) && g.key !== provider);
  const unusedAll = all.filter((g) => !inUse.has(g.key));
  const filtered = Boolean(filter.trim() || kind);
  const control = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';
  return (
    <div className="min-w-0">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('filterPlaceholder')}
          aria-label={t('filter')}
          className={`${control} w-full sm:w-72`}
        />
        <select value={provider} onChange={(e) => setProvider(e.target.value)} aria-label={t('provider')} className={`${control} min-w-0 flex-1 sm:flex-none`}>
          <option value="">{t('allProviders')}</option>
          {all.map((g) => (
            <option key={g.key} value={g.key}>{g.name}</option>
          ))}
        </select>
        <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label={t('class')} className={`${control} min-w-0 flex-1 sm:flex-none`}>
          <option value="">{t('allClasses')}</option>
          {kinds
            .map((k) => ({ k, label: kindWords(t, k) }))
            .sort((a, b) => a.label.localeCompare(b.label))
            .map(({ k, label }) => (
              <option key={k} value={k}>{label}</option>
            ))}
        </select>
      </div>
      <p className="text-xs text-slate-500" data-testid="price-counts">
        {t('counts', {
          shown: shown.length,
          total: props.prices.length,
          estimates: props.prices.filter((p) => p.estimate).length,
          paid: props.prices.filter((p) => p.paid).length,
        })}
      </p>
      {unusedAll.length > 0 && <p className="text-xs text-slate-500">{t('inUseNote')}</p>}
      <div className="mb-4" />
      {shown.length === 0 && <p className="py-4 text-sm text-slate-500">{t('noMatch')}</p>}
      <div className="space-y-8">
        {used.map((g) => (
          <ProviderSection key={g.key} group={g} canEdit={props.canEdit} />
        ))}
      </div>
      {unused.length > 0 && (
        <details className="mt-8 rounded-lg border border-slate-200 p-3" data-testid="prices-not-in-use">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">
            {t('notInUse', { count: unused.length, names: unused.map((g) => g.name).join(', ') })}
            {filtered && <span className="ml-2 text-xs font-normal text-slate-500">{t('notInUseMatches', { count: unused.reduce((a, g) => a + g.prices.length, 0) })}</span>}
          </summary>
          <div className="mt-4 space-y-8">
            {unused.map((g) => (
              <ProviderSection key={g.key} group={g} canEdit={props.canEdit} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}
