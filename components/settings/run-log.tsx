// The run log of syncs and imports: when, what window, how many rows, what the provider API cost.
import type { TSyncRunView } from '@/lib/api/schemas/connections';
import { formatMoney } from '@/lib/format/money';

const when = (iso: string | null, timeZone: string) => (iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone }) : '—');
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '…');

const STATUS_STYLE: Record<string, string> = {
  succeeded: 'bg-emerald-50 text-emerald-700',
  failed: 'bg-red-50 text-red-700',
  running: 'bg-blue-50 text-blue-700',
  interrupted: 'bg-amber-50 text-amber-800',
};

export function RunLog({ runs, showSource = false, timeZone }: { runs: TSyncRunView[]; showSource?: boolean; timeZone: string }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500">No runs yet.</p>;
  return (
    <table className="w-full text-sm" data-testid="run-log">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Started</th>
          {showSource && <th>Source</th>}
          <th>Window</th><th>Status</th><th className="text-right">Inserted</th><th className="text-right">Updated</th><th className="text-right">Unchanged</th><th className="text-right">API requests</th><th className="px-2 text-right">API cost</th><th className="pl-2">Error</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {runs.map((r) => (
          <tr key={r.id} className="align-top">
            <td className="py-2 whitespace-nowrap">{when(r.startedAt, timeZone)}{r.durationMs !== null && <span className="block text-xs text-slate-400">{(r.durationMs / 1000).toFixed(1)} s{r.trigger ? ` · ${r.trigger}` : ''}</span>}</td>
            {showSource && <td className="text-xs">{r.connectionName ?? r.source}</td>}
            <td className="whitespace-nowrap text-xs">{r.windowStart || r.windowEnd ? `${day(r.windowStart)} → ${day(r.windowEnd)}` : '—'}</td>
            <td><span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[r.status] ?? ''}`}>{r.status}</span></td>
            <td className="tabular text-right">{r.rowsInserted}</td>
            <td className="tabular text-right">{r.rowsUpdated}</td>
            <td className="tabular text-right">{r.rowsUnchanged}</td>
            <td className="tabular text-right">{r.apiRequests}</td>
            <td className="tabular px-2 text-right">{formatMoney(r.apiCost, r.apiCostCurrency, 'fr-FR', 2)}</td>
            <td className="max-w-md pl-2 text-xs text-red-700">{r.error}{r.errorStatus && <span className="block text-slate-500">{r.errorStatus.replace(/_/g, ' ')}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
