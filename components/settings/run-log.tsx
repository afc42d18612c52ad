// The run log of syncs and imports: when, what window, how many rows, what the provider API cost.
// Times are the organisation's, with their zone; windows are shown with their last day included.
import { getTranslations } from 'next-intl/server';
import type { TSyncRunView } from '@/lib/api/schemas/connections';
import type { TFormatter } from '@/lib/format/formatter';
import { getFormat } from '@/lib/i18n/server';
import { RUN_STATUS_STYLE } from './run-status-style';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';

const KNOWN_STATUSES = ['succeeded', 'failed', 'running', 'interrupted'] as const;
const KNOWN_TRIGGERS = ['schedule', 'manual', 'cli'] as const;
const KNOWN_ERRORS = ['invalid_configuration', 'authentication_failed', 'unreachable', 'unexpected_response', 'no_data_yet'] as const;
const known = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);

const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

type TRunLogT = Awaited<ReturnType<typeof getTranslations<'settings.runs'>>>;

export async function RunLog({ runs, showSource = false }: { runs: TSyncRunView[]; showSource?: boolean }) {
  const [t, fmt] = await Promise.all([getTranslations('settings.runs'), getFormat()]);
  return <RunLogTable runs={runs} showSource={showSource} t={t} fmt={fmt} />;
}

// The table itself, given its strings and formatter (also rendered by tests, outside a request).
export function RunLogTable({ runs, showSource = false, t, fmt }: { runs: TSyncRunView[]; showSource?: boolean; t: TRunLogT; fmt: TFormatter }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500">{t('none')}</p>;

  // a window is half-open [start, end): its last day is the one before end's instant
  const window = (r: TSyncRunView) => {
    if (!r.windowStart) return '—';
    const first = utcDay(new Date(r.windowStart));
    if (!r.windowEnd) return t('windowFrom', { day: fmt.day(first) });
    const last = utcDay(new Date(new Date(r.windowEnd).getTime() - 1));
    return last <= first ? fmt.day(first) : fmt.dayRange(first, last);
  };

  return (
    <div className={TABLE_SCROLL}>
      <table className={`${TABLE} min-w-[52rem]`} data-testid="run-log">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className={HEAD}>
          <tr>
            <th scope="col" className={`${STICKY_CELL} py-2`}>{t('started')}</th>
            {showSource && <th scope="col" className="px-2">{t('source')}</th>}
            <th scope="col" className="px-2">{t('window')}</th>
            <th scope="col" className="px-2">{t('status')}</th>
            <th scope="col" className="px-2 text-right">{t('inserted')}</th>
            <th scope="col" className="px-2 text-right">{t('updated')}</th>
            <th scope="col" className="px-2 text-right">{t('unchanged')}</th>
            <th scope="col" className="px-2 text-right">{t('apiRequests')}</th>
            <th scope="col" className="px-2 text-right">{t('apiCost')}</th>
            <th scope="col" className="pl-2">{t('error')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((r) => (
            <tr key={r.id} className="align-top">
              <td className={`${STICKY_CELL} py-2 whitespace-nowrap`}>
                {fmt.dateTime(r.startedAt)}
                {r.durationMs !== null && (
                  <span className="block text-xs text-slate-400">
                    {t('duration', { seconds: fmt.number(r.durationMs / 1000, 1) })}
                    {r.trigger ? ` · ${known(KNOWN_TRIGGERS, r.trigger) ? t(`trigger.${r.trigger}`) : r.trigger}` : ''}
                  </span>
                )}
              </td>
              {showSource && <td className="px-2 text-xs">{r.connectionName ?? r.source}</td>}
              <td className="px-2 whitespace-nowrap text-xs">{window(r)}</td>
              <td className="px-2">
                <span className={`rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${RUN_STATUS_STYLE[r.status] ?? ''}`}>
                  {known(KNOWN_STATUSES, r.status) ? t(`statuses.${r.status}`) : r.status}
                </span>
              </td>
              <td className="tabular px-2 text-right">{fmt.integer(r.rowsInserted)}</td>
              <td className="tabular px-2 text-right">{fmt.integer(r.rowsUpdated)}</td>
              <td className="tabular px-2 text-right">{fmt.integer(r.rowsUnchanged)}</td>
              <td className="tabular px-2 text-right">{fmt.integer(r.apiRequests)}</td>
              <td className="tabular px-2 text-right whitespace-nowrap">{fmt.money(r.apiCost, { currency: r.apiCostCurrency, digits: 2 })}</td>
              <td className={`max-w-md pl-2 text-xs text-red-700 ${r.error ? 'min-w-[16rem]' : ''}`}>
                {r.error}
                {r.errorStatus && (
                  <span className="block text-slate-500">{known(KNOWN_ERRORS, r.errorStatus) ? t(`errorStatus.${r.errorStatus}`) : r.errorStatus.replace(/_/g, ' ')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
