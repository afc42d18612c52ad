// The delivery log: each notification with its channel, what it said, when, its status and, when it
// did not get through, the error (credentials redacted) and when it is tried next.
import { getTranslations } from 'next-intl/server';
import type { TNotificationView } from '@/lib/api/schemas/notifications';
import { getFormat } from '@/lib/i18n/server';
import { DELIVERY_STATUS_STYLE } from './delivery-status-style';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';

function detail(row: TNotificationView): string | null {
  const p = row.payload;
  const name = p.budgetName ?? p.monitorName ?? p.channelName;
  return typeof name === 'string' ? name : null;
}

export async function DeliveryLog({ rows }: { rows: TNotificationView[] }) {
  const [t, fmt] = await Promise.all([getTranslations('notifications.log'), getFormat()]);
  const ts = await getTranslations('notifications.statuses');
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t('none')}</p>;
  return (
    <div className={TABLE_SCROLL}>
      <table className={`${TABLE} min-w-[60rem]`} data-testid="delivery-log">
        <thead className={HEAD}>
          <tr>
            <th scope="col" className={`${STICKY_CELL} py-2`}>{t('when')}</th>
            <th scope="col" className="px-2">{t('channel')}</th>
            <th scope="col" className="px-2">{t('what')}</th>
            <th scope="col" className="px-2">{t('status')}</th>
            <th scope="col" className="px-2">{t('error')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const name = detail(r);
            return (
              <tr key={r.id} className="align-top">
                <td className={`${STICKY_CELL} py-2 whitespace-nowrap`}>{fmt.dateTime(r.sentAt ?? r.createdAt)}</td>
                <td className="px-2 py-2 whitespace-nowrap">{r.channelName}{r.channelId === null && <span className="ml-1 text-xs text-slate-400">({t('deletedChannel')})</span>}</td>
                <td className="min-w-[16rem] px-2 py-2" title={r.subject ?? undefined}>
                  <span className="font-medium">{t(`kinds.${r.kind}`)}</span>
                  {name && r.kind !== 'test' && <span className="text-slate-600"> · {name}</span>}
                  {r.frequency === 'daily' && <span className="ml-1 text-xs text-slate-500">({t('daily')})</span>}
                </td>
                <td className="px-2 py-2 whitespace-nowrap">
                  <span className={`rounded px-1.5 py-0.5 text-xs ${DELIVERY_STATUS_STYLE[r.status] ?? ''}`}>{ts(r.status)}</span>
                  <span className="ml-1 text-xs text-slate-500">{t('attempts', { count: r.attempts })}</span>
                  {r.nextAttemptAt && r.attempts > 0 && <div className="text-xs text-slate-500">{t('nextAttempt', { when: fmt.dateTime(r.nextAttemptAt) })}</div>}
                </td>
                <td className="min-w-[14rem] max-w-[28rem] px-2 py-2 text-xs break-words text-red-700">{r.lastError ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
