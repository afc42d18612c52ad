// The weekly report's delivery log: who got which week, when, and why not when it failed.
import { getTranslations } from 'next-intl/server';
import { getFormat } from '@/lib/i18n/server';
import type { TReportDeliveryView } from '@/lib/queries/list-report-deliveries';
import { HEAD, STICKY_CELL, TABLE, TABLE_SCROLL } from './table-classes';

const STATUS_CLASS: Record<string, string> = { sent: 'text-emerald-700', failed: 'text-red-700', retrying: 'text-amber-700', sending: 'text-slate-600' };

export async function ReportDeliveryLog({ deliveries }: { deliveries: TReportDeliveryView[] }) {
  const [t, fmt] = await Promise.all([getTranslations('reports.settings.log'), getFormat()]);
  if (!deliveries.length) return <p className="text-sm text-slate-500">{t('none')}</p>;
  return (
    <div className={TABLE_SCROLL}>
      <table className={`${TABLE} min-w-[44rem]`} data-testid="report-deliveries">
        <thead className={HEAD}>
          <tr>
            <th scope="col" className={`${STICKY_CELL} py-2`}>{t('when')}</th>
            <th scope="col" className="px-2">{t('schedule')}</th>
            <th scope="col" className="px-2">{t('week')}</th>
            <th scope="col" className="px-2">{t('recipient')}</th>
            <th scope="col" className="px-2">{t('status')}</th>
            <th scope="col" className="px-2 text-right">{t('size')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td className={`${STICKY_CELL} py-2 whitespace-nowrap`}>{fmt.dateTime(d.sentAt ?? d.createdAt)}</td>
              <td className="px-2 whitespace-nowrap">{d.scheduleName}</td>
              <td className="px-2 whitespace-nowrap">{d.week}</td>
              <td className="px-2 whitespace-nowrap">{d.recipient}</td>
              <td className={`px-2 ${STATUS_CLASS[d.status] ?? ''}`} title={d.error ?? undefined}>
                {t(`statuses.${d.status as 'sent'}`)}
                {d.error && <div className="max-w-[20rem] truncate text-xs text-slate-500">{d.error}</div>}
              </td>
              <td className="px-2 text-right whitespace-nowrap tabular">{d.sizeBytes === null ? '—' : fmt.bytes(d.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
